// The CLI's table of what workloads report: the manifest's report columns, filled from each result's report, with
// the units/s of throughput workloads; failed results and columns nobody filled are left out.
#include <gtest/gtest.h>

#include "reported_table.h"
#include "run_helpers.h"
#include "statistics.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

Result reporting(const std::string& workload, const std::string& runtime, ParamValues params,
                 std::map<std::string, double> reported)
{
    Result r;
    r.workloadId = workload;
    r.runtimeName = runtime;
    r.params = std::move(params);
    r.reported = std::move(reported);
    for (int i = 0; i < 3; ++i)
        r.samples.push_back({i, false, 1, 2'000'000, -1});  // 2 ms a call
    r.summary = stats::summarize(r.samples);
    return r;
}

/// The line of `table` that starts with the row `name` ("" when there is none).
std::string rowOf(const std::string& table, const std::string& name)
{
    for (std::size_t at = 0; at < table.size();) {
        const std::size_t end = table.find('\n', at);
        const std::string line = table.substr(at, end - at);
        if (line.find("  " + name + "  ") == 0)
            return line;
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return "";
}

}  // namespace

TEST(ReportedTable, ShowsTheManifestColumnsWithTheParameterInTheKeyAndLeavesOutWhatNobodyReported)
{
    const ParamValues params{{"connections", std::int64_t{200}}};
    std::vector<Result> results = {
        reporting("idle_connections", "python", params,
                  {{"bytes_per_connection", 4300}, {"rss_delta_bytes_at_200", 860'000}, {"unrelated", 1}}),
        reporting("idle_connections", "node", params, {{"bytes_per_connection", 2048}}),
        reporting("idle_connections", "pypy", params, {}),
    };
    results[2].status = ResultStatus::Failed;
    const std::string table = formatReportedTable(results, mainCatalog());
    SCOPED_TRACE(table);
    EXPECT_NE(table.find("idle_connections (connections=200): what the workload reported"), std::string::npos);
    EXPECT_NE(table.find("bytes/connection"), std::string::npos);
    EXPECT_NE(table.find("RSS growth"), std::string::npos);
    EXPECT_EQ(table.find("later calls"), std::string::npos) << "a column no result filled is left out";
    EXPECT_EQ(table.find("unrelated"), std::string::npos) << "only the manifest's columns are shown";
    EXPECT_NE(rowOf(table, "python").find("4.2 KiB"), std::string::npos);
    EXPECT_NE(rowOf(table, "python").find("839.8 KiB"), std::string::npos);
    const std::string node = rowOf(table, "node");
    EXPECT_NE(node.find("2.0 KiB"), std::string::npos);
    EXPECT_NE(node.find(" -"), std::string::npos) << "a value another result has is shown as missing";
    EXPECT_EQ(rowOf(table, "pypy"), "") << "a failed result has its reason in the results table, not a row of dashes";
}

TEST(ReportedTable, ShowsSharesAsPercentagesAndThroughputFromTheWorkParameter)
{
    const std::vector<Result> results = {
        reporting("db_point", "python", {{"pool", std::int64_t{1}}}, {{"db_time_share", 0.153}}),
        reporting("io_concurrency", "python", {{"operations", std::int64_t{1000}}}, {}),
    };
    const std::string table = formatReportedTable(results, mainCatalog());
    SCOPED_TRACE(table);
    EXPECT_NE(table.find("server share"), std::string::npos);
    EXPECT_NE(table.find("15%"), std::string::npos);
    EXPECT_NE(table.find("ops/s"), std::string::npos);
    EXPECT_NE(table.find("500.0k"), std::string::npos) << "1000 operations in 2 ms a call: 500,000 ops/s";
}

TEST(ReportedTable, IsEmptyForWorkloadsThatReportOnlyTime)
{
    const std::vector<Result> results = {reporting("fib", "python", {{"n", std::int64_t{22}}}, {{"x", 1}})};
    EXPECT_EQ(formatReportedTable(results, mainCatalog()), "");
}

}  // namespace versus::workload_tests
