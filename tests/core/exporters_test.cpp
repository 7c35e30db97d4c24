// Exporters: golden files of every format, RFC 4180 structure, hyperfine JSON read back, HTML self-contained.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export_formats.h"
#include "exporters.h"
#include "statistics.h"
#include "text_format.h"

using namespace versus;
using nlohmann::json;

ResultsDocument exampleDocument();  // results_file_test.cpp

/// Compares `actual` with tests/fixtures/golden/<name>. Run with VERSUS_UPDATE_GOLDEN=1 to rewrite the file after
/// an intended change, then review the diff.
void expectMatchesGolden(const std::string& name, const std::string& actual)
{
    const std::string path = std::string(VERSUS_TEST_FIXTURES) + "/golden/" + name;
    if (std::getenv("VERSUS_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "missing golden file " << path << "; create it with VERSUS_UPDATE_GOLDEN=1";
    std::ostringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(actual, expected.str()) << "differs from " << path << " (VERSUS_UPDATE_GOLDEN=1 rewrites it)";
}

namespace {

/// A minimal RFC 4180 reader: records of fields, quotes doubled inside quoted fields, CRLF between records.
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& field = records.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            records.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (records.back() == std::vector<std::string>(1))
        records.pop_back();  // after the final CRLF
    return records;
}

ResultsDocument slowerNodeDocument()
{
    ResultsDocument doc = exampleDocument();
    doc.startedAtUtc = "2026-11-27T08:00:00Z";
    for (Sample& s : doc.results[1].samples)
        s.elapsedNs = s.elapsedNs * 6 / 5;  // Node.js 1.2x slower
    doc.results[1].summary = stats::summarize(doc.results[1].samples);
    doc.results.erase(doc.results.begin() + 3);  // the simdjson flavour is gone
    Result pypy = doc.results[0];
    pypy.runtimeId = "pypy";
    pypy.runtimeName = "PyPy";
    doc.results.push_back(pypy);
    return doc;
}

}  // namespace

TEST(Exporters, SamplesCsvGolden)
{
    expectMatchesGolden("samples.csv", samplesCsv(exampleDocument().results));
}

TEST(Exporters, SamplesCsvHasOneRecordPerSampleAndTwelveFields)
{
    const ResultsDocument doc = exampleDocument();
    const auto records = parseCsv(samplesCsv(doc.results));
    std::size_t samples = 0;
    for (const auto& r : doc.results)
        samples += r.samples.size();
    ASSERT_EQ(records.size(), samples + 1);
    for (const auto& record : records)
        EXPECT_EQ(record.size(), 12u);
    // The json_roundtrip params hold a comma, quotes and a bar: one field after parsing.
    EXPECT_EQ(records.back()[1], "pretty=true, ratio=0.5, size=small, \"quoted\" | odd");
    EXPECT_EQ(records[2][10], "142100000");  // per_call_ns of the first measured Python sample
}

TEST(Exporters, SummariesCsvGolden)
{
    expectMatchesGolden("summaries.csv", summariesCsv(exampleDocument().results));
}

TEST(Exporters, SummariesCsvQuotesMessagesWithLineBreaks)
{
    const ResultsDocument doc = exampleDocument();
    const std::string csv = summariesCsv(doc.results);
    const auto records = parseCsv(csv);
    ASSERT_EQ(records.size(), doc.results.size() + 1);
    for (const auto& record : records)
        EXPECT_EQ(record.size(), 27u);
    EXPECT_EQ(records[3][25], "script-error");
    EXPECT_EQ(records[3][26], doc.results[2].failure.message);  // newline and quotes survive
    EXPECT_EQ(records[3][8], "");  // no samples: no median
    EXPECT_EQ(std::stod(records[1][8]), doc.results[0].summary.medianNs);
    EXPECT_EQ(std::stod(records[1][9]), doc.results[0].summary.ciLowNs);
    EXPECT_NE(csv.find("\"SyntaxError at line 12 of roundtrip.py: \"\"unexpected token\"\""), std::string::npos);
}

TEST(Exporters, MarkdownGolden)
{
    expectMatchesGolden("results.md", markdownTable(exampleDocument().results));
}

TEST(Exporters, MarkdownEscapesBarsAndStatesComparisons)
{
    const std::string md = markdownTable(exampleDocument().results);
    EXPECT_NE(md.find("### json_roundtrip (pretty=true, ratio=0.5, size=small, \"quoted\" \\| odd)"),
              std::string::npos);
    EXPECT_NE(md.find("- Node.js (embedded) is 14.2x faster than CPython (embedded) on fib (n=27): 95% CI"),
              std::string::npos);
    EXPECT_NE(md.find("- **CPython (embedded)** script-error: SyntaxError"), std::string::npos);
}

TEST(Exporters, TheCliMarkdownAndHtmlCarryTheSameHeadlineAndInterval)
{
    ResultsDocument doc = exampleDocument();
    // Spread-out samples, for which the bootstrap's order of resampling shows in the interval's digits.
    const std::vector<std::vector<std::int64_t>> perCallMs = {{30, 34, 29, 41, 38, 33, 45, 31},
                                                              {12, 19, 14, 22, 11, 16, 25, 13}};
    for (std::size_t i = 0; i < perCallMs.size(); ++i) {
        doc.results[i].samples.clear();
        for (std::size_t k = 0; k < perCallMs[i].size(); ++k)
            doc.results[i].samples.push_back({static_cast<int>(k), false, 1, perCallMs[i][k] * 1'000'000, -1});
        doc.results[i].summary = stats::summarize(doc.results[i].samples);
    }
    const std::string cli = formatResultsTable(doc.results);
    const auto start = cli.find("  => ");
    ASSERT_NE(start, std::string::npos) << cli;
    const std::string sentence = cli.substr(start + 5, cli.find('\n', start) - start - 5);
    const auto ci = sentence.find("95% CI ");
    ASSERT_NE(ci, std::string::npos) << sentence;
    EXPECT_NE(markdownTable(doc.results).find("- " + sentence + "\n"), std::string::npos) << sentence;
    std::string escaped = sentence;
    escaped.replace(escaped.find("p < "), 4, "p &lt; ");
    EXPECT_NE(htmlReport(doc, {}).find("<p>" + escaped + "</p>"), std::string::npos) << escaped;
    // The bootstrap taken the other way round gives another interval for these samples: this is what the exports
    // got wrong when each computed its own.
    const stats::Comparison reversed =
        stats::compareSamples(stats::perCallNs(doc.results[1].samples), stats::perCallNs(doc.results[0].samples));
    const std::string reversedCi =
        "95% CI " + formatRatio(1 / reversed.ratioCi.high) + " to " + formatRatio(1 / reversed.ratioCi.low);
    EXPECT_EQ(sentence.find(reversedCi), std::string::npos) << sentence << " vs " << reversedCi;
}

TEST(Exporters, MarkdownAndHtmlListEachWarningOfAResult)
{
    const ResultsDocument doc = exampleDocument();
    const std::string md = markdownTable(doc.results);
    EXPECT_NE(md.find("- Warning, **Node.js (embedded) + simdjson**: each call takes 2.08 us, of which about 40 ns"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("- Warning, **Node.js (embedded) + simdjson**: left a <timer> running\n"), std::string::npos);
    const std::string page = htmlReport(doc, {});
    EXPECT_NE(page.find("<p class=\"warning\">Warning, Node.js (embedded) + simdjson: left a &lt;timer&gt; "
                        "running</p>"),
              std::string::npos);
}

TEST(Exporters, HyperfineJsonGolden)
{
    expectMatchesGolden("hyperfine.json", hyperfineJson(exampleDocument().results));
}

TEST(Exporters, HyperfineJsonReadsBackWithHyperfinesFieldsAndTypes)
{
    const ResultsDocument doc = exampleDocument();
    const json parsed = json::parse(hyperfineJson(doc.results));
    ASSERT_TRUE(parsed.contains("results"));
    const json& results = parsed["results"];
    ASSERT_TRUE(results.is_array());
    ASSERT_EQ(results.size(), 3u);  // the failed result has no times and is left out, as hyperfine does
    for (const json& entry : results) {
        ASSERT_TRUE(entry["command"].is_string());
        for (const char* key : {"mean", "median", "min", "max"})
            EXPECT_TRUE(entry[key].is_number_float()) << key;
        EXPECT_TRUE(entry["stddev"].is_number_float() || entry["stddev"].is_null());
        ASSERT_TRUE(entry["times"].is_array());
        for (const json& t : entry["times"])
            EXPECT_TRUE(t.is_number_float());
        // Embedded runtimes have no child process: no CPU times or exit codes, rather than made-up zeros.
        for (const char* key : {"user", "system", "exit_codes"})
            EXPECT_FALSE(entry.contains(key)) << key;
        ASSERT_TRUE(entry["parameters"].is_object());
        for (const auto& [name, value] : entry["parameters"].items())
            EXPECT_TRUE(value.is_string()) << name;
    }
    const json& python = results[0];
    EXPECT_EQ(python["command"], "fib (n=27) on CPython (embedded)");
    EXPECT_EQ(python["times"].size(), 10u);
    EXPECT_DOUBLE_EQ(python["median"].get<double>(), doc.results[0].summary.medianNs / 1e9);
    EXPECT_DOUBLE_EQ(python["mean"].get<double>(), doc.results[0].summary.meanNs / 1e9);
    EXPECT_DOUBLE_EQ(python["min"].get<double>(), 0.1417);
    EXPECT_EQ(python["parameters"]["n"], "27");
}

TEST(Exporters, HyperfineUserSystemAndExitCodesComeFromTheChildProcess)
{
    ResultsDocument doc = exampleDocument();
    Result external = doc.results[0];  // 11 samples of 4 calls: 44 calls in all, warm-up included
    external.runtimeId = "python3";
    external.childUserNs = 4'400'000'000;
    external.childSysNs = 44'000'000;
    external.childExitCode = 0;
    Result crashed = external;
    crashed.childExitCode = 3;
    crashed.childSysNs = -1;
    const json parsed = json::parse(hyperfineJson({external, crashed}));
    const json& entry = parsed["results"][0];
    EXPECT_DOUBLE_EQ(entry["user"].get<double>(), 0.1);  // 4.4 s over 44 calls
    EXPECT_DOUBLE_EQ(entry["system"].get<double>(), 0.001);
    EXPECT_EQ(entry["exit_codes"], json(std::vector<int>(10, 0)));
    const json& other = parsed["results"][1];
    EXPECT_EQ(other["exit_codes"], json(std::vector<int>(10, 3)));
    EXPECT_FALSE(other.contains("system"));
    EXPECT_TRUE(other.contains("user"));
}

TEST(Exporters, HyperfineStddevIsNullBelowTwoSamples)
{
    ResultsDocument doc = exampleDocument();
    doc.results[1].samples.resize(2);  // one warm-up and one measured sample
    const json parsed = json::parse(hyperfineJson({doc.results[1]}));
    EXPECT_TRUE(parsed["results"][0]["stddev"].is_null());
    EXPECT_EQ(parsed["results"][0]["times"].size(), 1u);
}

TEST(Exporters, HtmlReportGolden)
{
    const std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                            "<svg width=\"40\" height=\"20\" xmlns=\"http://www.w3.org/2000/svg\">"
                            "<rect width=\"40\" height=\"20\" fill=\"#4a7\"/></svg>\n";
    expectMatchesGolden("report.html", htmlReport(exampleDocument(), {{"fib: time per call", svg}}));
}

TEST(Exporters, HtmlReportIsSelfContainedAndEscaped)
{
    const std::string svg =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"3\"/></svg>";
    const std::string page = htmlReport(exampleDocument(), {{"Chart <1>", svg}});
    EXPECT_EQ(page.find("<?xml"), std::string::npos);
    EXPECT_NE(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"3\"/></svg>"), std::string::npos);
    EXPECT_NE(page.find("<figcaption>Chart &lt;1&gt;</figcaption>"), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);  // the failure message's <script> is escaped
    EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(page.find(" src="), std::string::npos);
    EXPECT_EQ(page.find("<link"), std::string::npos);
    EXPECT_NE(page.find("<td>Frequency governor</td><td>powersave</td>"), std::string::npos);
    EXPECT_NE(page.find("<td>Node.js (embedded)</td><td>Node.js 18.20.4"), std::string::npos);
    EXPECT_NE(page.find("<h2>Failures</h2>"), std::string::npos);
    EXPECT_NE(page.find("<p class=\"warning\">CPU frequency governor is powersave"), std::string::npos);
}

TEST(Exporters, HtmlReportWithoutChartsOrFailuresLeavesThoseSectionsOut)
{
    ResultsDocument doc = exampleDocument();
    doc.results.erase(doc.results.begin() + 2);
    const std::string page = htmlReport(doc, {});
    EXPECT_EQ(page.find("<h2>Charts</h2>"), std::string::npos);
    EXPECT_EQ(page.find("<h2>Failures</h2>"), std::string::npos);
    EXPECT_NE(page.find("<h2>Results</h2>"), std::string::npos);
}

TEST(Exporters, CompareResultsGolden)
{
    expectMatchesGolden("compare.txt", compareResults(exampleDocument(), slowerNodeDocument()));
}

TEST(Exporters, CompareResultsStatesChangeAndSignificance)
{
    const std::string text = compareResults(exampleDocument(), slowerNodeDocument());
    EXPECT_NE(text.find("  Node.js (embedded): 10.04 ms -> 12.04 ms: 1.20x slower (95% CI"), std::string::npos) << text;
    EXPECT_NE(text.find("  CPython (embedded): 142.15 ms -> 142.15 ms: no clear difference (1.00x faster, 95% CI 1.00x "
                        "to 1.00x, p = 1)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  CPython (embedded): failed in both (script-error)"), std::string::npos) << text;
    EXPECT_NE(text.find("Only in old:\n  json_roundtrip"), std::string::npos) << text;
    EXPECT_NE(text.find("Only in new:\n  fib (n=27) on PyPy\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Geometric mean of 2 changes: 1.10x slower"), std::string::npos) << text;
}

TEST(ExportFormats, TheFileNameChoosesTheFormatByItsLongestSuffix)
{
    EXPECT_EQ(versus::exportFormatForFile("a.json")->id, "json");
    EXPECT_EQ(versus::exportFormatForFile("a.hyperfine.json")->id, "hyperfine");
    EXPECT_EQ(versus::exportFormatForFile("a.CSV")->id, "csv");
    EXPECT_EQ(versus::exportFormatForFile("a.samples.csv")->id, "samples-csv");
    EXPECT_EQ(versus::exportFormatForFile("a.md")->id, "markdown");
    EXPECT_EQ(versus::exportFormatForFile("a.htm")->id, "html");
    EXPECT_EQ(versus::exportFormatForFile("a.docx"), nullptr);
    EXPECT_EQ(versus::exportFormatById("summary-csv")->id, "csv");
    const auto unknown = versus::writeExport("/tmp/versus-results.docx", nullptr, exampleDocument(), {});
    EXPECT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find(".samples.csv"), std::string::npos) << unknown.error();
    // Nothing to export: refused, and no file appears.
    const auto empty = versus::writeExport("/tmp/versus-empty-export.json", nullptr, {}, {});
    EXPECT_FALSE(empty.ok());
    EXPECT_NE(empty.error().find("no results"), std::string::npos) << empty.error();
    EXPECT_FALSE(std::filesystem::exists("/tmp/versus-empty-export.json"));
}
