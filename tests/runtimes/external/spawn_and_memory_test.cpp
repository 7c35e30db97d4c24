// versus-spawn's true peak RSS from a large parent, start-up runs, and the live memory series.
#include <cstring>
#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "run_helpers.h"
#include "external/child_process.h"
#include "external/startup_benchmark.h"
#include "memory_sampler.h"
#include "python/embedded_python_runtime.h"

namespace versus {
namespace {

using testing::fixtureCatalog;
using testing::quickOptions;
using testing::registry;
using testing::runOne;

constexpr std::int64_t kMiB = 1 << 20;

TEST(VersusSpawn, TinyChildOfA500MbParentReportsItsOwnPeakRss)
{
    // Hold and touch 500 MB, so that this process's RSS is large.
    const std::size_t size = 500 * kMiB;
    std::unique_ptr<char[]> ballast(new char[size]);
    std::memset(ballast.get(), 1, size);
    ASSERT_GT(selfRssBytes(), 450 * kMiB);

    ChildSpec spec;
    spec.argv = {"/bin/true"};
    const ChildOutcome helped = runChild(spec, {});
    ASSERT_EQ(helped.startError, "");
    EXPECT_TRUE(helped.exited);
    EXPECT_GT(helped.maxRssBytes, 0);
    EXPECT_LT(helped.maxRssBytes, 50 * kMiB) << "ru_maxrss must not be floored at the parent's RSS";

    // Why the helper exists: spawned directly, the same child reports (about) the parent's RSS.
    spec.throughHelper = false;
    const ChildOutcome direct = runChild(spec, {});
    EXPECT_GT(direct.maxRssBytes, 400 * kMiB);
    EXPECT_EQ(ballast[size - 1], 1);
}

TEST(VersusSpawn, ReportsExitStatusSignalAndMissingProgram)
{
    ChildSpec spec;
    spec.argv = {"/bin/sh", "-c", "echo oops >&2; exit 7"};
    ChildOutcome o = runChild(spec, {});
    EXPECT_TRUE(o.exited);
    EXPECT_EQ(o.exitCode, 7);
    EXPECT_EQ(o.lastLines(), "oops");
    spec.argv = {"/bin/sh", "-c", "kill -KILL $$"};
    o = runChild(spec, {});
    EXPECT_FALSE(o.exited);
    EXPECT_EQ(o.signal, 9);
    EXPECT_NE(o.describeEnd().find("signal 9"), std::string::npos);
    spec.argv = {"/nonexistent/interpreter"};
    o = runChild(spec, {});
    EXPECT_NE(o.startError.find("/nonexistent/interpreter"), std::string::npos) << o.startError;
}

TEST(StartupBenchmark, MeasuresRunsWithRssAndCpu)
{
    const StartupMeasurement m = measureStartup({"baseline", "/bin/true", {"/bin/true"}}, 1, 5);
    ASSERT_EQ(m.error, "");
    ASSERT_EQ(m.runs.size(), 5u);
    EXPECT_EQ(m.summary.runs, 5);
    EXPECT_GT(m.summary.medianMs, 0);
    EXPECT_LE(m.summary.minMs, m.summary.medianMs);
    EXPECT_GE(m.summary.maxMs, m.summary.medianMs);
    EXPECT_GT(m.summary.medianMaxRssBytes, 0);
    const StartupMeasurement failing = measureStartup({"baseline", "/bin/false", {"/bin/false"}}, 0, 3);
    EXPECT_NE(failing.error.find("status 1"), std::string::npos) << failing.error;
}

TEST(StartupBenchmark, SummaryIsExact)
{
    const StartupSummary s = summarizeStartup({{10, 1, 2, 100}, {30, 3, 4, 300}, {20, 2, 3, 200}});
    EXPECT_EQ(s.runs, 3);
    EXPECT_DOUBLE_EQ(s.medianMs, 20);
    EXPECT_DOUBLE_EQ(s.madMs, 10);
    EXPECT_DOUBLE_EQ(s.minMs, 10);
    EXPECT_DOUBLE_EQ(s.maxMs, 30);
    EXPECT_DOUBLE_EQ(s.medianUserMs, 2);
    EXPECT_EQ(s.medianMaxRssBytes, 200);
    EXPECT_EQ(summarizeStartup({}).runs, 0);
}

TEST(StartupBenchmark, CommandsShowTheVariants)
{
    const auto python = startupCommandsFor("python3", "python", "/usr/bin/python3.11");
    ASSERT_EQ(python.size(), 2u);
    EXPECT_EQ(python[1].argv, (std::vector<std::string>{"/usr/bin/python3.11", "-I", "-S", "-c", "pass"}));
    const auto node = startupCommandsFor("node-process", "javascript", "/usr/bin/node");
    ASSERT_EQ(node.size(), 2u);
    EXPECT_EQ(node[1].argv[1], "--jitless");
}

/// Collects every MemoryEvent per series.
std::map<std::string, std::vector<MemoryEvent>> memorySeries(EventQueue& queue)
{
    std::map<std::string, std::vector<MemoryEvent>> series;
    for (auto& e : queue.drain())
        if (auto* m = std::get_if<MemoryEvent>(&e))
            series[m->series].push_back(*m);
    return series;
}

void expectMonotonic(const std::vector<MemoryEvent>& events)
{
    for (std::size_t i = 1; i < events.size(); ++i)
        EXPECT_GT(events[i].timestampNs, events[i - 1].timestampNs);
}

std::int64_t peakOf(const std::vector<MemoryEvent>& events)
{
    std::int64_t peak = 0;
    for (const auto& e : events)
        peak = std::max(peak, e.bytes);
    return peak;
}

HarnessOptions longEnoughToSample()
{
    HarnessOptions o = quickOptions();
    o.minSampleTimeMs = 100;  // about half a second of job: several 10 Hz ticks while the 100 MB are held
    o.warmupSamples = 1;
    o.samples = 3;
    return o;
}

TEST(MemorySampler, SeriesAreNonEmptyMonotonicAndShowAnExternalChildAllocating100Mb)
{
    const RuntimeDescriptor* d = registry().descriptor("python3");
    if (!d || !d->available())
        GTEST_SKIP() << "python3 unavailable";
    EventQueue queue(1 << 16);
    MemorySampler sampler(queue, std::chrono::milliseconds(100));
    sampler.start();
    const Result r = runOne(fixtureCatalog(), "allocate_memory", "python3", {}, longEnoughToSample());
    sampler.stop();
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_EQ(r.answer, "100");
    auto series = memorySeries(queue);
    ASSERT_FALSE(series["Versus process RSS"].empty());
    expectMonotonic(series["Versus process RSS"]);
    const auto& child = series[d->info.name + " RSS"];
    ASSERT_GE(child.size(), 2u) << "the child's RSS was not sampled";
    expectMonotonic(child);
    // The child may have allocated before the first tick: compare with a bare interpreter's peak RSS instead.
    const StartupMeasurement bare = measureStartup({"python3", "bare", {"/usr/bin/python3.11", "-c", "pass"}}, 0, 1);
    ASSERT_EQ(bare.error, "");
    EXPECT_GE(peakOf(child) - bare.summary.medianMaxRssBytes, 50 * kMiB);
}

TEST(MemorySampler, EmbeddedCPythonHeapRisesBy50MbForA100MbWorkload)
{
    EventQueue queue(1 << 16);
    MemorySampler sampler(queue, std::chrono::milliseconds(100));
    addBuiltinMemorySeries(sampler);
    // The interpreter exists before sampling starts, so the series begins at the idle heap.
    ASSERT_TRUE(runOne(testing::mainCatalog(), "fib", "python", {{"n", std::int64_t(5)}}).ok());
    const std::int64_t before = EmbeddedPythonRuntime::heapBytes();
    sampler.start();
    const Result r = runOne(fixtureCatalog(), "allocate_memory", "python", {}, longEnoughToSample());
    sampler.stop();
    ASSERT_TRUE(r.ok()) << r.failure.message;
    auto series = memorySeries(queue);
    const auto& heap = series["CPython (embedded) heap"];
    ASSERT_GE(heap.size(), 2u);
    expectMonotonic(heap);
    EXPECT_GE(peakOf(heap) - before, 50 * kMiB);
    // The per-sample heap says the same.
    ASSERT_FALSE(r.samples.empty());
    EXPECT_GE(r.samples.back().heapBytes, 100 * kMiB);
}

TEST(MemorySampler, NodeProcessSamplesCarryTheV8Heap)
{
    const RuntimeDescriptor* d = registry().descriptor("node-process");
    if (!d || !d->available())
        GTEST_SKIP() << "node unavailable";
    const Result r = runOne(fixtureCatalog(), "allocate_memory", "node-process", {}, quickOptions());
    ASSERT_TRUE(r.ok()) << r.failure.message;
    ASSERT_FALSE(r.samples.empty());
    EXPECT_GE(r.samples.back().heapBytes, 100 * kMiB) << "used heap + external memory of the child's isolate";
}

TEST(MemorySampler, ExternalChildrenReportGcEvents)
{
    const RuntimeDescriptor* d = registry().descriptor("python3");
    if (!d || !d->available())
        GTEST_SKIP() << "python3 unavailable";
    const Workload* w = fixtureCatalog().find("allocate_memory");
    ASSERT_NE(w, nullptr);
    const auto found = registry().get("python3");
    ASSERT_TRUE(found.ok()) << found.error();
    Runtime* runtime = *found;
    RunJob job;
    job.key = {0, w->id, "python3", "plain"};
    job.workload = w;
    job.implementation = w->implementationsFor("python").front();
    const auto params = w->resolveParams({{"mb", std::int64_t(0)}, {"cycles", std::int64_t(2000)}});
    ASSERT_TRUE(params.ok()) << params.error();
    job.params = *params;
    job.options = quickOptions();
    EventQueue queue(1 << 16);
    const Result r = runtime->execute(job, queue);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    int gcEvents = 0;
    for (auto& e : queue.drain())
        if (auto* gc = std::get_if<GcEvent>(&e)) {
            ++gcEvents;
            EXPECT_GE(gc->pauseNs, 0);
            EXPECT_EQ(gc->runtime, d->info.name);
        }
    EXPECT_GT(gcEvents, 0) << "2000 reference cycles per call make gc.callbacks fire";
}

}  // namespace
}  // namespace versus
