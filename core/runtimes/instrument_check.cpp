// The instrument check: Versus's own figures beside the specialist's tools, measured in one go on this machine.
#include "instrument_check.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <regex>
#include <thread>
#include <time.h>

#include "catalog.h"
#include "clock.h"
#include "event_queue.h"
#include "external/child_process.h"
#include "run_scheduler.h"
#include "runtime_registry.h"
#include "statistics.h"
#include "text_format.h"

namespace versus {

namespace {

constexpr const char* kFidelity = "Embedded against the same interpreter as a process (median per call, interleaved)";
constexpr const char* kHarness = "Harness cost per call (an empty workload)";
constexpr const char* kSample = "Cost of one sample outside the timed loop (report, heap reading, event)";
constexpr const char* kClock = "Clock";
constexpr const char* kCancel = "Cancel latency of a busy loop (Stop or Ctrl-C until the runtime is free)";
constexpr const char* kSpread = "Spread of a fib median at defaults";

constexpr double kFidelityTolerance = 0.03;  // the goal: embedded within 3% of the process
constexpr double kTimeitFactor = 1.10;  // the goal: the harness within 10% of timeit's bare call

/// The pairs compared: embedded runtime, the same interpreter as a process.
const std::pair<const char*, const char*> kPairs[] = {{"python", "python3"}, {"node", "node18-process"}};
const char* const kCpuWorkloads[] = {"fib", "nbody", "dict_ops"};

std::string ratioText(double ratio)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3fx", ratio);
    return buf;
}

std::string percentText(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

/// Runs a plan on a scheduler thread while this thread drains the events, so that no plan can fill the queue.
std::vector<Result> runPlan(RuntimeRegistry& registry, RunPlan plan, const std::atomic<bool>* cancelled)
{
    EventQueue queue(1 << 14);
    RunScheduler scheduler(registry, queue);
    scheduler.start(std::move(plan));
    bool done = false;
    while (!done) {
        if (cancelled && cancelled->load())
            scheduler.cancel();
        for (auto& e : queue.take(4096, std::chrono::milliseconds(20)))
            done = done || std::holds_alternative<PlanDoneEvent>(e);
    }
    scheduler.wait();
    return scheduler.results();
}

HarnessOptions baseOptions(const InstrumentCheckOptions& options)
{
    HarnessOptions h;
    if (options.quick) {
        h.warmupSamples = 1;
        h.samples = 3;
        h.minSampleTimeMs = 5;
    }
    h.timeoutS = 120;
    return h;
}

ParamValues tinyParams(const Workload& w, bool quick)
{
    return quick ? w.tinyParams : ParamValues{};
}

const Result* find(const std::vector<Result>& results, const std::string& workload, const std::string& runtime)
{
    for (const auto& r : results)
        if (r.workloadId == workload && r.runtimeId == runtime && r.flavour == "plain")
            return &r;
    return nullptr;
}

/// Starts the spin workload, cancels it once it runs, returns ns from cancel() to the plan's end.
double cancelLatencyNs(RuntimeRegistry& registry, const Workload& spin, const std::string& runtime)
{
    EventQueue queue(1 << 14);
    RunScheduler scheduler(registry, queue);
    HarnessOptions options;
    options.timeoutS = 30;
    scheduler.start({{{&spin, runtime, {}}}, options});
    bool started = false;
    while (!started && scheduler.running())
        for (auto& e : queue.take(64, std::chrono::milliseconds(10)))
            started = started || std::holds_alternative<StartedEvent>(e);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::int64_t t0 = steadyNowNs();
    scheduler.cancel();
    while (scheduler.running())
        queue.take(4096, std::chrono::milliseconds(5));
    scheduler.wait();
    return static_cast<double>(steadyNowNs() - t0);
}

/// Smallest step of the host's monotonic clock seen in a tight loop of reads, in ns.
double observedClockStepNs()
{
    std::int64_t best = INT64_MAX;
    std::int64_t last = steadyNowNs();
    for (int i = 0; i < 200000; ++i) {
        const std::int64_t now = steadyNowNs();
        if (now > last)
            best = std::min(best, now - last);
        last = now;
    }
    return static_cast<double>(best);
}

class Check {
public:
    Check(RuntimeRegistry& registry, const Catalog& catalog, const Catalog& selftest,
          const InstrumentCheckOptions& options)
        : m_registry(registry), m_catalog(catalog), m_selftest(selftest), m_options(options)
    {
    }

    InstrumentReport run()
    {
        fidelity();
        for (const Result& r : m_fibResults)
            spread(r);
        harnessCost();
        sampleCost();
        clock();
        cancelLatency();
        return m_report;
    }

private:
    bool stop() const { return m_options.cancelled && m_options.cancelled->load(); }
    void progress(const std::string& text) const
    {
        if (m_options.progress)
            m_options.progress(text);
    }
    bool available(const std::string& id)
    {
        const RuntimeDescriptor* d = m_registry.descriptor(id);
        if (d && d->available())
            return true;
        m_report.notes.push_back("'" + id
                                 + "' was left out: " + (d ? d->unavailableReason : std::string("no such runtime")));
        return false;
    }
    std::string nameOf(const std::string& id) const
    {
        const RuntimeDescriptor* d = m_registry.descriptor(id);
        return d ? d->info.name : id;
    }
    void add(const char* section, std::string what, std::string value, std::string reference = {},
             std::optional<bool> meets = std::nullopt)
    {
        m_report.figures.push_back({section, std::move(what), std::move(value), std::move(reference), meets});
    }

    void fidelity()
    {
        for (const auto& [embedded, process] : kPairs) {
            if (stop() || !available(embedded) || !available(process))
                continue;
            progress("measuring " + nameOf(embedded) + " against " + nameOf(process));
            RunPlan plan;
            plan.options = baseOptions(m_options);
            plan.order = RunOrder::Interleaved;
            for (const char* id : kCpuWorkloads)
                if (const Workload* w = m_catalog.find(id))
                    for (const char* runtime : {embedded, process})
                        plan.items.push_back({w, runtime, tinyParams(*w, m_options.quick)});
            const std::vector<Result> results = runPlan(m_registry, plan, m_options.cancelled);
            for (const char* id : kCpuWorkloads) {
                const Result* e = find(results, id, embedded);
                const Result* p = find(results, id, process);
                const std::string what = std::string(id) + ": " + nameOf(embedded) + " / " + nameOf(process);
                if (!e || !p || !e->ok() || !p->ok()) {
                    add(kFidelity, what, "not measured: " + firstFailure(e, p), "goal 1.00x +- 0.03", false);
                    continue;
                }
                const stats::Comparison c =
                    stats::compareSamples(stats::perCallNs(e->samples), stats::perCallNs(p->samples));
                add(kFidelity, what,
                    ratioText(c.ratio) + " (95% CI " + ratioText(c.ratioCi.low) + " to " + ratioText(c.ratioCi.high)
                        + ")",
                    "goal 1.00x +- 0.03", std::fabs(c.ratio - 1) <= kFidelityTolerance);
                if (std::string(id) == "fib")
                    m_fibResults.push_back(*e);
            }
        }
    }

    void spread(const Result& r)
    {
        const double halfWidth = (r.summary.ciHighNs - r.summary.ciLowNs) / 2 / r.summary.medianNs;
        add(kSpread, r.runtimeName,
            "CV " + percentText(r.summary.cv) + ", 95% CI of the median +- " + percentText(halfWidth) + " ("
                + std::to_string(r.summary.samples) + " samples)");
    }

    static std::string firstFailure(const Result* a, const Result* b)
    {
        for (const Result* r : {a, b})
            if (r && !r->ok())
                return r->seriesName() + ": " + r->failure.message;
        return "no result";
    }

    void harnessCost()
    {
        const Workload* noop = m_selftest.find("noop");
        const Workload* bare = m_selftest.find("bare_loop");
        if (!noop || !bare || stop())
            return;
        progress("measuring the harness's cost per call");
        RunPlan plan;
        plan.options = baseOptions(m_options);
        for (const auto& [embedded, process] : kPairs)
            for (const char* runtime : {embedded, process})
                if (m_registry.descriptor(runtime) && m_registry.descriptor(runtime)->available())
                    plan.items.push_back({noop, runtime, {}});
        if (m_registry.descriptor("node") && m_registry.descriptor("node")->available())
            plan.items.push_back({bare, "node", {}});
        const std::vector<Result> results = runPlan(m_registry, plan, m_options.cancelled);

        const std::optional<double> timeit = timeitNs();
        const Result* bareLoop = find(results, "bare_loop", "node");
        const double bareNs = bareLoop && bareLoop->ok() && bareLoop->reported.count("ns_per_call")
            ? bareLoop->reported.at("ns_per_call")
            : -1;
        if (timeit)
            add(kHarness, "/usr/bin/python3.11 -m timeit -s 'f=lambda s: None' 'f(None)'",
                formatDuration(*timeit) + " per call");
        if (bareNs > 0)
            add(kHarness, "a bare JavaScript loop of empty calls (Node.js embedded)",
                formatDuration(bareNs) + " per call");
        for (const auto& r : results) {
            if (r.workloadId != "noop")
                continue;
            if (!r.ok()) {
                add(kHarness, r.runtimeName, "not measured: " + r.failure.message);
                continue;
            }
            const double overhead = r.harnessOverheadNs;
            if (overhead <= 0) {
                add(kHarness, r.runtimeName, "the harness did not report its cost per call");
                continue;
            }
            std::string value = formatDuration(overhead)
                + " per call (an empty workload through the whole harness: " + formatDuration(r.summary.medianNs) + ")";
            if (r.runtimeId == "python" || r.runtimeId == "python3") {
                if (timeit)
                    add(kHarness, r.runtimeName, value + ", " + ratioText(overhead / *timeit) + " of timeit",
                        "goal <= 1.10x of timeit", overhead <= kTimeitFactor * *timeit);
                else
                    add(kHarness, r.runtimeName, value);
            } else if (bareNs > 0) {
                add(kHarness, r.runtimeName, value, "goal: a bare loop's cost + 1 ns",
                    overhead <= std::max(kTimeitFactor * bareNs, bareNs + 1));
            } else {
                add(kHarness, r.runtimeName, value);
            }
        }
    }

    std::optional<double> timeitNs()
    {
        ChildSpec spec;
        spec.argv = {"/usr/bin/python3.11", "-I", "-m", "timeit", "-s", "f=lambda s: None", "f(None)"};
        spec.throughHelper = false;
        spec.timeoutS = 60;
        const ChildOutcome outcome = runChild(spec, {});
        if (auto ns = parseTimeitNs(outcome.stdoutTail))
            return ns;
        m_report.notes.push_back("timeit could not be run: /usr/bin/python3.11 " + outcome.describeEnd());
        return std::nullopt;
    }

    void sampleCost()
    {
        const Workload* noop = m_selftest.find("noop");
        if (!noop)
            return;
        for (const char* runtime : {"python", "node"}) {
            if (stop() || !m_registry.descriptor(runtime) || !m_registry.descriptor(runtime)->available())
                continue;
            progress("measuring the cost of one sample on " + nameOf(runtime));
            // One call per sample: the difference between jobs of many and few samples, so that set-up cancels out.
            auto jobWallNs = [&](int samples) {
                RunPlan plan;
                plan.options.warmupSamples = 0;
                plan.options.samples = samples;
                plan.options.minSampleTimeMs = 0;
                plan.options.maxInnerLoops = 1;
                plan.items.push_back({noop, runtime, {}});
                const std::int64_t t0 = steadyNowNs();
                runPlan(m_registry, plan, m_options.cancelled);
                return static_cast<double>(steadyNowNs() - t0);
            };
            const int many = m_options.quick ? 1200 : 2200;
            std::vector<double> perSample;
            for (int i = 0; i < (m_options.quick ? 1 : 3); ++i)
                perSample.push_back((jobWallNs(many) - jobWallNs(200)) / (many - 200));
            add(kSample, nameOf(runtime), "median " + formatDuration(stats::median(perSample)),
                "outside the timed region");
        }
    }

    void clock()
    {
        timespec res{};
        clock_getres(CLOCK_MONOTONIC, &res);
        add(kClock, "CLOCK_MONOTONIC resolution (clock_getres), read by every harness",
            formatDuration(static_cast<double>(res.tv_sec) * 1e9 + static_cast<double>(res.tv_nsec)));
        add(kClock, "smallest step seen between two reads of the host's clock", formatDuration(observedClockStepNs()));
    }

    void cancelLatency()
    {
        const Workload* spin = m_selftest.find("spin");
        if (!spin)
            return;
        for (const char* runtime : {"python", "node"}) {
            if (stop() || !m_registry.descriptor(runtime) || !m_registry.descriptor(runtime)->available())
                continue;
            progress("measuring cancel latency on " + nameOf(runtime));
            std::vector<double> latencies;
            for (int i = 0; i < (m_options.quick ? 2 : m_options.runs); ++i)
                latencies.push_back(cancelLatencyNs(m_registry, *spin, runtime));
            add(kCancel, nameOf(runtime),
                "median " + formatDuration(stats::median(latencies)) + ", max "
                    + formatDuration(stats::maximum(latencies)) + " (" + std::to_string(latencies.size()) + " trials)",
                "goal < 200 ms", stats::maximum(latencies) < 200e6);
        }
    }

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    const Catalog& m_selftest;
    const InstrumentCheckOptions& m_options;
    InstrumentReport m_report;
    std::vector<Result> m_fibResults;  ///< embedded fib results of the fidelity runs, for the spread section
};

}  // namespace

InstrumentReport runInstrumentCheck(RuntimeRegistry& registry, const Catalog& catalog, const Catalog& selftest,
                                    const InstrumentCheckOptions& options)
{
    return Check(registry, catalog, selftest, options).run();
}

std::string formatInstrumentReport(const InstrumentReport& report)
{
    std::string out;
    std::string section;
    for (const auto& f : report.figures) {
        if (f.section != section) {
            section = f.section;
            out += "\n" + section + "\n";
        }
        std::string mark = !f.meetsGoal ? "  " : *f.meetsGoal ? "ok" : "!!";
        out += "  " + mark + " " + f.what + ": " + f.value;
        if (!f.reference.empty())
            out += "  [" + f.reference + "]";
        out += "\n";
    }
    for (const auto& note : report.notes)
        out += "\nNote: " + note + "\n";
    return out;
}

std::optional<double> parseTimeitNs(const std::string& output)
{
    static const std::regex pattern(R"(best of \d+: ([0-9.]+) (nsec|usec|msec|sec) per loop)");
    std::smatch m;
    if (!std::regex_search(output, m, pattern))
        return std::nullopt;
    static const std::map<std::string, double> scale{{"nsec", 1}, {"usec", 1e3}, {"msec", 1e6}, {"sec", 1e9}};
    return std::stod(m[1].str()) * scale.at(m[2].str());
}

}  // namespace versus
