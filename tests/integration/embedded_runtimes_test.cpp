// The embedded CPython and Node.js runtimes with real workloads: answers, samples, and every way workload code
// can try to end the host, each of which must become a failed result while the next workload still runs.
#include <chrono>
#include <cmath>
#include <thread>

#include <gtest/gtest.h>

#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;
using namespace std::chrono_literals;

class EmbeddedRuntime : public ::testing::TestWithParam<std::string> {
protected:
    /// The check that every failure test ends with: the runtime still measures a normal workload.
    void expectStillUsable()
    {
        const Result next = runOne(mainCatalog(), "fib", GetParam(), {{"n", std::int64_t(10)}});
        EXPECT_TRUE(next.ok()) << next.failure.message;
        EXPECT_EQ(next.answer, "55");
    }
};

INSTANTIATE_TEST_SUITE_P(Runtimes, EmbeddedRuntime, ::testing::Values("python", "node"),
                         [](const auto& info) { return info.param; });

TEST_P(EmbeddedRuntime, BothFirstWorkloadsGiveTheExpectedAnswers)
{
    for (const std::string id : {"fib", "json_roundtrip"}) {
        const Workload* w = mainCatalog().find(id);
        ASSERT_NE(w, nullptr);
        const Result r = runOne(mainCatalog(), id, GetParam(), w->tinyParams);
        ASSERT_TRUE(r.ok()) << id << ": " << r.failure.message;
        EXPECT_FALSE(r.expectedAnswer.empty()) << id << " tiny params need a known answer";
        EXPECT_EQ(canonicalAnswer(r.answer), r.expectedAnswer);
        ASSERT_EQ(r.samples.size(), 3u);
        EXPECT_TRUE(r.samples[0].warmup);
        for (const auto& s : r.samples) {
            EXPECT_GT(s.elapsedNs, 0);
            EXPECT_GE(s.innerLoops, 1);
            EXPECT_GT(s.heapBytes, 0) << "heap of the runtime at the end of each sample";
        }
        EXPECT_TRUE(std::isfinite(r.summary.medianNs));
        EXPECT_GT(r.summary.medianNs, 0);
    }
}

TEST_P(EmbeddedRuntime, CalibrationReachesTheMinimumSampleTime)
{
    HarnessOptions o = quickOptions();
    o.minSampleTimeMs = 20;
    const Workload* w = mainCatalog().find("fib");
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({{{w, GetParam(), {{"n", std::int64_t(5)}}}}, o});
    const Result r = scheduler.results().at(0);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_GT(r.innerLoops, 1);
    EXPECT_EQ(r.innerLoops & (r.innerLoops - 1), 0) << "inner loops double: a power of two";
    std::int64_t calibrationNs = 0;
    for (const auto& e : queue.drain())
        if (auto* c = std::get_if<CalibratedEvent>(&e))
            calibrationNs = c->lastElapsedNs;
    // The last calibration pass lasted at least the minimum; later samples may be much faster once a JIT
    // compiles the loop (V8 often makes fib(5) 10x faster after calibration), which is why warm-up exists.
    EXPECT_GE(calibrationNs, 20'000'000);
}

struct HostileCase {
    const char* mode;
    FailureKind kind;
    const char* python;  ///< text the Python failure message must hold
    const char* node;  ///< text the Node.js failure message must hold
};

class HostileWorkload : public ::testing::TestWithParam<std::tuple<std::string, HostileCase>> { };

TEST_P(HostileWorkload, BecomesAFailedResultAndTheHostCarriesOn)
{
    const auto& [runtime, c] = GetParam();
    const Result r = runOne(fixtureCatalog(), "hostile", runtime, {{"mode", std::string(c.mode)}});
    EXPECT_EQ(r.status, ResultStatus::Failed);
    EXPECT_EQ(r.failure.kind, c.kind) << r.failure.message;
    EXPECT_NE(r.failure.message.find(runtime == "python" ? c.python : c.node), std::string::npos) << r.failure.message;
    const Result next = runOne(mainCatalog(), "fib", runtime, {{"n", std::int64_t(10)}});
    EXPECT_TRUE(next.ok()) << next.failure.message;
}

INSTANTIATE_TEST_SUITE_P(
    Modes, HostileWorkload,
    ::testing::Combine(
        ::testing::Values("python", "node"),
        ::testing::Values(
            HostileCase{"throw", FailureKind::ScriptError, "ValueError at line 14 of hostile.py: deliberate failure",
                        "Error at line 10 of hostile.js: deliberate failure"},
            HostileCase{"exit", FailureKind::Exit, "sys.exit(3) was called", "process.exit(3) was called"},
            HostileCase{"exit_zero", FailureKind::Exit, "sys.exit(0) was called", "process.exit(0) was called"},
            HostileCase{"abort", FailureKind::Exit, "os.abort() was called", "process.abort() was called"},
            HostileCase{"hard_exit", FailureKind::Exit, "os._exit() was called", "process.reallyExit(4) was called"},
            HostileCase{"kill", FailureKind::Exit, "os.kill(own process, 9) was called",
                        "process.kill(own process, SIGKILL) was called"},
            HostileCase{"recursion", FailureKind::ScriptError, "RecursionError",
                        "RangeError at line 5 of hostile.js: Maximum call stack size exceeded"},
            HostileCase{"heap_exhaustion", FailureKind::OutOfMemory, "MemoryError",
                        "JavaScript heap reached its limit"})),
    [](const auto& info) { return std::get<0>(info.param) + "_" + std::get<1>(info.param).mode; });

TEST_P(EmbeddedRuntime, SyntaxErrorNamesFileAndLine)
{
    const Result r = runOne(fixtureCatalog(), "syntax_error", GetParam());
    EXPECT_EQ(r.failure.kind, FailureKind::ScriptError);
    EXPECT_NE(r.failure.message.find("SyntaxError at line"), std::string::npos) << r.failure.message;
    EXPECT_EQ(std::filesystem::path(r.failure.file).filename(), GetParam() == "python" ? "broken.py" : "broken.js");
    EXPECT_EQ(r.failure.line, GetParam() == "python" ? 5 : 3);
    expectStillUsable();
}

TEST_P(EmbeddedRuntime, WrongAnswerIsCaught)
{
    const Result r = runOne(fixtureCatalog(), "wrong_answer", GetParam(), {{"n", std::int64_t(30)}});
    EXPECT_EQ(r.failure.kind, FailureKind::WrongAnswer);
    EXPECT_EQ(r.failure.message.rfind("wrong answer: expected 832040, got 832041", 0), 0u) << r.failure.message;
}

TEST_P(EmbeddedRuntime, PrintedOutputIsCapturedAndCapped)
{
    HarnessOptions o = quickOptions();
    o.warmupSamples = 0;
    o.samples = 1;
    o.minSampleTimeMs = 0;
    const Result r = runOne(fixtureCatalog(), "hostile", GetParam(), {{"mode", std::string("print_flood")}}, o);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_NE(r.output.find("flood line 0"), std::string::npos);
    EXPECT_LE(static_cast<std::int64_t>(r.output.size()), o.outputLimitBytes);
    EXPECT_GT(r.outputDroppedBytes, 10'000'000) << "three calls of 200,000 lines each, minus what was kept";
}

TEST_P(EmbeddedRuntime, CancelStopsABusyLoopAndTheRuntimeIsReusable)
{
    const Workload* w = fixtureCatalog().find("hostile");
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.start({{{w, GetParam(), {{"mode", std::string("busy_loop")}}}}, quickOptions()});
    std::this_thread::sleep_for(300ms);  // well inside the busy loop
    const auto cancelledAt = std::chrono::steady_clock::now();
    scheduler.cancel();
    scheduler.wait();
    const auto latency = std::chrono::steady_clock::now() - cancelledAt;
    EXPECT_LT(latency, 1s) << "the benchmark measures the real latency; this bounds it generously";
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].status, ResultStatus::Cancelled) << results[0].failure.message;
    expectStillUsable();
}

TEST(EmbeddedNode, PromiseThatNeverSettlesAndCallbackExceptionsAreFailures)
{
    const Result never = runOne(fixtureCatalog(), "hostile", "node", {{"mode", std::string("never_settles")}});
    EXPECT_EQ(never.failure.kind, FailureKind::ScriptError);
    EXPECT_NE(never.failure.message.find("never settled"), std::string::npos) << never.failure.message;
    const Result thrown = runOne(fixtureCatalog(), "hostile", "node", {{"mode", std::string("async_throw")}});
    EXPECT_EQ(thrown.failure.kind, FailureKind::ScriptError);
    EXPECT_NE(thrown.failure.message.find("thrown in a timer"), std::string::npos) << thrown.failure.message;
    EXPECT_EQ(thrown.failure.line, 27);
    const Result next = runOne(mainCatalog(), "fib", "node", {{"n", std::int64_t(10)}});
    EXPECT_TRUE(next.ok()) << next.failure.message;
}

TEST(EmbeddedRuntimes, TheyAgreeOnEveryAnswerWithoutAManifestValue)
{
    // seed 3 has no expected answer in the manifest: the second runtime is checked against the first.
    const Workload* w = mainCatalog().find("json_roundtrip");
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    ParamValues params{{"items", std::int64_t(50)}, {"seed", std::int64_t(3)}};
    scheduler.runBlocking({{{w, "python", params}, {w, "node", params}}, quickOptions()});
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].expectedAnswer.empty());
    EXPECT_TRUE(results[0].ok()) << results[0].failure.message;
    EXPECT_TRUE(results[1].ok()) << results[1].failure.message;
    EXPECT_EQ(results[0].answer, results[1].answer);
}

TEST_P(EmbeddedRuntime, GarbageCollectionsAreReportedBetweenSamples)
{
    HarnessOptions o = quickOptions();
    o.minSampleTimeMs = 50;  // a few hundred milliseconds of JSON work: young-generation collections in both runtimes
    const Workload* w = mainCatalog().find("json_roundtrip");
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({{{w, GetParam(), {}}}, o});
    ASSERT_TRUE(scheduler.results().at(0).ok()) << scheduler.results().at(0).failure.message;
    int collections = 0;
    std::int64_t lastStart = 0;
    for (const auto& e : queue.drain())
        if (auto* gc = std::get_if<GcEvent>(&e)) {
            ++collections;
            EXPECT_EQ(gc->runtime, GetParam() == "python" ? "CPython (embedded)" : "Node.js (embedded)");
            EXPECT_GE(gc->pauseNs, 0);
            EXPECT_GE(gc->timestampNs, lastStart) << "collections arrive in time order";
            lastStart = gc->timestampNs;
        }
    EXPECT_GT(collections, 0);
}

TEST_P(EmbeddedRuntime, TheMemoryPassReportsWhatOneCallAllocatesApartFromTheTimedSamples)
{
    HarnessOptions o = quickOptions();
    o.memoryPass = true;
    const Result r = runOne(mainCatalog(), "json_roundtrip", GetParam(), {{"items", std::int64_t(2000)}}, o);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    ASSERT_TRUE(r.reported.count("memory_pass_peak_bytes"));
    ASSERT_TRUE(r.reported.count("memory_pass_retained_bytes"));
    // Serialising and parsing 2000 nested values builds hundreds of kB of strings and objects in either runtime.
    EXPECT_GT(r.reported.at("memory_pass_peak_bytes"), 100'000);
    const Result timedOnly = runOne(mainCatalog(), "json_roundtrip", GetParam(), {{"items", std::int64_t(20)}});
    EXPECT_FALSE(timedOnly.reported.count("memory_pass_peak_bytes")) << "only when asked for";
}
