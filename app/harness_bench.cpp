// Benchmarks of the harness, not tests: their figures go into the README with the command that produced them.
#include "harness_bench.h"

#include <chrono>
#include <iostream>
#include <thread>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "event_queue.h"
#include "run_scheduler.h"
#include "statistics.h"
#include "text_format.h"

namespace versus::cli {

namespace {

using Clock = std::chrono::steady_clock;

/// Starts the spin workload, cancels it after `settle`, returns ns from cancel() to the plan's end.
double cancelLatencyNs(RuntimeRegistry& registry, const Workload& spin, const std::string& runtime)
{
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry, queue);
    HarnessOptions options;
    options.timeoutS = 30;
    scheduler.start({{{&spin, runtime, {}}}, options});
    // Wait until the workload really runs: its environment is up once the Started event is out.
    bool started = false;
    while (!started)
        for (auto& e : queue.take(64, std::chrono::milliseconds(10)))
            started = started || std::holds_alternative<StartedEvent>(e);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto t0 = Clock::now();
    scheduler.cancel();
    scheduler.wait();
    return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
}

} // namespace

int harnessBench(const std::vector<std::string>& args)
{
    int runs = 10;
    for (size_t i = 0; i < args.size(); ++i)
        if (args[i] == "--runs" && i + 1 < args.size())
            runs = std::max(1, std::atoi(args[++i].c_str()));
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    const Catalog selftest = Catalog::load(workloadsDirectory() / "_selftest");
    const Workload* spin = selftest.find("spin");
    const Workload* noop = selftest.find("noop");
    if (!spin || !noop) {
        std::cerr << "versus: the self-test workloads are missing from " << (workloadsDirectory() / "_selftest")
                  << "\n";
        return 2;
    }
    std::cout << "Harness benchmark (" << runs << " runs per figure)\n";
    for (const std::string runtime : {"python", "node"}) {
        std::vector<double> latencies;
        for (int i = 0; i < runs; ++i)
            latencies.push_back(cancelLatencyNs(registry, *spin, runtime));

        // Cost of the harness loop around an empty call: calibrated as usual, per call.
        EventQueue queue(1 << 16);
        RunScheduler scheduler(registry, queue);
        HarnessOptions perCall;
        perCall.warmupSamples = 3;
        perCall.samples = runs;
        scheduler.runBlocking({{{noop, runtime, {}}}, perCall});
        queue.drain();
        const Result loop = scheduler.results().at(0);

        // Cost of one sample's round trip (timing, native call, heap reading, event), one call per sample: the
        // difference between jobs of 2200 and 200 samples, so that environment set-up cancels out.
        auto jobWallNs = [&](int samples) {
            HarnessOptions perSample;
            perSample.warmupSamples = 0;
            perSample.samples = samples;
            perSample.minSampleTimeMs = 0;
            perSample.maxInnerLoops = 1;
            const auto t0 = Clock::now();
            scheduler.runBlocking({{{noop, runtime, {}}}, perSample});
            queue.drain();
            return static_cast<double>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
        };
        std::vector<double> perSampleNs;
        for (int i = 0; i < std::max(3, runs / 3); ++i)
            perSampleNs.push_back((jobWallNs(2200) - jobWallNs(200)) / 2000.0);
        queue.close();

        std::string name = registry.descriptor(runtime)->info.name;
        std::cout << "\n" << name << "\n"
                  << "  cancel latency of a busy loop: median " << formatDuration(stats::median(latencies))
                  << ", max " << formatDuration(stats::maximum(latencies)) << "\n";
        if (loop.ok())
            std::cout << "  harness cost per empty call: " << formatDuration(loop.summary.medianNs) << "\n";
        std::cout << "  cost of one sample (time it, report it, read the heap, post the event): median "
                  << formatDuration(stats::median(perSampleNs)) << "\n";
    }
    return 0;
}

} // namespace versus::cli
