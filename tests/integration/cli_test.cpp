// The versus binary as a user runs it: exit codes, the table, the headline and the JSON file.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

struct ProcessRun {
    int status = -1;
    std::string out;
};

/// Runs a shell command, capturing its stdout and exit status.
ProcessRun shell(const std::string& command)
{
    ProcessRun run;
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        run.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

/// Runs versus with `args` (shell words), capturing stdout; stderr is discarded, or captured with stdout after it
/// when `redirect` says "2>&1" (or goes where `redirect` says).
ProcessRun versus(const std::string& args, const std::string& redirect = "2>/dev/null")
{
    return shell(std::string(VERSUS_BINARY) + " " + args + " " + redirect);
}

const std::string kFixtures = std::string("--workloads-dir ") + VERSUS_TEST_FIXTURES + "/workloads";
const std::string kQuick = " --warmup 1 --samples 3 --min-sample-time 1 ";

}  // namespace

TEST(Cli, RunPrintsBothRuntimesWithMatchingAnswersAndAHeadline)
{
    const std::string json = ::testing::TempDir() + "/fib.json";
    // Six measured samples each: with three, no Mann-Whitney p-value can fall below 0.05 and the headline rightly
    // says there is no significant difference.
    const ProcessRun run = versus("run --workload fib --runtime python --runtime node --tiny --order sequential"
                                  " --warmup 1 --samples 6 --min-sample-time 1 --json "
                                  + json);
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_NE(run.out.find("CPython (embedded)  3.11"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Node.js (embedded)  18."), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("x faster than"), std::string::npos) << run.out;

    std::ifstream in(json);
    const auto doc = nlohmann::json::parse(in);
    EXPECT_EQ(doc["schema_version"], 2);
    ASSERT_EQ(doc["results"].size(), 2u);
    for (const auto& result : doc["results"]) {
        EXPECT_EQ(result["status"], "ok");
        EXPECT_EQ(result["answer"], 610);
        ASSERT_EQ(result["samples"].size(), 7u) << "every sample, warm-up included";
        EXPECT_TRUE(result["samples"][0]["warmup"].get<bool>());
        for (const auto& sample : result["samples"])
            EXPECT_GT(sample["elapsed_ns"].get<std::int64_t>(), 0);
        EXPECT_GT(result["summary"]["median_ns_per_call"].get<double>(), 0);
    }
    // The run's memory series: Versus's own RSS at least, sampled in time order.
    ASSERT_TRUE(doc.contains("memory"));
    bool sawRss = false;
    for (const auto& series : doc["memory"]) {
        double last = -1;
        for (const auto& point : series["points"]) {
            EXPECT_GE(point[0].get<double>(), last) << series["series"];
            last = point[0].get<double>();
            EXPECT_GT(point[1].get<double>(), 0);
        }
        sawRss = sawRss || (series["series"] == "Versus process RSS" && !series["points"].empty());
    }
    EXPECT_TRUE(sawRss);
}

TEST(Cli, AFailedResultMakesTheExitStatusNonZero)
{
    const ProcessRun run = versus(kFixtures + " run -w wrong_answer -r python --tiny" + kQuick);
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.out.find("wrong answer: expected 55, got 56"), std::string::npos) << run.out;
}

// Issue 12: a flavour needing a module the runtime cannot import is unavailable with the reason, in the table, the
// results file and `versus list` alike; never a script error with a traceback.
TEST(Cli, AFlavourNeedingAMissingModuleIsUnavailableWithTheReasonInRunAndList)
{
    const std::string json = ::testing::TempDir() + "/needs_module.json";
    const ProcessRun run =
        versus(kFixtures + " run -w needs_module -r python -r pypy3 -r node --tiny" + kQuick + "--json " + json);
    EXPECT_EQ(run.status, 1) << "unavailable flavours are failed results: " << run.out;
    EXPECT_NE(run.out.find("cannot import versus_no_such_module"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Traceback"), std::string::npos) << run.out;
    std::ifstream in(json);
    const auto doc = nlohmann::json::parse(in);
    int unavailable = 0;
    for (const auto& result : doc["results"]) {
        if (result["flavour"] == "plain") {
            EXPECT_EQ(result["status"], "ok") << result.dump();
            continue;
        }
        ++unavailable;
        EXPECT_EQ(result["failure"]["kind"], "runtime-unavailable") << result.dump();
        const std::string message = result["failure"]["message"];
        EXPECT_TRUE(message.find("cannot import versus_no_such_module: ") != std::string::npos
                    || message.find("cannot load the npm package 'versus_no_such_module' from") != std::string::npos)
            << message;
    }
    EXPECT_EQ(unavailable, 3);

    const ProcessRun list = versus(kFixtures + " list");
    EXPECT_EQ(list.status, 0) << list.out;
    for (const std::string line :
         {"unavailable: python/missing on python: CPython 3.11", "unavailable: python/missing on pypy3: PyPy ",
          "unavailable: javascript/missing on node: Node.js 18."})
        EXPECT_NE(list.out.find(line), std::string::npos) << line << "\n" << list.out;
}

// Issue 13: bytes per connection are printed, not only kept in the results file. The table's values come from the
// workload's report: positive sizes for every server that held the connections.
TEST(Cli, RunPrintsTheBytesEachConnectionCostInATableOfWhatTheWorkloadReported)
{
    const ProcessRun run = versus("run -w idle_connections -r python -r node -p connections=50 --samples 1 --warmup 0");
    ASSERT_EQ(run.status, 0) << run.out;
    const std::size_t table = run.out.find("idle_connections (connections=50): what the workload reported");
    ASSERT_NE(table, std::string::npos) << run.out;
    const std::string reported = run.out.substr(table);
    EXPECT_NE(reported.find("bytes/connection"), std::string::npos) << reported;
    EXPECT_NE(reported.find("RSS growth"), std::string::npos) << reported;
    for (const char* row : {"CPython (embedded) + asyncio", "Node.js (embedded) + net"}) {
        const std::size_t at = reported.find(row);
        ASSERT_NE(at, std::string::npos) << row << " missing from:\n" << reported;
        const std::string line = reported.substr(at, reported.find('\n', at) - at);
        // The first cell after the name is a size: a positive number and a binary unit.
        const std::string cells = line.substr(std::string(row).size());
        double value = 0;
        char unit[8] = {};
        ASSERT_EQ(std::sscanf(cells.c_str(), " %lf %7s", &value, unit), 2) << line;
        EXPECT_GT(value, 0) << line;
        EXPECT_TRUE(std::string(unit) == "B" || std::string(unit) == "KiB" || std::string(unit) == "MiB") << line;
    }
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
    EXPECT_NE(help.out.find("Usage: versus [OPTIONS] [SUBCOMMAND]"), std::string::npos) << help.out;
    const ProcessRun version = versus("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("versus 0.", 0), 0u);
    EXPECT_EQ(versus("frobnicate").status, 2);
}

TEST(Cli, WithoutADisplayTheDefaultJobPrintsTheTable)
{
    // No command: the GUI with a display, the default job without one.
    const std::string command =
        std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ") + VERSUS_BINARY + " 2>/dev/null";
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

TEST(Cli, ChartsAreWrittenAsPngSvgAndPdfWithoutADisplay)
{
    const std::string dir = ::testing::TempDir();
    const std::string command = std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ") + VERSUS_BINARY
        + " run -w fib --tiny" + kQuick + "--chart " + dir + "/c.png --chart " + dir + "/c.svg --chart " + dir
        + "/c.pdf -q > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    auto read = [](const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string png = read(dir + "/c.png");
    const std::string svg = read(dir + "/c.svg");
    const std::string pdf = read(dir + "/c.pdf");
    EXPECT_EQ(png.substr(0, 4), "\x89PNG");
    EXPECT_GT(png.size(), 20'000u) << "a blank 1200x800 chart compresses to a few kB";
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("Node.js (embedded)"), std::string::npos) << "the legend names the series";
    EXPECT_EQ(pdf.substr(0, 4), "%PDF");
    EXPECT_GT(pdf.size(), 5'000u);
}

TEST(Cli, AJournalCutBySigkillIsRecoveredWithItsSamples)
{
    const std::string dir = ::testing::TempDir();
    const std::string journal = dir + "/killed.journal.jsonl";
    const std::string recovered = dir + "/recovered.json";
    std::remove(journal.c_str());
    // A run that would take minutes, killed after a second and a half.
    const std::string command = std::string("timeout -s KILL 1.5 ") + VERSUS_BINARY
        + " run -w fib -r python -p n=12 --order sequential --warmup 0 --samples 100000 --min-sample-time 2"
        + " --journal " + journal + " -q > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 137) << "timeout reports a KILLed child as 137";
    const ProcessRun recover = versus("recover " + journal + " -o " + recovered);
    ASSERT_EQ(recover.status, 0);
    std::ifstream in(recovered);
    const auto doc = nlohmann::json::parse(in);
    ASSERT_EQ(doc["results"].size(), 1u);
    const auto& result = doc["results"][0];
    EXPECT_EQ(result["status"], "cancelled") << "the item was still running when it was killed";
    EXPECT_GT(result["samples"].size(), 20u) << "2 ms samples for over a second, at most the last second lost";
    EXPECT_EQ(result["workload"], "fib");
}

TEST(Cli, ResultsFilesCanBeComparedAndExported)
{
    const std::string dir = ::testing::TempDir();
    const std::string a = dir + "/a.json", b = dir + "/b.json";
    ASSERT_EQ(versus("run -w fib --tiny" + kQuick + "--json " + a).status, 0);
    ASSERT_EQ(versus("run -w fib --tiny" + kQuick + "--json " + b).status, 0);
    const ProcessRun compare = versus("compare " + a + " " + b);
    EXPECT_EQ(compare.status, 0);
    EXPECT_NE(compare.out.find("fib"), std::string::npos) << compare.out;
    EXPECT_NE(compare.out.find("CPython (embedded)"), std::string::npos) << compare.out;
    EXPECT_EQ(versus("export " + a + " -o " + dir + "/a.md").status, 0);
    EXPECT_EQ(versus("export " + a + " -o " + dir + "/a.hf.json --format hyperfine").status, 0);
    std::ifstream hyperfine(dir + "/a.hf.json");
    const auto hf = nlohmann::json::parse(hyperfine);
    ASSERT_EQ(hf["results"].size(), 2u);
    EXPECT_TRUE(hf["results"][0]["mean"].is_number());
    EXPECT_TRUE(hf["results"][0]["times"].is_array());
    const ProcessRun corrupt = versus("compare " + a + " /etc/hostname");
    EXPECT_EQ(corrupt.status, 2) << "not JSON: a clear message, no crash";
}

TEST(Cli, SelftestMeasuresTheInstrumentAgainstTheSpecialistsTools)
{
    const ProcessRun run = versus("selftest --quick");
    // 0 when every figure meets its goal, 1 when one misses it (a loaded machine may): never a crash or usage error.
    EXPECT_TRUE(run.status == 0 || run.status == 1) << run.status << "\n" << run.out;
    for (const char* section : {"Embedded against the same interpreter as a process", "Harness cost per call", "timeit",
                                "Cost of one sample", "CLOCK_MONOTONIC", "Cancel latency", "Spread of a fib median"})
        EXPECT_NE(run.out.find(section), std::string::npos) << section << "\n" << run.out;
    EXPECT_NE(run.out.find("fib: CPython (embedded) / CPython (process): "), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("not measured"), std::string::npos) << run.out;
}

TEST(Cli, OutputPathsAreResolvedBeforeWorkloadCodeRuns)
{
    // The leaky fixture changes the working directory inside the job; the results file must still land where the
    // user asked, relative to the directory versus started in.
    const std::string dir = ::testing::TempDir() + "/versus-cwd";
    std::filesystem::create_directories(dir);
    const std::string command = "cd " + dir + " && " + std::string(VERSUS_BINARY) + " run " + kFixtures
        + " -w leaky -r python -p mode=chdir" + kQuick + "--json out.json >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0);
    EXPECT_TRUE(std::filesystem::exists(dir + "/out.json"));
    EXPECT_FALSE(std::filesystem::exists("/out.json"));
}

TEST(Cli, EveryCommandsHelpExitsZeroAndNamesItsOptions)
{
    // The help comes from the option declarations: each option a command takes appears in its --help.
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands{
        {"",
         {"--workloads-dir", "--interpreter", "--screenshot", "--screenshot-startup", "--version", "list", "run",
          "selftest", "harness-bench", "startup", "recover", "compare", "export"}},
        {"list", {"Usage: versus list"}},
        {"run",
         {"-w,--workload",   "-r,--runtime", "-p,--param", "--samples",      "--warmup",      "--min-sample-time",
          "--time-budget",   "--timeout",    "--tiny",     "--answer-limit", "--memory-pass", "--order",
          "--round-samples", "--target-ci",  "--seed",     "--json",         "--export",      "--chart",
          "--journal",       "-q,--quiet",   "--isolate",  "--no-isolate",   "--memory-limit"}},
        {"selftest", {"--runs", "--quick"}},
        {"harness-bench", {"--runs", "--quick"}},
        {"startup", {"-r,--runtime", "--runs", "--warmup", "--probe-runs", "--json"}},
        {"recover", {"journal", "-o,--output"}},
        {"compare", {"old", "new"}},
        {"export", {"results", "-o,--output", "--format"}},
    };
    for (const auto& [command, options] : commands) {
        const ProcessRun help = versus(command + " --help");
        EXPECT_EQ(help.status, 0) << command;
        for (const auto& option : options)
            EXPECT_NE(help.out.find(option), std::string::npos) << command << " --help lacks " << option << "\n"
                                                                << help.out;
    }
    EXPECT_EQ(versus("help").out, versus("--help").out);
}

TEST(Cli, BadValuesAreUsageErrorsThatNameTheOption)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"run -w fib --samples 0", "--samples: needs a whole number of at least 1, got '0'"},
        {"run -w fib --samples=abc", "--samples: needs a whole number of at least 1, got 'abc'"},
        {"run -w fib --warmup 1.5", "--warmup"},
        {"run -w fib --timeout -3", "--timeout"},
        {"run -w fib --order sideways", "--order"},
        {"run -w fib --bogus", "--bogus"},
        {"run -r python", "--workload is required"},
        {"startup --runs 0", "--runs"},
        {"selftest --runs many", "--runs"},
        {"export /etc/hostname", "--output is required"},
        {"export /etc/hostname -o x.csv --format docx", "--format"},
        {"compare /nonexistent/a.json /nonexistent/b.json", "/nonexistent/a.json"},
        {"--workloads-dir /nonexistent list", "--workloads-dir"},
        {"--interpreter py312 list", "--interpreter: needs NAME=PATH"},
        {"-style Fusion list", "-style Fusion"},  // Qt's options belong to the window only
        {"--bogus", "--bogus"},
        {"frobnicate", "frobnicate"},
    };
    for (const auto& [args, message] : cases) {
        const ProcessRun run = versus(args, "2>&1");
        EXPECT_EQ(run.status, 2) << args << "\n" << run.out;
        EXPECT_NE(run.out.find(message), std::string::npos) << args << "\n" << run.out;
    }
}

TEST(Cli, OptionValuesMayFollowAnEqualsSign)
{
    const std::string json = ::testing::TempDir() + "/equals.json";
    const ProcessRun run = versus("run --workload=fib --runtime=python --tiny --warmup=1 --samples=5"
                                  " --min-sample-time=1 --json="
                                  + json);
    ASSERT_EQ(run.status, 0) << run.out;
    std::ifstream in(json);
    const auto doc = nlohmann::json::parse(in);
    ASSERT_EQ(doc["results"].size(), 1u);
    EXPECT_EQ(doc["results"][0]["summary"]["samples"], 5);
}

TEST(Cli, PipedProgressIsOneLinePerResult)
{
    const std::string log = ::testing::TempDir() + "/progress.txt";
    const ProcessRun run = versus("run -w fib -r python -r node --tiny" + kQuick, "2>" + log);
    ASSERT_EQ(run.status, 0) << run.out;
    std::ifstream in(log);
    std::vector<std::string> progress;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("versus: ", 0) != 0)  // warnings about the machine are not progress
            progress.push_back(line);
    ASSERT_EQ(progress.size(), 2u);
    EXPECT_EQ(progress[0].rfind("fib on CPython (embedded): ", 0), 0u) << progress[0];
    EXPECT_EQ(progress[1].rfind("fib on Node.js (embedded): ", 0), 0u) << progress[1];
    for (const auto& line : progress)
        EXPECT_NE(line.find("/call, 3 samples"), std::string::npos) << line;
}

TEST(Cli, QtsOwnOptionsReachTheWindow)
{
    const std::string png = ::testing::TempDir() + "/style-fusion.png";
    std::remove(png.c_str());
    const std::string command = std::string("QT_QPA_PLATFORM=offscreen ") + VERSUS_BINARY
        + " -style Fusion --screenshot " + png + " > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
    std::ifstream in(png, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    EXPECT_EQ(head, "\x89PNG");
}

TEST(Cli, AResultsFileGivenToVersusIsShownInTheWindow)
{
    const std::string json = ::testing::TempDir() + "/shown.json";
    const std::string png = ::testing::TempDir() + "/shown.png";
    std::remove(png.c_str());
    ASSERT_EQ(versus("run -w fib -r python --tiny" + kQuick + "--json " + json).status, 0);
    // The window opens the file as File > Open does; --screenshot grabs it once shown (no run: the fib race would
    // take seconds, the file's results are there at once).
    const ProcessRun shown = shell(std::string("QT_QPA_PLATFORM=offscreen ") + VERSUS_BINARY + " -style Fusion " + json
                                   + " --screenshot " + png + " 2>&1");
    EXPECT_EQ(shown.status, 0) << shown.out;
    EXPECT_NE(shown.out.find("showing " + json + ": 1 result(s)"), std::string::npos) << shown.out;
    std::ifstream in(png, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    EXPECT_EQ(head, "\x89PNG");

    const ProcessRun missing = versus("/nonexistent/run.json", "2>&1");
    EXPECT_EQ(missing.status, 2) << missing.out;
    EXPECT_NE(missing.out.find("'/nonexistent/run.json' is not a file"), std::string::npos) << missing.out;
    const ProcessRun three = shell(std::string("QT_QPA_PLATFORM=offscreen ") + VERSUS_BINARY + " " + json + " " + json
                                   + " " + json + " 2>&1");
    EXPECT_EQ(three.status, 2) << three.out;
    EXPECT_NE(three.out.find("one results file to show it or two to compare them, not 3"), std::string::npos)
        << three.out;
    const ProcessRun headless = shell("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "
                                      + std::string(VERSUS_BINARY) + " " + json + " 2>&1");
    EXPECT_EQ(headless.status, 2) << headless.out;
    EXPECT_NE(headless.out.find("needs a display"), std::string::npos) << headless.out;
}

TEST(Cli, APlainVersusWithADisplayOpensTheWindow)
{
    // The window stays up until timeout ends it (124); a refusal would exit at once with status 2.
    const ProcessRun run = shell(std::string("QT_QPA_PLATFORM=offscreen timeout 4 ") + VERSUS_BINARY + " 2>&1");
    EXPECT_EQ(run.status, 124) << run.out;
    EXPECT_EQ(run.out.find("need a command"), std::string::npos) << run.out;
    const ProcessRun alone = versus("--workloads-dir /tmp", "2>&1");
    EXPECT_EQ(alone.status, 2) << alone.out;
    EXPECT_NE(alone.out.find("need a command"), std::string::npos) << alone.out;
}

TEST(Cli, HeadlessCommandsNeedNoQtLibraryAndNoDisplay)
{
    // `versus` links no Qt library: the window and the charts are versus-gui's.
    const ProcessRun dynamic = shell(std::string("readelf -d ") + VERSUS_BINARY + " 2>&1");
    ASSERT_NE(dynamic.out.find("NEEDED"), std::string::npos) << dynamic.out;
    EXPECT_EQ(dynamic.out.find("libQt"), std::string::npos) << dynamic.out;
    EXPECT_EQ(dynamic.out.find("qcustomplot"), std::string::npos) << dynamic.out;

    // Without a display and without versus-gui, the headless commands work.
    const std::string noGui =
        std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM VERSUS_GUI=/nonexistent ") + VERSUS_BINARY;
    const std::string json = ::testing::TempDir() + "/headless.json";
    const std::string md = ::testing::TempDir() + "/headless.md";
    const ProcessRun run =
        shell(noGui + " run -w fib -r python --tiny -q" + kQuick + "--json " + json + " --export " + md + " 2>&1");
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_TRUE(std::filesystem::file_size(md) > 0);
    const ProcessRun list = shell(noGui + " list 2>&1");
    EXPECT_EQ(list.status, 0) << list.out;
    EXPECT_NE(list.out.find("fib"), std::string::npos) << list.out;
    const ProcessRun exported = shell(noGui + " export " + json + " -o - --format csv 2>/dev/null");
    EXPECT_EQ(exported.status, 0) << exported.out;
    EXPECT_NE(exported.out.find("CPython"), std::string::npos) << exported.out;

    // Charts need versus-gui, and the message says so; the results were still written.
    const std::string png = ::testing::TempDir() + "/headless.png";
    const ProcessRun chart =
        shell(noGui + " run -w fib -r python --tiny -q" + kQuick + "--json " + json + " --chart " + png + " 2>&1");
    EXPECT_NE(chart.status, 0) << chart.out;
    EXPECT_NE(chart.out.find("VERSUS_GUI"), std::string::npos) << chart.out;
    EXPECT_FALSE(std::filesystem::exists(png));
}

// A --workloads-dir with broken manifests (issue 12): each reason is shown in words, the good workload still listed.
TEST(Cli, ListShowsWhyManifestsAreRefusedAndStillListsTheRest)
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(::testing::TempDir()) / "refused-manifests";
    fs::remove_all(dir);
    auto add = [&](const std::string& id, const std::string& manifest) {
        fs::create_directories(dir / id);
        std::ofstream(dir / id / "manifest.json") << manifest;
        std::ofstream(dir / id / "w.py") << "def run(params):\n    return 1\n";
    };
    auto valid = [](const std::string& id, const std::string& file) {
        return R"({"schema_version": 1, "id": ")" + id + R"(", "title": "T", "category": "cpu", "description": "D.",
                  "implementations": [{"language": "python", "file": ")"
            + file + R"("}]})";
    };
    add("good", valid("good", "w.py"));
    add("escaping", valid("escaping", "/etc/hostname"));
    add("notjson", "{\"id\": \"notjson\"\n  \"title\": \"T\"}");

    const ProcessRun list = versus("list --workloads-dir " + dir.string(), "2>&1");
    EXPECT_NE(list.out.find("good"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("'/etc/hostname' is an absolute path"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("not valid JSON: line 2, column 9: unexpected string literal"), std::string::npos)
        << list.out;
    EXPECT_EQ(list.out.find("json.exception"), std::string::npos) << list.out;
    fs::remove_all(dir);
}
