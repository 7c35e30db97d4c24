// Child processes and threads from workloads in the embedded runtimes: multiprocessing from embedded CPython,
// child_process.fork and worker_threads from embedded Node.js give the right answers, cancel within a second and
// leave no child behind; cpu_parallel gives the same answer for every number of workers.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "leaked_children.h"
#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;
using namespace std::chrono_literals;

namespace {

std::string commandLine(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (char& c : text)
        if (c == '\0')
            c = ' ';
    return text;
}

/// This process's children that a job started, apart from multiprocessing's resource tracker, which belongs to the
/// interpreter for its whole life.
std::set<pid_t> jobChildren(const std::set<pid_t>& before)
{
    std::set<pid_t> found;
    for (pid_t pid : ownGroupChildren())
        if (!before.count(pid) && commandLine(pid).find("resource_tracker") == std::string::npos)
            found.insert(pid);
    return found;
}

/// Every result (all flavours) of one workload on one runtime.
std::vector<Result> runAll(const Catalog& catalog, const std::string& workload, const std::string& runtime,
                           const ParamValues& overrides, HarnessOptions options = quickOptionsWithoutWarmup())
{
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({{{catalog.find(workload), runtime, overrides}}, options});
    return scheduler.results();
}

/// "4711 (S) node pool_child.js, ...": what a failed expectation about children should show.
std::string describe(const std::set<pid_t>& pids)
{
    std::string text;
    for (pid_t pid : pids) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        const char state = close != std::string::npos && close + 2 < line.size() ? line[close + 2] : '?';
        text += (text.empty() ? "" : ", ") + std::to_string(pid) + " (" + state + ") " + commandLine(pid);
    }
    return text;
}

class ChildProcesses : public ::testing::TestWithParam<std::string> { };

}  // namespace

TEST_P(ChildProcesses, ReturnTheRightAnswerAndAreGoneAfterTheJob)
{
    const auto before = ownGroupChildren();
    const Result r = runOne(fixtureCatalog(), "multiprocessing_pool", GetParam(), {}, quickOptionsWithoutWarmup());
    ASSERT_TRUE(r.ok()) << r.failure.message;
    EXPECT_EQ(r.answer, "328350");
    const auto survivors = jobChildren(before);
    EXPECT_TRUE(survivors.empty()) << describe(survivors);
}

TEST_P(ChildProcesses, CancelWithinOneSecondWhileWaitingForChildrenAndLeaveNoneBehind)
{
    const auto before = ownGroupChildren();
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.start({{{fixtureCatalog().find("multiprocessing_pool"), GetParam(), {{"mode", std::string("hang")}}}},
                     quickOptionsWithoutWarmup()});
    // Until the children exist and the job waits for their answers (a spawned CPython child takes ~100 ms).
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (jobChildren(before).size() < 2 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    ASSERT_GE(jobChildren(before).size(), 2u) << "the workload's children never started";
    std::this_thread::sleep_for(300ms);
    const auto cancelledAt = std::chrono::steady_clock::now();
    scheduler.cancel();
    scheduler.wait();
    EXPECT_LT(std::chrono::steady_clock::now() - cancelledAt, 1s);
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].status, ResultStatus::Cancelled) << results[0].failure.message;
    const auto survivors = jobChildren(before);
    EXPECT_TRUE(survivors.empty()) << "a child outlived its cancelled job: " << describe(survivors);
    // The runtime is usable afterwards.
    const Result next = runOne(fixtureCatalog(), "multiprocessing_pool", GetParam(), {}, quickOptionsWithoutWarmup());
    EXPECT_TRUE(next.ok()) << next.failure.message;
}

INSTANTIATE_TEST_SUITE_P(Embedded, ChildProcesses, ::testing::Values("python", "node"));

TEST(CpuParallel, EveryModelGivesTheSameAnswerForEveryNumberOfWorkers)
{
    for (const std::string runtime : {"python", "node"}) {
        for (std::int64_t workers : {1, 2, 3, 5}) {
            const auto results =
                runAll(mainCatalog(), "cpu_parallel", runtime, {{"limit", std::int64_t(10000)}, {"workers", workers}});
            ASSERT_EQ(results.size(), 3u) << runtime << ": the baseline and two parallel models";
            for (const Result& r : results) {
                EXPECT_TRUE(r.ok()) << runtime << " " << r.flavour << " workers=" << workers << ": "
                                    << r.failure.message;
                EXPECT_EQ(r.answer, "1229") << runtime << " " << r.flavour << " workers=" << workers;
            }
        }
    }
}

TEST(CpuParallel, StepsRunUpToTheCoresUnlessWorkersIsGiven)
{
    const Workload* w = mainCatalog().find("cpu_parallel");
    ASSERT_NE(w, nullptr);
    auto workersOf = [](const std::vector<ParamValues>& steps) {
        std::vector<std::int64_t> values;
        for (const auto& step : steps)
            values.push_back(std::get<std::int64_t>(step.at("workers")));
        return values;
    };
    EXPECT_EQ(workersOf(w->stepOverrides({}, 2)), (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(workersOf(w->stepOverrides({}, 6)), (std::vector<std::int64_t>{1, 2, 4, 6}));
    EXPECT_EQ(workersOf(w->stepOverrides({}, 128)), (std::vector<std::int64_t>{1, 2, 4, 8, 16, 32, 64}));
    EXPECT_EQ(workersOf(w->stepOverrides({{"workers", std::int64_t(3)}}, 2)), (std::vector<std::int64_t>{3}));
}
