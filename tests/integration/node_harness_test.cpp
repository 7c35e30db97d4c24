// harness.js keeps the instrument true in embedded Node.js and in Node.js processes: a workload cannot forge its
// times, flood the host with its answer or outlive its answer, and every result says what the loop itself costs.
#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;
using namespace std::chrono_literals;

namespace {

bool hasWarning(const Result& r, const std::string& text)
{
    for (const auto& w : r.warnings)
        if (w.find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace

/// Every Node.js the harness runs in: embedded, the machine's node, Debian's Node 18 executable.
class NodeHarness : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override { requireAvailable(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Runtimes, NodeHarness, ::testing::Values("node", "node-process", "node18-process"),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (c == '-')
                                     c = '_';
                             return name;
                         });

TEST_P(NodeHarness, AClockForgedAtModuleLevelDoesNotFakeTheTimes)
{
    // The module replaces process.hrtime.bigint with () => 0n when it loads; before the fix every call took "0 ns".
    const Result r = runOne(fixtureCatalog(), "node_forged_clock", GetParam());
    if (!r.ok()) {
        EXPECT_EQ(r.failure.kind, FailureKind::ClockMismatch) << r.failure.message;
        return;
    }
    ASSERT_EQ(r.samples.size(), 3u);
    EXPECT_GT(r.summary.medianNs, 2'000) << "20,000 loop iterations take microseconds, not nothing";
}

TEST_P(NodeHarness, AClockForgedDuringTheRunDoesNotFakeTheTimes)
{
    for (const char* mode : {"forge_clock", "forge_clock_late"}) {
        const Result r = runOne(fixtureCatalog(), "node_truth", GetParam(), {{"mode", std::string(mode)}});
        if (!r.ok()) {
            EXPECT_EQ(r.failure.kind, FailureKind::ClockMismatch) << mode << ": " << r.failure.message;
            continue;
        }
        EXPECT_GT(r.summary.medianNs, 2'000) << mode;
    }
}

TEST_P(NodeHarness, AnOversizedAnswerFailsFastNamingTheLimit)
{
    HarnessOptions o;  // the defaults: a job that got as far as sampling would take a second or more
    for (const char* mode : {"huge_string", "huge_array", "huge_object"}) {
        const auto started = std::chrono::steady_clock::now();
        const Result r = runOne(fixtureCatalog(), "node_truth", GetParam(), {{"mode", std::string(mode)}}, o);
        const auto took = std::chrono::steady_clock::now() - started;
        EXPECT_EQ(r.failure.kind, FailureKind::AnswerTooLarge) << mode << ": " << r.failure.message;
        EXPECT_NE(r.failure.message.find("MB when serialised, above the limit of 1 MB: return a checksum or a summary"),
                  std::string::npos)
            << r.failure.message;
        EXPECT_TRUE(r.samples.empty()) << mode << ": refused at the first call, before any sample";
        EXPECT_LT(took, 5s) << mode << ": the 300 MB answer of the issue took 88-100 s before the limit";
    }
}

TEST_P(NodeHarness, AnAnswerThatCannotBeSerialisedFailsClearly)
{
    const Result r = runOne(fixtureCatalog(), "node_truth", GetParam(), {{"mode", std::string("bigint")}});
    EXPECT_EQ(r.failure.kind, FailureKind::ScriptError);
    EXPECT_NE(r.failure.message.find("the answer cannot be serialised as JSON (TypeError"), std::string::npos)
        << r.failure.message;
}

TEST_P(NodeHarness, TimersAndServersLeftRunningEndTheJobWithAWarning)
{
    HarnessOptions o = quickOptions();
    o.timeoutS = 30;  // before the fix, the job waited for all of it
    for (const char* mode : {"timer_left", "interval_left", "server_left"}) {
        const auto started = std::chrono::steady_clock::now();
        const Result r = runOne(fixtureCatalog(), "node_truth", GetParam(), {{"mode", std::string(mode)}}, o);
        const auto took = std::chrono::steady_clock::now() - started;
        ASSERT_TRUE(r.ok()) << mode << ": " << r.failure.message;
        EXPECT_EQ(r.answer, "1");
        EXPECT_TRUE(hasWarning(r, "the workload left timers or handles running after its answer; they were stopped"))
            << mode << ": " << (r.warnings.empty() ? std::string("no warning") : r.warnings.front());
        EXPECT_LT(took, 5s) << mode;
    }
    const Result clean = runOne(fixtureCatalog(), "node_truth", GetParam(), {{"mode", std::string("ok")}});
    ASSERT_TRUE(clean.ok()) << clean.failure.message;
    EXPECT_TRUE(clean.warnings.empty()) << clean.warnings.front();
}

TEST_P(NodeHarness, HarnessOverheadIsMeasuredPerJob)
{
    const Result r = runOne(mainCatalog(), "fib", GetParam(), {{"n", std::int64_t(15)}});
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_TRUE(std::isfinite(r.harnessOverheadNs));
    EXPECT_GT(r.harnessOverheadNs, 0);
    EXPECT_LT(r.harnessOverheadNs, 100) << "an empty call in the timed loop costs about a nanosecond in V8";
}
