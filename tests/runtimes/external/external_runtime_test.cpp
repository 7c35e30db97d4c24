// External-process runtimes against the embedded ones, and every way a child can fail: timeout, junk, crash, cancel.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "run_helpers.h"
#include "statistics.h"
#include "external/external_process_runtime.h"

namespace versus {
namespace {

using testing::fixtureCatalog;
using testing::mainCatalog;
using testing::quickOptions;
using testing::registry;
using testing::runOne;

std::string fakeInterpreter(const std::string& name)
{
    return std::string(VERSUS_TEST_FIXTURES) + "/interpreters/" + name;
}

/// Registers a fixture interpreter once per process; its --version answers like CPython.
void ensureInterpreter(const std::string& id, const std::string& script)
{
    if (!registry().descriptor(id)) {
        EXPECT_EQ(registerExternalInterpreter(registry(), id, fakeInterpreter(script)).error(), "");
    }
}

void requireAvailable(const std::string& id)
{
    const RuntimeDescriptor* d = registry().descriptor(id);
    ASSERT_NE(d, nullptr) << id << " is not registered";
    if (!d->available())
        GTEST_SKIP() << id << " unavailable on this machine: " << d->unavailableReason;
}

struct SameAnswerCase {
    const char* workload;
    const char* embedded;
    const char* external;
};

class SameAnswers : public ::testing::TestWithParam<SameAnswerCase> { };

TEST_P(SameAnswers, ExternalAnswersLikeEmbeddedOnTinyParameters)
{
    const auto& c = GetParam();
    requireAvailable(c.external);
    const Workload* w = mainCatalog().find(c.workload);
    ASSERT_NE(w, nullptr);
    const Result embedded = runOne(mainCatalog(), c.workload, c.embedded, w->tinyParams);
    const Result external = runOne(mainCatalog(), c.workload, c.external, w->tinyParams);
    ASSERT_TRUE(embedded.ok()) << embedded.failure.message;
    ASSERT_TRUE(external.ok()) << external.runtimeName << ": " << external.failure.message << "\n" << external.output;
    EXPECT_EQ(canonicalAnswer(external.answer), canonicalAnswer(embedded.answer));
    // Same harness, same protocol: calibration and samples arrive as from the embedded runtime.
    EXPECT_GT(external.innerLoops, 0);
    EXPECT_EQ(external.samples.size(), embedded.samples.size());
    EXPECT_EQ(external.runtimeId, c.external);
    // The child's own figures reach the result (the hyperfine export's user, system and exit_codes); an embedded
    // runtime has no child and leaves them unknown.
    EXPECT_GT(external.childUserNs, 0);
    EXPECT_GE(external.childSysNs, 0);
    EXPECT_EQ(external.childExitCode, 0);
    EXPECT_EQ(embedded.childUserNs, -1);
    EXPECT_EQ(embedded.childExitCode, -1);
}

INSTANTIATE_TEST_SUITE_P(
    Catalog, SameAnswers,
    ::testing::Values(SameAnswerCase{"fib", "python", "python3"}, SameAnswerCase{"fib", "node", "node-process"},
                      SameAnswerCase{"fib", "node", "node18-process"},
                      SameAnswerCase{"json_roundtrip", "node", "node18-process"},
                      SameAnswerCase{"fib", "python", "pypy3"}, SameAnswerCase{"json_roundtrip", "python", "python3"},
                      SameAnswerCase{"json_roundtrip", "node", "node-process"},
                      SameAnswerCase{"sort", "python", "python3"}, SameAnswerCase{"sort", "node", "node-process"},
                      SameAnswerCase{"dict_ops", "python", "python3"},
                      SameAnswerCase{"dict_ops", "node", "node-process"}),
    [](const auto& info) {
        std::string name = std::string(info.param.workload) + "_" + info.param.external;
        for (char& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch)))
                ch = '_';
        return name;
    });

TEST(ExternalRuntimes, BuiltinsAreRegisteredWithDetectedVersions)
{
    for (const char* id : {"python3", "node-process", "pypy3"}) {
        const RuntimeDescriptor* d = registry().descriptor(id);
        ASSERT_NE(d, nullptr) << id;
        EXPECT_FALSE(d->info.embedded);
        if (d->available())
            EXPECT_NE(d->info.version, "?") << id;
        else
            EXPECT_FALSE(d->unavailableReason.empty());
    }
    EXPECT_EQ(registry().descriptor("python3")->info.language, "python");
    EXPECT_EQ(registry().descriptor("node-process")->info.language, "javascript");
}

TEST(ExternalRuntimes, NodeJitlessPassesItsFlagToTheNodeProcess)
{
    requireAvailable("node-jitless");
    if (IsSkipped())
        return;
    EXPECT_NE(registry().descriptor("node-jitless")->info.name.find("--jitless"), std::string::npos);
    // The node process itself sees the flag among its own options; the plain node-process does not.
    const Result jitless = runOne(fixtureCatalog(), "exec_argv", "node-jitless");
    const Result plain = runOne(fixtureCatalog(), "exec_argv", "node-process");
    ASSERT_TRUE(jitless.ok()) << jitless.failure.message << "\n" << jitless.output;
    ASSERT_TRUE(plain.ok()) << plain.failure.message;
    EXPECT_NE(jitless.answer.find("--jitless"), std::string::npos) << jitless.answer;
    EXPECT_EQ(plain.answer.find("--jitless"), std::string::npos) << plain.answer;
}

TEST(ExternalRuntimes, NodeJitlessIsSlowerOnCallHeavyCode)
{
    // Without its JIT compilers V8 interprets every call of fib: several times slower here; 1.5x is a generous floor.
    requireAvailable("node-jitless");
    if (IsSkipped())
        return;
    HarnessOptions o = quickOptions();
    o.samples = 5;
    o.minSampleTimeMs = 20;
    const Result jit = runOne(mainCatalog(), "fib", "node-process", {{"n", std::int64_t(20)}}, o);
    const Result jitless = runOne(mainCatalog(), "fib", "node-jitless", {{"n", std::int64_t(20)}}, o);
    ASSERT_TRUE(jit.ok() && jitless.ok()) << jit.failure.message << jitless.failure.message;
    EXPECT_EQ(jit.answer, jitless.answer);
    const double ratio =
        stats::median(stats::perCallNs(jitless.samples)) / stats::median(stats::perCallNs(jit.samples));
    EXPECT_GT(ratio, 1.5);
}

TEST(ExternalRuntimes, NodeProcessesAreNamedAfterTheirMajorVersion)
{
    // Two Node.js processes side by side (the machine's and Debian's 18): the name must tell which is which.
    for (const char* id : {"node-process", "node18-process"}) {
        const RuntimeDescriptor* d = registry().descriptor(id);
        ASSERT_NE(d, nullptr) << id;
        if (!d->available())
            continue;
        const std::string major = d->info.version.substr(0, d->info.version.find('.'));
        EXPECT_EQ(d->info.name, "Node.js " + major + " (process)") << id;
    }
    const RuntimeDescriptor* node18 = registry().descriptor("node18-process");
    ASSERT_NE(node18, nullptr);
    if (node18->available())
        EXPECT_EQ(node18->info.version, registry().descriptor("node")->info.version)
            << "the same Node.js as the embedded one";
    else
        EXPECT_NE(node18->unavailableReason.find("packaging/install-deps"), std::string::npos)
            << node18->unavailableReason;
}

TEST(ExternalRuntimes, MissingInterpreterIsUnavailableWithReason)
{
    RuntimeRegistry local;
    const std::string reason = registerExternalInterpreter(local, "ghost", "/nonexistent/python9").error();
    EXPECT_NE(reason.find("/nonexistent/python9"), std::string::npos) << reason;
    ASSERT_NE(local.descriptor("ghost"), nullptr);
    EXPECT_FALSE(local.descriptor("ghost")->available());
    const auto ghost = local.get("ghost");
    EXPECT_FALSE(ghost.ok());
    EXPECT_NE(ghost.error().find("unavailable"), std::string::npos) << ghost.error();
}

TEST(ExternalRuntimes, UserInterpreterLanguageIsDetectedFromVersion)
{
    RuntimeRegistry local;
    EXPECT_EQ(registerExternalInterpreter(local, "mine", "/usr/bin/python3.11").error(), "");
    ASSERT_NE(local.descriptor("mine"), nullptr);
    EXPECT_EQ(local.descriptor("mine")->info.language, "python");
    EXPECT_EQ(local.descriptor("mine")->info.version.rfind("3.11", 0), 0u);
}

TEST(ExternalRuntimes, ChildSleepingForeverIsKilledAtTheTimeout)
{
    ensureInterpreter("sleeper", "sleeper.sh");
    HarnessOptions options = quickOptions();
    options.timeoutS = 1;
    const auto started = std::chrono::steady_clock::now();
    const Result r = runOne(mainCatalog(), "fib", "sleeper", {}, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.failure.kind, FailureKind::Timeout) << r.failure.message;
    EXPECT_LT(seconds, 10.0) << "the child ignores SIGTERM: only SIGKILL to its group ends it";
}

TEST(ExternalRuntimes, JunkOnTheProtocolPipeIsAProtocolErrorNamingTheRuntime)
{
    ensureInterpreter("junk", "junk.sh");
    const Result r = runOne(mainCatalog(), "fib", "junk");
    EXPECT_EQ(r.failure.kind, FailureKind::Protocol) << r.failure.message;
    EXPECT_NE(r.failure.message.find(registry().descriptor("junk")->info.name), std::string::npos) << r.failure.message;
    EXPECT_NE(r.failure.message.find("this is not the harness protocol"), std::string::npos) << r.failure.message;
}

TEST(ExternalRuntimes, CrashReportsSignalAndLastStderrLines)
{
    ensureInterpreter("crasher", "crasher.sh");
    const Result r = runOne(mainCatalog(), "fib", "crasher");
    EXPECT_EQ(r.failure.kind, FailureKind::Crash) << r.failure.message;
    EXPECT_NE(r.failure.message.find("signal 11"), std::string::npos) << r.failure.message;
    EXPECT_NE(r.failure.message.find("crasher.sh: about to crash"), std::string::npos) << r.failure.message;
    EXPECT_EQ(r.childExitCode, -1) << "killed by a signal: no exit status";
}

TEST(ExternalRuntimes, NonZeroExitReportsStatusAndStderr)
{
    requireAvailable("python3");
    // A workload that cannot even be loaded by the harness still yields a result; an interpreter that cannot run
    // the harness (here: a Python told to run a file that does not exist) exits 2 with its message.
    RuntimeInfo info = registry().descriptor("python3")->info;
    info.language = "python";
    ExternalProcessRuntime runtime(info, "/usr/bin/python3.11");
    auto command = runtime.harnessCommand();
    EXPECT_EQ(command.back(), std::to_string(kProtocolFd));
    ChildSpec spec;
    spec.argv = {"/usr/bin/python3.11", "/nonexistent/harness.py", "3"};
    spec.protocolPipe = true;
    const ChildOutcome outcome = runChild(spec, {});
    EXPECT_TRUE(outcome.exited);
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_NE(outcome.lastLines().find("/nonexistent/harness.py"), std::string::npos) << outcome.lastLines();
}

TEST(ExternalRuntimes, CancelStopsTheChildQuickly)
{
    requireAvailable("python3");
    const auto found = registry().get("python3");
    ASSERT_TRUE(found.ok()) << found.error();
    Runtime* runtime = *found;
    const Workload* w = mainCatalog().find("fib");
    RunJob job;
    job.key = {0, "fib", "python3", "plain"};
    job.workload = w;
    job.implementation = w->implementationsFor("python").front();
    const auto params = w->resolveParams({{"n", std::int64_t(35)}});
    ASSERT_TRUE(params.ok()) << params.error();
    job.params = *params;
    job.options = quickOptions();
    job.options.samples = 1000;
    EventQueue queue(1 << 16);
    std::chrono::steady_clock::time_point cancelledAt;
    std::thread canceller([&] {
        // Wait for the first sample: the child is running workload code.
        for (;;) {
            bool sampled = false;
            for (auto& e : queue.take(64, std::chrono::milliseconds(20)))
                sampled =
                    sampled || std::holds_alternative<SampleEvent>(e) || std::holds_alternative<CalibratedEvent>(e);
            if (sampled)
                break;
        }
        cancelledAt = std::chrono::steady_clock::now();
        runtime->cancel();
    });
    const Result r = runtime->execute(job, queue);
    const auto latency = std::chrono::steady_clock::now() - cancelledAt;
    canceller.join();
    EXPECT_EQ(r.status, ResultStatus::Cancelled) << r.failure.message;
    const double latencyMs = std::chrono::duration<double, std::milli>(latency).count();
    EXPECT_LT(latencyMs, 1000.0) << "SIGTERM to the child's group, SIGKILL 100 ms later";
}

TEST(ExternalRuntimes, WorkloadPrintsDoNotCorruptTheProtocol)
{
    requireAvailable("python3");
    // hostile's print flood writes to stdout while the harness talks on fd 3.
    HarnessOptions o = quickOptions();
    o.warmupSamples = 0;
    o.samples = 1;
    o.minSampleTimeMs = 0;
    const Result r = runOne(fixtureCatalog(), "hostile", "python3", {{"mode", std::string("print_flood")}}, o);
    EXPECT_TRUE(r.ok()) << r.failure.message;
    EXPECT_GT(r.outputDroppedBytes, 0);
}

}  // namespace
}  // namespace versus
