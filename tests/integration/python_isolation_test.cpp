// One job cannot change the next job's numbers in the shared embedded CPython, and a workload cannot forge its own
// time: the leaky fixture changes interpreter and process state, and the job after it must not see it.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>

#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;

namespace {

Result leaky(const std::string& mode, HarnessOptions options = quickOptions())
{
    return runOne(fixtureCatalog(), "leaky", "python", {{"mode", mode}}, options);
}

Result fib(int n = 15)
{
    return runOne(mainCatalog(), "fib", "python", {{"n", std::int64_t(n)}});
}

/// Threads of this process now (/proc/self/task).
long threadsOfThisProcess()
{
    return std::distance(std::filesystem::directory_iterator("/proc/self/task"), std::filesystem::directory_iterator());
}

/// A probe job in the same interpreter: the fixture in mode "ok" runs a loop that needs working builtins.
void expectCleanInterpreter()
{
    const Result next = leaky("ok");
    EXPECT_TRUE(next.ok()) << next.failure.message;
    EXPECT_EQ(next.answer, "1");
    EXPECT_TRUE(next.warnings.empty()) << next.warnings.front();
}

}  // namespace

TEST(PythonIsolation, ReplacedBuiltinsAndStdlibFunctionsAreRestored)
{
    const Result patched = leaky("builtins");
    EXPECT_TRUE(patched.ok()) << patched.failure.message;
    expectCleanInterpreter();
    const Result f = fib();
    EXPECT_TRUE(f.ok()) << f.failure.message;

    const Result stdlib = leaky("stdlib");
    EXPECT_TRUE(stdlib.ok()) << stdlib.failure.message;
    // json_roundtrip serialises with json.dumps: the forged one would give a wrong answer.
    const Result json =
        runOne(mainCatalog(), "json_roundtrip", "python", mainCatalog().find("json_roundtrip")->tinyParams);
    EXPECT_TRUE(json.ok()) << json.failure.message;
}

TEST(PythonIsolation, WorkingDirectoryEnvironmentAndLimitsAreRestored)
{
    const auto cwd = std::filesystem::current_path();
    setenv("VERSUS_KEEP", "yes", 1);
    for (const char* mode : {"chdir", "environ", "recursion_limit", "sys_path", "gc_off"}) {
        const Result r = leaky(mode);
        EXPECT_TRUE(r.ok()) << mode << ": " << r.failure.message;
    }
    EXPECT_EQ(std::filesystem::current_path(), cwd);
    EXPECT_EQ(std::getenv("VERSUS_LEAKED"), nullptr);
    ASSERT_NE(std::getenv("VERSUS_KEEP"), nullptr);
    EXPECT_STREQ(std::getenv("VERSUS_KEEP"), "yes");
    // A recursion limit of 60 would fail fib(20)'s recursion inside the harness's frames.
    const Result deep = fib(20);
    EXPECT_TRUE(deep.ok()) << deep.failure.message;
    expectCleanInterpreter();
}

TEST(PythonIsolation, SignalDispositionsAreRestored)
{
    struct sigaction before { };
    sigaction(SIGTERM, nullptr, &before);
    const Result r = leaky("signal");
    EXPECT_TRUE(r.ok()) << r.failure.message;
    struct sigaction after { };
    sigaction(SIGTERM, nullptr, &after);
    EXPECT_EQ(after.sa_handler, before.sa_handler) << "the workload's SIGTERM handler outlived its job";
}

TEST(PythonIsolation, ALeakedThreadFailsItsJobAndIsStopped)
{
    const Result before = fib(18);
    ASSERT_TRUE(before.ok()) << before.failure.message;
    const long threadsBefore = threadsOfThisProcess();
    const Result r = leaky("thread");
    EXPECT_EQ(r.failure.kind, FailureKind::LeakedState) << r.failure.message;
    EXPECT_NE(r.failure.message.find("left 1 thread running ('spinner')"), std::string::npos) << r.failure.message;
    EXPECT_NE(r.failure.message.find("they were stopped"), std::string::npos) << r.failure.message;
    const Result after = fib(18);
    ASSERT_TRUE(after.ok()) << after.failure.message;
    EXPECT_TRUE(after.warnings.empty());
    // Stopped means its OS thread has ended: the process has no more threads than before the job (a spinner left
    // running would take the GIL every 5 ms from every later job). Counted, not timed: a loaded machine slows fib
    // as much as a spinner would.
    EXPECT_LE(threadsOfThisProcess(), threadsBefore);
}

TEST(PythonIsolation, AThreadBlockedInCIsReportedAndLaterJobsAreWarnedWhileItLives)
{
    const Result r = leaky("blocked_thread");
    EXPECT_EQ(r.failure.kind, FailureKind::LeakedState);
    EXPECT_NE(r.failure.message.find("could not be stopped"), std::string::npos) << r.failure.message;
    const Result next = leaky("ok");
    EXPECT_TRUE(next.ok()) << next.failure.message;
    ASSERT_FALSE(next.warnings.empty()) << "the sleeper (2 s) still lives";
    EXPECT_NE(next.warnings[0].find("still running"), std::string::npos) << next.warnings[0];
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    expectCleanInterpreter();
}

TEST(PythonIsolation, ALeakedChildProcessFailsItsJobAndIsKilled)
{
    const Result r = leaky("child");
    EXPECT_EQ(r.failure.kind, FailureKind::LeakedState) << r.failure.message;
    EXPECT_NE(r.failure.message.find("left 1 child process running"), std::string::npos) << r.failure.message;
    EXPECT_NE(r.failure.message.find("sleep"), std::string::npos) << r.failure.message;
    expectCleanInterpreter();
}

TEST(PythonClock, ReplacingTimeFunctionsDoesNotForgeTheResult)
{
    const Result r = leaky("forged_clock");
    ASSERT_TRUE(r.ok()) << r.failure.message;
    for (const auto& s : r.samples)
        EXPECT_GT(s.elapsedNs, 0) << "the harness reads the clock it bound at import";
    EXPECT_GT(r.summary.medianNs, 1000) << "2000 additions take microseconds";
    expectCleanInterpreter();
}

TEST(PythonClock, AClockForgedInsideTheHarnessIsCaughtByTheHostsClock)
{
    HarnessOptions o = quickOptions();
    o.minSampleTimeMs = 20;  // samples well above the check's 1 ms slack
    const Result r = leaky("forged_harness_clock", o);
    EXPECT_EQ(r.failure.kind, FailureKind::ClockMismatch) << r.failure.message;
    EXPECT_NE(r.failure.message.find("by the host's clock"), std::string::npos) << r.failure.message;
    expectCleanInterpreter();
}

TEST(PythonAnswers, AnOversizedAnswerFailsFast)
{
    const auto started = std::chrono::steady_clock::now();
    const Result r = leaky("big_answer");
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(r.failure.kind, FailureKind::AnswerTooLarge) << r.failure.message;
    EXPECT_NE(r.failure.message.find("50.0 MB"), std::string::npos) << r.failure.message;
    EXPECT_LT(took, std::chrono::seconds(5));
    expectCleanInterpreter();
}

TEST(PythonHarness, EveryResultCarriesTheHarnessOverheadPerCall)
{
    const Result r = fib(10);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_GT(r.harnessOverheadNs, 0);
    EXPECT_LT(r.harnessOverheadNs, 10'000) << "an empty call costs tens of nanoseconds";
    EXPECT_LT(r.harnessOverheadNs, r.summary.medianNs) << "fib(10) makes 177 calls";
}

TEST(PythonFidelity, TheInterpreterIsLinkedStaticallyAsDebiansExecutableIs)
{
    // The shared libpython3.11.so runs bytecode with about 14% more instructions than /usr/bin/python3.11; the
    // static archive with about 6%. The embedding must not come through the shared library.
    const Result r = fib(10);
    ASSERT_TRUE(r.ok()) << r.failure.message;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        EXPECT_EQ(line.find("libpython3.11.so"), std::string::npos) << line;
}
