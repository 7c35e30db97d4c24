// Results file: writer golden (volatile fields masked), round trip, schema 1, hostile input, atomic write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "results_file.h"
#include "statistics.h"

using namespace versus;
using nlohmann::json;

// Shared with the other results tests of this executable (defined here and in exporters_test.cpp).
ResultsDocument exampleDocument();
void expectMatchesGolden(const std::string& name, const std::string& actual);
std::string tempDir(const std::string& name);

namespace {

Result exampleResult(int item, const std::string& workload, const std::string& runtime, const std::string& name,
                     const std::vector<double>& perCallNs, ParamValues params)
{
    Result r;
    r.itemIndex = item;
    r.workloadId = workload;
    r.workloadTitle = workload == "fib" ? "Recursive Fibonacci" : "JSON round trip";
    r.runtimeId = runtime;
    r.runtimeName = name;
    r.runtimeVersion = runtime == "python" ? "3.11.2" : "18.20.4";
    r.flavour = "plain";
    r.params = std::move(params);
    r.answer = "196418";
    r.expectedAnswer = "196418";
    r.innerLoops = 4;
    r.wallSeconds = 2.5;
    r.samples.push_back({0, true, 4, static_cast<std::int64_t>(perCallNs[0] * 6), -1});
    for (std::size_t i = 0; i < perCallNs.size(); ++i)
        r.samples.push_back({static_cast<int>(i) + 1, false, 4, static_cast<std::int64_t>(perCallNs[i] * 4),
                             runtime == "python" ? 1048576 + static_cast<std::int64_t>(i) : -1});
    r.summary = stats::summarize(r.samples);
    return r;
}

}  // namespace

ResultsDocument exampleDocument()
{
    ResultsDocument doc;
    doc.versusVersion = "0.1.0";
    doc.gitCommit = "9f4d0841a2c3";
    doc.startedAtUtc = "2026-11-25T23:59:01Z";
    doc.finishedAtUtc = "2026-11-26T00:01:12Z";
    doc.environment.os = "Debian GNU/Linux 12 (bookworm)";
    doc.environment.kernel = "6.1.0-18-amd64";
    doc.environment.cpuModel = "Intel(R) Xeon(R) Processor @ 2.80GHz";
    doc.environment.logicalCores = 2;
    doc.environment.governor = "powersave";
    doc.environment.turbo = "on";
    doc.environment.loadAverage1m = 1.8;
    doc.environment.loadAverage5m = 1.25;
    doc.environment.loadAverage15m = 0.5;
    doc.environment.aslr = 2;
    doc.environment.memoryTotalBytes = std::int64_t(24) << 30;
    doc.environment.memoryAvailableBytes = std::int64_t(21) << 30;
    doc.warnings = environmentWarnings(doc.environment);
    doc.runtimes = {{"python", "CPython (embedded)", "python", "3.11.2", "", true},
                    {"node", "Node.js (embedded)", "javascript", "18.20.4", "V8 10.2.154.26-node.36", true}};
    doc.componentVersions = {{"Qt", "6.4.2"}};
    doc.options.samples = 10;

    const ParamValues fibParams = {{"n", std::int64_t{27}}};
    doc.results.push_back(exampleResult(
        0, "fib", "python", "CPython (embedded)",
        {142.1e6, 141.8e6, 143.0e6, 142.4e6, 141.9e6, 142.2e6, 150.3e6, 142.0e6, 141.7e6, 142.6e6}, fibParams));
    doc.results.push_back(exampleResult(
        1, "fib", "node", "Node.js (embedded)",
        {10.21e6, 10.05e6, 9.98e6, 10.02e6, 10.11e6, 9.99e6, 10.03e6, 10.07e6, 10.0e6, 10.04e6}, fibParams));
    const ParamValues jsonParams = {{"size", std::string("small, \"quoted\" | odd")}, {"pretty", true}, {"ratio", 0.5}};
    Result failed = exampleResult(2, "json_roundtrip", "python", "CPython (embedded)", {2.0e3}, jsonParams);
    failed.samples.clear();
    failed.summary = stats::summarize(failed.samples);
    failed.status = ResultStatus::Failed;
    failed.failure = {FailureKind::ScriptError,
                      "SyntaxError at line 12 of roundtrip.py: \"unexpected token\", <script>\nThe run continued "
                      "with the next workload.",
                      "roundtrip.py", 12};
    failed.answer.clear();
    failed.output = "partial output\n";
    doc.results.push_back(failed);
    Result node = exampleResult(3, "json_roundtrip", "node", "Node.js (embedded)", {2100, 2050, 2075}, jsonParams);
    node.flavour = "fast";
    node.flavourLabel = "simdjson";
    node.answer = "{\"keys\":[1,2,3]}";
    node.expectedAnswer.clear();
    node.reported = {{"bytes_per_s", 1.5e9}};
    node.outputDroppedBytes = 12;
    node.harnessOverheadNs = 40.5;
    node.warnings = {"each call takes 2.08 us, of which about 40 ns is the harness's own loop: use a larger "
                     "parameter so the workload dominates",
                     "left a <timer> running"};
    doc.results.push_back(node);
    return doc;
}

namespace {

/// Every test process keeps its scratch folders under one parent, removed when the process's tests end.
std::filesystem::path scratchRoot()
{
    return std::filesystem::temp_directory_path() / ("versus-results-tests-" + std::to_string(::getpid()));
}

class RemoveScratchFolders : public ::testing::Environment {
public:
    void TearDown() override { std::filesystem::remove_all(scratchRoot()); }
};
[[maybe_unused]] ::testing::Environment* const kScratchCleanup =
    ::testing::AddGlobalTestEnvironment(new RemoveScratchFolders);

}  // namespace

std::string tempDir(const std::string& name)
{
    const auto dir = scratchRoot() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

namespace {

std::string validText()
{
    return writeResultsDocument(exampleDocument());
}

/// The example document as JSON with `edit` applied: for wrong types and ranges in one field.
std::string edited(const std::function<void(json&)>& edit)
{
    json doc = json::parse(validText());
    edit(doc);
    return doc.dump();
}

void expectSameResult(const Result& a, const Result& b)
{
    EXPECT_EQ(a.itemIndex, b.itemIndex);
    EXPECT_EQ(a.workloadId, b.workloadId);
    EXPECT_EQ(a.workloadTitle, b.workloadTitle);
    EXPECT_EQ(a.runtimeId, b.runtimeId);
    EXPECT_EQ(a.runtimeName, b.runtimeName);
    EXPECT_EQ(a.runtimeVersion, b.runtimeVersion);
    EXPECT_EQ(a.flavour, b.flavour);
    EXPECT_EQ(a.flavourLabel, b.flavourLabel);
    EXPECT_EQ(a.params, b.params);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.failure.kind, b.failure.kind);
    EXPECT_EQ(a.failure.message, b.failure.message);
    EXPECT_EQ(a.failure.file, b.failure.file);
    EXPECT_EQ(a.failure.line, b.failure.line);
    EXPECT_EQ(a.answer, b.answer);
    EXPECT_EQ(a.expectedAnswer, b.expectedAnswer);
    EXPECT_EQ(a.innerLoops, b.innerLoops);
    EXPECT_EQ(a.wallSeconds, b.wallSeconds);
    ASSERT_EQ(a.samples.size(), b.samples.size());
    for (std::size_t i = 0; i < a.samples.size(); ++i) {
        EXPECT_EQ(a.samples[i].index, b.samples[i].index);
        EXPECT_EQ(a.samples[i].warmup, b.samples[i].warmup);
        EXPECT_EQ(a.samples[i].innerLoops, b.samples[i].innerLoops);
        EXPECT_EQ(a.samples[i].elapsedNs, b.samples[i].elapsedNs);
        EXPECT_EQ(a.samples[i].heapBytes, b.samples[i].heapBytes);
    }
    const Summary& s = a.summary;
    const Summary& t = b.summary;
    EXPECT_EQ(s.samples, t.samples);
    for (auto [x, y] : {std::pair{s.medianNs, t.medianNs},
                        {s.madNs, t.madNs},
                        {s.meanNs, t.meanNs},
                        {s.stddevNs, t.stddevNs},
                        {s.minNs, t.minNs},
                        {s.maxNs, t.maxNs},
                        {s.callsPerSecond, t.callsPerSecond},
                        {s.p5Ns, t.p5Ns},
                        {s.p25Ns, t.p25Ns},
                        {s.p75Ns, t.p75Ns},
                        {s.p95Ns, t.p95Ns},
                        {s.p99Ns, t.p99Ns},
                        {s.cv, t.cv},
                        {s.ciLowNs, t.ciLowNs},
                        {s.ciHighNs, t.ciHighNs}})
        EXPECT_EQ(x, y);
    EXPECT_EQ(s.outliers, t.outliers);
    EXPECT_EQ(s.steadyStateIndex, t.steadyStateIndex);
    EXPECT_EQ(a.reported, b.reported);
    EXPECT_EQ(a.output, b.output);
    EXPECT_EQ(a.outputDroppedBytes, b.outputDroppedBytes);
    EXPECT_EQ(a.harnessOverheadNs, b.harnessOverheadNs);
    EXPECT_EQ(a.warnings, b.warnings);
    EXPECT_EQ(a.childUserNs, b.childUserNs);
    EXPECT_EQ(a.childSysNs, b.childSysNs);
    EXPECT_EQ(a.childExitCode, b.childExitCode);
}

}  // namespace

TEST(ResultsFile, WriterMatchesGoldenWithVolatileFieldsMasked)
{
    ResultsDocument doc = exampleDocument();
    doc.environment = readEnvironment();  // this machine: volatile
    doc.warnings = environmentWarnings(doc.environment);
    doc.startedAtUtc = "now";
    doc.gitCommit = versusGitCommit();
    json written = json::parse(writeResultsDocument(doc));
    for (auto& [key, value] : written["metadata"]["environment"].items())
        value = "<masked>";
    written["metadata"]["warnings"] = "<masked>";
    written["metadata"]["git_commit"] = "<masked>";
    expectMatchesGolden("results_v2.json", written.dump(2) + "\n");
}

TEST(ResultsFile, RoundTripKeepsEveryField)
{
    const ResultsDocument doc = exampleDocument();
    const auto read = readResultsDocument(writeResultsDocument(doc));
    ASSERT_TRUE(read.ok()) << read.error();
    const ResultsDocument& back = *read;
    EXPECT_EQ(back.schemaVersion, 2);
    EXPECT_EQ(back.versusVersion, doc.versusVersion);
    EXPECT_EQ(back.gitCommit, doc.gitCommit);
    EXPECT_EQ(back.startedAtUtc, doc.startedAtUtc);
    EXPECT_EQ(back.finishedAtUtc, doc.finishedAtUtc);
    EXPECT_EQ(back.environment.os, doc.environment.os);
    EXPECT_EQ(back.environment.kernel, doc.environment.kernel);
    EXPECT_EQ(back.environment.cpuModel, doc.environment.cpuModel);
    EXPECT_EQ(back.environment.logicalCores, 2);
    EXPECT_EQ(back.environment.governor, "powersave");
    EXPECT_EQ(back.environment.turbo, "on");
    EXPECT_EQ(back.environment.loadAverage1m, 1.8);
    EXPECT_EQ(back.environment.loadAverage15m, 0.5);
    EXPECT_EQ(back.environment.aslr, 2);
    EXPECT_EQ(back.environment.memoryTotalBytes, doc.environment.memoryTotalBytes);
    EXPECT_EQ(back.environment.memoryAvailableBytes, doc.environment.memoryAvailableBytes);
    EXPECT_EQ(back.warnings, doc.warnings);
    ASSERT_EQ(back.runtimes.size(), 2u);
    EXPECT_EQ(back.runtimes[1].detail, "V8 10.2.154.26-node.36");
    EXPECT_TRUE(back.runtimes[1].embedded);
    EXPECT_EQ(back.componentVersions, doc.componentVersions);
    EXPECT_EQ(back.options.samples, 10);
    EXPECT_EQ(back.options.memoryLimitBytes, doc.options.memoryLimitBytes);
    ASSERT_EQ(back.results.size(), doc.results.size());
    for (std::size_t i = 0; i < doc.results.size(); ++i) {
        SCOPED_TRACE(i);
        expectSameResult(back.results[i], doc.results[i]);
    }
}

TEST(ResultsFile, HarnessOverheadWarningsAndChildFiguresRoundTrip)
{
    ResultsDocument doc = exampleDocument();
    Result& child = doc.results[0];
    child.runtimeId = "python3";
    child.childUserNs = 2'400'000'000;
    child.childSysNs = 35'000'000;
    child.childExitCode = 0;
    child.harnessOverheadNs = 0;  // known to be nothing, unlike unknown (-1)
    doc.results[1].childExitCode = 3;
    const std::string text = writeResultsDocument(doc);
    const json written = json::parse(text);
    EXPECT_EQ(written["results"][0]["child_user_ns"], 2'400'000'000);
    EXPECT_EQ(written["results"][0]["harness_overhead_ns"], 0);
    EXPECT_EQ(written["results"][3]["harness_overhead_ns"], 40.5);
    EXPECT_EQ(written["results"][3]["warnings"].size(), 2u);
    // Unknown figures are left out, not written as -1.
    EXPECT_FALSE(written["results"][2].contains("harness_overhead_ns"));
    EXPECT_FALSE(written["results"][2].contains("child_user_ns"));
    EXPECT_FALSE(written["results"][2].contains("child_exit_code"));
    const auto back = readResultsDocument(text);
    ASSERT_TRUE(back.ok()) << back.error();
    for (std::size_t i = 0; i < doc.results.size(); ++i) {
        SCOPED_TRACE(i);
        expectSameResult(back->results[i], doc.results[i]);
    }
    EXPECT_EQ(back->results[1].childExitCode, 3);
    EXPECT_EQ(back->results[3].warnings[1], "left a <timer> running");
}

TEST(ResultsFile, FilesWithoutTheNewerFieldsLoadWithThemUnknown)
{
    json doc = json::parse(validText());
    for (json& r : doc["results"])
        for (const char* key : {"harness_overhead_ns", "warnings", "child_user_ns", "child_sys_ns", "child_exit_code"})
            r.erase(key);
    doc["results"][1]["harness_overhead_ns"] = nullptr;
    const auto back = readResultsDocument(doc.dump());
    ASSERT_TRUE(back.ok()) << back.error();
    for (const Result& r : back->results) {
        EXPECT_EQ(r.harnessOverheadNs, -1);
        EXPECT_TRUE(r.warnings.empty());
        EXPECT_EQ(r.childUserNs, -1);
        EXPECT_EQ(r.childSysNs, -1);
        EXPECT_EQ(r.childExitCode, -1);
    }
}

TEST(ResultsFile, UnknownEnvironmentValuesAreWrittenAsNullAndReadBack)
{
    ResultsDocument doc;
    const std::string text = writeResultsDocument(doc);
    EXPECT_TRUE(json::parse(text)["metadata"]["environment"]["logical_cores"].is_null());
    const auto back = readResultsDocument(text);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->environment.logicalCores, -1);
    EXPECT_EQ(back->environment.loadAverage1m, -1);
    EXPECT_EQ(back->environment.memoryTotalBytes, -1);
}

TEST(ResultsFile, OutputThatIsNotUtf8IsWrittenNotThrown)
{
    ResultsDocument doc = exampleDocument();
    doc.results[0].output = "cut in the middle \xE2\x82";
    const auto back = readResultsDocument(writeResultsDocument(doc));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->results[0].output, "cut in the middle \xEF\xBF\xBD");  // U+FFFD replacement character
}

TEST(ResultsFile, ReadsSchemaVersion1)
{
    // Written by Versus 0.1's resultsToJson (results_json.cpp): no environment, options at the top level, a summary
    // without percentiles or CI.
    const auto read = readResultsFile(std::string(VERSUS_TEST_FIXTURES) + "/golden/results_v1.json");
    ASSERT_TRUE(read.ok()) << read.error();
    const ResultsDocument& doc = *read;
    EXPECT_EQ(doc.schemaVersion, 1);
    EXPECT_EQ(doc.versusVersion, "0.1.0");
    EXPECT_EQ(doc.options.samples, 5);
    EXPECT_EQ(doc.options.warmupSamples, 2);
    ASSERT_EQ(doc.results.size(), 2u);
    const Result& fib = doc.results[0];
    EXPECT_EQ(fib.workloadId, "fib");
    EXPECT_EQ(std::get<std::int64_t>(fib.params.at("n")), 20);
    ASSERT_EQ(fib.samples.size(), 7u);
    // Recomputed from the samples: the fields version 1 lacks are there, and the old ones agree with the file.
    EXPECT_EQ(fib.summary.samples, 5);
    EXPECT_DOUBLE_EQ(fib.summary.medianNs, 1020.0);
    EXPECT_GT(fib.summary.ciHighNs, 0);
    EXPECT_DOUBLE_EQ(fib.summary.p25Ns, stats::percentile(stats::perCallNs(fib.samples), 25));
    EXPECT_EQ(doc.results[1].status, ResultStatus::Failed);
    EXPECT_EQ(doc.results[1].failure.kind, FailureKind::Timeout);
}

struct CorruptCase {
    const char* name;
    std::string input;
    std::string expectedError;  ///< a part of the message
};

void PrintTo(const CorruptCase& c, std::ostream* os)
{
    *os << c.name;
}

class ResultsFileCorrupt : public ::testing::TestWithParam<CorruptCase> { };

TEST_P(ResultsFileCorrupt, GivesAClearErrorAndNoCrash)
{
    const auto read = readResultsDocument(GetParam().input);
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find(GetParam().expectedError), std::string::npos) << read.error();
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, ResultsFileCorrupt,
    ::testing::Values(
        CorruptCase{"Empty", "", "the file is empty"}, CorruptCase{"Whitespace", " \n\t", "the file is empty"},
        CorruptCase{"NotJson", "schema_version: 2", "not valid JSON: line 1, column 1: invalid literal"},
        CorruptCase{"Binary", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "not valid JSON"},
        CorruptCase{"Truncated", validText().substr(0, validText().size() / 2), "the file ends in the middle"},
        CorruptCase{"TopLevelArray", "[1, 2]", "the top level is an array, not an object"},
        CorruptCase{"NoSchemaVersion", R"({"metadata": {}, "results": []})", "it has no \"schema_version\""},
        CorruptCase{"NewerSchema", edited([](json& d) { d["schema_version"] = 3; }),
                    "schema version 3, newer than this Versus understands (2). Update Versus"},
        CorruptCase{"SchemaVersionString", edited([](json& d) { d["schema_version"] = "2"; }),
                    "schema_version: expected an integer, found string \"2\""},
        CorruptCase{"SchemaVersionZero", edited([](json& d) { d["schema_version"] = 0; }),
                    "schema_version: 0 is out of range"},
        CorruptCase{"MetadataNotObject", edited([](json& d) { d["metadata"] = 5; }),
                    "metadata: expected an object, found number 5"},
        CorruptCase{"ResultsMissing", edited([](json& d) { d.erase("results"); }),
                    "the required field \"results\" is missing"},
        CorruptCase{"ResultsNotArray", edited([](json& d) { d["results"] = "all"; }),
                    "results: expected an array, found string \"all\""},
        CorruptCase{"WorkloadMissing", edited([](json& d) { d["results"][1].erase("workload"); }),
                    "results[1]: the required field \"workload\" is missing"},
        CorruptCase{"ElapsedString", edited([](json& d) { d["results"][0]["samples"][3]["elapsed_ns"] = "abc"; }),
                    "results[0].samples[3].elapsed_ns: expected an integer, found string \"abc\""},
        CorruptCase{"IndexFraction", edited([](json& d) { d["results"][0]["samples"][0]["index"] = 1.5; }),
                    "results[0].samples[0].index: expected an integer, found number 1.5"},
        CorruptCase{"HugeFloatForInteger", edited([](json& d) { d["results"][0]["samples"][0]["elapsed_ns"] = 1e300; }),
                    "results[0].samples[0].elapsed_ns: 1e+300 is out of range"},
        CorruptCase{"HugeUnsigned", edited([](json& d) {
                        d["results"][0]["samples"][0]["inner_loops"] = std::uint64_t(18446744073709551615u);
                    }),
                    "results[0].samples[0].inner_loops: 18446744073709551615 is out of range"},
        CorruptCase{"HugeIntegerLiteral",
                    R"({"schema_version": 2, "metadata": {}, "results": [{"workload": "w", "runtime": "r",
                        "status": "ok", "samples": [{"index": 0, "inner_loops": 1,
                        "elapsed_ns": 123456789012345678901234567890}]}]})",
                    "results[0].samples[0].elapsed_ns: 1.2345678901234568e+29 is out of range"},
        CorruptCase{"NumberOverflow", R"({"schema_version": 2, "x": 1e999})", "number overflow parsing '1e999'"},
        CorruptCase{"NegativeInnerLoops", edited([](json& d) { d["results"][0]["samples"][0]["inner_loops"] = -5; }),
                    "inner_loops: -5 is out of range (expected an integer from 0 to"},
        CorruptCase{"CoresTooMany", edited([](json& d) { d["metadata"]["environment"]["logical_cores"] = 1e12; }),
                    "metadata.environment.logical_cores: 1000000000000 is out of range"},
        CorruptCase{"WarningNotString", edited([](json& d) { d["results"][3]["warnings"][1] = 7; }),
                    "results[3].warnings[1]: expected a string, found number 7"},
        CorruptCase{"NegativeOverhead", edited([](json& d) { d["results"][3]["harness_overhead_ns"] = -3; }),
                    "results[3].harness_overhead_ns: expected a number of nanoseconds >= 0, found -3"},
        CorruptCase{"ExitCodeTooLarge", edited([](json& d) { d["results"][0]["child_exit_code"] = 300; }),
                    "results[0].child_exit_code: 300 is out of range"},
        CorruptCase{"UnknownStatus", edited([](json& d) { d["results"][0]["status"] = "weird"; }),
                    "results[0].status: unknown status \"weird\""},
        CorruptCase{"UnknownFailureKind", edited([](json& d) { d["results"][2]["failure"]["kind"] = "gremlins"; }),
                    "results[2].failure.kind: unknown failure kind \"gremlins\""},
        CorruptCase{"ParamArray", edited([](json& d) { d["results"][0]["params"]["n"] = json::array({1}); }),
                    "results[0].params.n: expected a number, a string or true/false, found an array"},
        CorruptCase{"ReportedString", edited([](json& d) { d["results"][3]["reported"]["bytes_per_s"] = "fast"; }),
                    "results[3].reported.bytes_per_s: expected a number, found string \"fast\""},
        CorruptCase{"LoadAverageShort",
                    edited([](json& d) { d["metadata"]["environment"]["load_average"] = json::array({1}); }),
                    "metadata.environment.load_average: expected an array of 3 numbers"},
        CorruptCase{"DeepArrays", std::string(100000, '[') + std::string(100000, ']'),
                    "nested more than 100 levels deep"},
        CorruptCase{"DeepInsideResults",
                    R"({"schema_version": 2, "metadata": {}, "results": [{"answer": )" + std::string(100000, '[')
                        + std::string(100000, ']') + "}]}",
                    "nested more than 100 levels deep"},
        CorruptCase{"DeepUnclosed", std::string(100000, '{'), "nested more than 100 levels deep"},
        CorruptCase{"BadUtf8", "{\"schema_version\": 2, \"metadata\": {\"os\": \"\xff\xfe\"}, \"results\": []}",
                    "not valid JSON"}),
    [](const ::testing::TestParamInfo<CorruptCase>& info) { return std::string(info.param.name); });

TEST(ResultsFile, BracketsInsideStringsDoNotCountAsNesting)
{
    ResultsDocument doc = exampleDocument();
    doc.results[0].output = std::string(500, '[');
    const auto read = readResultsDocument(writeResultsDocument(doc));
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->results[0].output, std::string(500, '['));
}

TEST(ResultsFile, ReadingAMissingFileNamesIt)
{
    const auto read = readResultsFile("/nonexistent/versus/results.json");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error(), "Cannot open '/nonexistent/versus/results.json': No such file or directory");
}

TEST(ResultsFile, ReadingACorruptFileNamesIt)
{
    const std::string path = tempDir("corrupt") + "/r.json";
    std::ofstream(path) << "{\"schema_version\": 9}";
    const auto read = readResultsFile(path);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().rfind("'" + path + "': this results file uses schema version 9", 0), 0u) << read.error();
}

TEST(ResultsFile, GitCommitIsAHashOrUnknown)
{
    const std::string commit = versusGitCommit();
    EXPECT_TRUE(std::regex_match(commit, std::regex("[0-9a-f]{12}")) || commit == "unknown") << commit;
}

TEST(ResultsFile, MemorySeriesAndGcEventsRoundTripInSecondsSinceTheStart)
{
    ResultsDocument doc = exampleDocument();
    doc.clockOriginNs = 5'000'000'000;
    doc.memory = {{5'000'000'000, "Versus process RSS", 40'000'000},
                  {5'100'000'000, "Versus process RSS", 41'000'000},
                  {5'100'000'000, "CPython (embedded) heap", 2'000'000}};
    doc.gcEvents = {{5'050'000'000, "Node.js (process)", 1'200'000}};
    const std::string text = writeResultsDocument(doc);
    const auto json = nlohmann::json::parse(text);
    ASSERT_EQ(json["memory"].size(), 2u) << "one entry per series";
    EXPECT_EQ(json["memory"][0]["series"], "Versus process RSS");
    EXPECT_DOUBLE_EQ(json["memory"][0]["points"][1][0].get<double>(), 0.1);
    EXPECT_DOUBLE_EQ(json["gc_events"][0]["t_s"].get<double>(), 0.05);
    const auto read = readResultsDocument(text);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->memory.size(), 3u);
    EXPECT_EQ(read->memory[1].timestampNs, 100'000'000);
    EXPECT_EQ(read->memory[1].bytes, 41'000'000);
    ASSERT_EQ(read->gcEvents.size(), 1u);
    EXPECT_EQ(read->gcEvents[0].pauseNs, 1'200'000);
}

TEST(ResultsFile, AMemoryPointThatIsNotAPairIsRefusedWithItsPlace)
{
    const auto read = readResultsDocument(
        R"({"schema_version": 2, "metadata": {}, "results": [], "memory": [{"series": "x", "points": [[0.1]]}]})");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("memory[0].points[0]"), std::string::npos) << read.error();
}
