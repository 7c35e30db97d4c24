// The versus binary as a user runs it: exit codes, the table, the headline and the JSON file.
#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

struct ProcessRun {
    int status = -1;
    std::string out;
};

/// Runs versus with `args` (shell words), capturing stdout; stderr is discarded.
ProcessRun versus(const std::string& args)
{
    const std::string command = std::string(VERSUS_BINARY) + " " + args + " 2>/dev/null";
    ProcessRun run;
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        run.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

const std::string kFixtures = std::string("--workloads-dir ") + VERSUS_TEST_FIXTURES + "/workloads";
const std::string kQuick = " --warmup 1 --samples 3 --min-sample-time 1 ";

} // namespace

TEST(Cli, RunPrintsBothRuntimesWithMatchingAnswersAndAHeadline)
{
    const std::string json = ::testing::TempDir() + "/fib.json";
    const ProcessRun run = versus("run --workload fib --runtime python --runtime node --tiny" + kQuick + "--json " + json);
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_NE(run.out.find("CPython (embedded)  3.11"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Node.js (embedded)  18."), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("x faster than"), std::string::npos) << run.out;

    std::ifstream in(json);
    const auto doc = nlohmann::json::parse(in);
    EXPECT_EQ(doc["schema_version"], 1);
    ASSERT_EQ(doc["results"].size(), 2u);
    for (const auto& result : doc["results"]) {
        EXPECT_EQ(result["status"], "ok");
        EXPECT_EQ(result["answer"], 610);
        ASSERT_EQ(result["samples"].size(), 4u) << "every sample, warm-up included";
        EXPECT_TRUE(result["samples"][0]["warmup"].get<bool>());
        for (const auto& sample : result["samples"])
            EXPECT_GT(sample["elapsed_ns"].get<std::int64_t>(), 0);
        EXPECT_GT(result["summary"]["median_ns_per_call"].get<double>(), 0);
    }
}

TEST(Cli, AFailedResultMakesTheExitStatusNonZero)
{
    const ProcessRun run = versus(kFixtures + " run -w wrong_answer -r python --tiny" + kQuick);
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.out.find("wrong answer: expected 55, got 56"), std::string::npos) << run.out;
}

TEST(Cli, InvalidParameterIsRefusedBeforeAnyRuntimeStarts)
{
    const ProcessRun run = versus("run -w fib -p n=99");
    EXPECT_EQ(run.status, 2);
    EXPECT_TRUE(run.out.empty()) << "no table: nothing ran";
}

TEST(Cli, ListShowsWorkloadsAndRuntimeVersions)
{
    const ProcessRun run = versus("list");
    EXPECT_EQ(run.status, 0);
    EXPECT_NE(run.out.find("fib"), std::string::npos);
    EXPECT_NE(run.out.find("json_roundtrip"), std::string::npos);
    EXPECT_NE(run.out.find("CPython 3.11.2 (embedded)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Node.js 18.20.4 / V8 10.2"), std::string::npos) << run.out;
}

TEST(Cli, HelpAndVersionBehaveAsPeopleExpect)
{
    const ProcessRun help = versus("--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_EQ(help.out.rfind("Usage: versus", 0), 0u);
    const ProcessRun version = versus("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("versus 0.", 0), 0u);
    EXPECT_EQ(versus("frobnicate").status, 2);
}

TEST(Cli, WithoutADisplayTheDefaultJobPrintsTheTable)
{
    // No command: the GUI with a display, the default job without one.
    const std::string command = std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ") + VERSUS_BINARY
        + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        out.append(buffer.data(), n);
    const int status = pclose(pipe);
    EXPECT_EQ(WEXITSTATUS(status), 0) << out;
    EXPECT_NE(out.find("fib (n="), std::string::npos) << out;
    EXPECT_NE(out.find("json_roundtrip (items="), std::string::npos) << out;
}
