// The start-up study of `versus startup` and the Start-up tab: planning from registry ids, progress, probe parts,
// failed probes and stopping. Commands of a stand-in interpreter (/bin/true) keep it fast and exact.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "external/external_process_runtime.h"
#include "external/startup_study.h"
#include "runtime_registry.h"

namespace versus {
namespace {

/// A registry with one available external "interpreter" that is /bin/true, one unavailable and one embedded runtime.
RuntimeRegistry& studyRegistry()
{
    static RuntimeRegistry* registry = [] {
        auto* r = new RuntimeRegistry;
        RuntimeDescriptor truePython;
        truePython.info = {"truepy", "True (process)", "python", "1", "", false};
        const RuntimeInfo info = truePython.info;
        truePython.create = [info] { return std::make_unique<ExternalProcessRuntime>(info, "/bin/true"); };
        r->add(truePython);
        RuntimeDescriptor missing;
        missing.info = {"missingpy", "Missing (process)", "python", "?", "", false};
        missing.unavailableReason = "not installed; install it with 'apt install missingpy'";
        r->add(missing);
        RuntimeDescriptor embedded;
        embedded.info = {"embeddedpy", "Embedded", "python", "1", "", true};
        r->add(embedded);
        RuntimeDescriptor native;  // runs inside Versus: no process start to measure
        native.info = {"nativeref", "Native (reference)", "native", "1", "", false};
        r->add(native);
        return r;
    }();
    return *registry;
}

std::vector<std::string> labels(const std::vector<StartupCommand>& commands)
{
    std::vector<std::string> out;
    for (const auto& c : commands)
        out.push_back(c.label);
    return out;
}

TEST(StartupStudy, PlanStartsWithTheBaselineAndSkipsWhatCannotStart)
{
    const StartupPlan plan = planStartup(studyRegistry(), {"missingpy", "truepy", "ghost", "embeddedpy", "nativeref"});
    EXPECT_EQ(labels(plan.commands),
              (std::vector<std::string>{"/bin/true (spawn cost)", "truepy -c pass", "truepy -I -S -c pass"}));
    EXPECT_EQ(plan.commands[0].runtimeId, "baseline");
    EXPECT_EQ(plan.commands[1].runtimeId, "truepy");
    EXPECT_EQ(plan.commands[2].argv, (std::vector<std::string>{"/bin/true", "-I", "-S", "-c", "pass"}));
    ASSERT_EQ(plan.skipped.size(), 4u);
    EXPECT_EQ(plan.skipped[0].runtimeId, "missingpy");
    EXPECT_FALSE(plan.skipped[0].notExternal);
    EXPECT_EQ(plan.skipped[0].reason, "not installed; install it with 'apt install missingpy'");
    EXPECT_EQ(plan.skipped[1].runtimeId, "ghost");
    EXPECT_TRUE(plan.skipped[1].notExternal);
    EXPECT_EQ(plan.skipped[1].reason,
              "'ghost' is not an external runtime: use python3, node, pypy3 or an --interpreter");
    EXPECT_TRUE(plan.skipped[2].notExternal);
    EXPECT_EQ(plan.skipped[3].runtimeId, "nativeref");
    EXPECT_TRUE(plan.skipped[3].notExternal);
    EXPECT_EQ(externalRuntimeIds(studyRegistry()), (std::vector<std::string>{"truepy", "missingpy"}));
}

TEST(StartupStudy, EmbeddedIdsStandForTheirProcessCounterparts)
{
    RuntimeRegistry registry;
    for (const char* id : {"python3", "node-process"}) {
        RuntimeDescriptor d;
        d.info = {id, id, id == std::string("python3") ? "python" : "javascript", "1", "", false};
        const RuntimeInfo info = d.info;
        d.create = [info] { return std::make_unique<ExternalProcessRuntime>(info, "/bin/true"); };
        registry.add(d);
    }
    const StartupPlan plan = planStartup(registry, {"python", "node"});
    EXPECT_EQ(labels(plan.commands),
              (std::vector<std::string>{"/bin/true (spawn cost)", "python3 -c pass", "python3 -I -S -c pass",
                                        "node -e 0", "node --jitless -e 0"}));
    EXPECT_EQ(plan.commands[3].runtimeId, "node-process");
    EXPECT_TRUE(plan.skipped.empty());
}

TEST(StartupStudy, MeasuresEveryCommandReportsProgressAndCollectsProbeParts)
{
    const StartupPlan plan = planStartup(studyRegistry(), {"truepy"});
    StartupStudyOptions options;
    options.runs = 3;
    options.warmup = 1;
    options.probeRuns = 2;
    options.versusExecutable = VERSUS_BINARY;
    std::vector<StartupProgress> progress;
    std::vector<std::string> measured;
    StartupStudyCallbacks callbacks;
    callbacks.onProgress = [&](const StartupProgress& p) { progress.push_back(p); };
    callbacks.onCommand = [&](const StartupMeasurement& m) { measured.push_back(m.command.label); };
    const StartupStudy study = runStartupStudy(plan, options, callbacks);

    EXPECT_EQ(measured, labels(plan.commands));
    ASSERT_EQ(study.commands.size(), 3u);
    for (const auto& m : study.commands) {
        EXPECT_EQ(m.error, "") << m.command.label;
        EXPECT_EQ(m.runs.size(), 3u);
        EXPECT_EQ(m.summary.runs, 3);
    }
    // 3 commands x (1 warm-up + 3 runs), then 2 probes; the probes are the last of 4 steps.
    ASSERT_EQ(progress.size(), 3u * 4 + 2);
    EXPECT_EQ(progress[0].label, "/bin/true (spawn cost)");
    EXPECT_TRUE(progress[0].warmup);
    EXPECT_EQ(progress[0].count, 1);
    EXPECT_FALSE(progress[3].warmup);
    EXPECT_EQ(progress[3].index, 3);
    EXPECT_EQ(progress[3].count, 3);
    EXPECT_EQ(progress[4].step, 2);
    EXPECT_EQ(progress[4].steps, 4);
    EXPECT_TRUE(progress[12].probe);
    EXPECT_EQ(progress[13].index, 2);
    EXPECT_EQ(progress[13].step, 4);

    ASSERT_EQ(study.probeError, "");
    EXPECT_EQ(study.probes.size(), 2u);
    EXPECT_EQ(study.probeMaxRssBytes.size(), 2u);
    ASSERT_FALSE(study.parts.empty());
    EXPECT_EQ(study.parts.front().key, "python_interpreter_init_ms");
    EXPECT_EQ(study.parts.front().label, "CPython interpreter initialisation");
    EXPECT_EQ(study.parts.back().key, "process_wall_ms");
    for (const auto& part : study.parts) {
        EXPECT_EQ(part.values.size(), 2u) << part.key;
        for (double v : part.values)
            EXPECT_GT(v, 0) << part.key;
    }
    EXPECT_EQ(study.failures(), 0);
    EXPECT_FALSE(study.stopped);
}

TEST(StartupStudy, FailedProbeAndFailedCommandAreMessages)
{
    StartupPlan plan;
    plan.commands = {{"baseline", "/bin/false", {"/bin/false"}}};
    StartupStudyOptions options;
    options.runs = 2;
    options.warmup = 0;
    options.probeRuns = 3;
    options.versusExecutable = "/bin/false";
    StartupStudy study = runStartupStudy(plan, options);
    ASSERT_EQ(study.commands.size(), 1u);
    EXPECT_EQ(study.commands[0].error, "'/bin/false' exited with status 1");
    EXPECT_EQ(study.probeError.rfind("versus startup-probe exited with status 1", 0), 0u) << study.probeError;
    EXPECT_TRUE(study.probes.empty());
    EXPECT_TRUE(study.parts.empty());
    EXPECT_EQ(study.failures(), 2);

    options.versusExecutable = "/nonexistent/versus";
    study = runStartupStudy({}, options);
    EXPECT_NE(study.probeError.find("could not be started"), std::string::npos) << study.probeError;
}

TEST(StartupStudy, StopEndsTheRunningChildAndTheStudy)
{
    StartupPlan plan;
    plan.commands = {{"baseline", "sleep 5", {"/bin/sleep", "5"}}, {"baseline", "/bin/true", {"/bin/true"}}};
    StartupStudyOptions options;
    options.runs = 3;
    options.warmup = 0;
    options.probeRuns = 2;
    options.versusExecutable = VERSUS_BINARY;
    ChildStopper stopper;
    std::thread stopping([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stopper.request();
    });
    const auto started = std::chrono::steady_clock::now();
    const StartupStudy study = runStartupStudy(plan, options, {}, &stopper);
    const auto took = std::chrono::steady_clock::now() - started;
    stopping.join();
    EXPECT_LT(took, std::chrono::seconds(2));
    EXPECT_TRUE(study.stopped);
    ASSERT_EQ(study.commands.size(), 1u);
    EXPECT_EQ(study.commands[0].error, "stopped");
    EXPECT_TRUE(study.probes.empty());
}

}  // namespace
}  // namespace versus
