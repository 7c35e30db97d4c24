// Terminal formatting: durations and the results table (its headline: headline_test.cpp).
#include <cmath>

#include <gtest/gtest.h>

#include "text_format.h"

using namespace versus;

TEST(TextFormat, DurationsPickTheirUnit)
{
    EXPECT_EQ(formatDuration(845), "845 ns");
    EXPECT_EQ(formatDuration(1234), "1.23 us");
    EXPECT_EQ(formatDuration(4.52e6), "4.52 ms");
    EXPECT_EQ(formatDuration(2.5e9), "2.50 s");
    EXPECT_EQ(formatDuration(NAN), "-");
}

TEST(TextFormat, WaitsAreRoundedToWhatAnEstimateKnows)
{
    EXPECT_EQ(formatWait(2.4), "under 5 s");
    EXPECT_EQ(formatWait(41.7), "about 40 s");
    EXPECT_EQ(formatWait(2449.61), "about 41 min");  // once shown as "about 2449.61 s left"
    EXPECT_EQ(formatWait(4800), "about 1 h 20 min");
    EXPECT_EQ(formatWait(NAN), "-");
}

TEST(TextFormat, WarningsAreListedUnderTheirGroupAndMarkedAsWarnings)
{
    Result r;
    r.workloadId = "fib";
    r.runtimeName = "CPython (embedded)";
    r.summary.samples = 3;
    r.summary.medianNs = 850;
    r.warnings = {"each call takes 850 ns, of which about 143 ns is the harness's own loop: use a larger parameter "
                  "so the workload dominates"};
    Result other = r;
    other.workloadId = "sort";
    other.warnings.clear();
    const std::string table = formatResultsTable({r, other});
    const std::string line = "  ! warning, CPython (embedded): " + r.warnings[0] + "\n";
    const auto at = table.find(line);
    ASSERT_NE(at, std::string::npos) << table;
    EXPECT_LT(at, table.find("\nsort\n")) << "under its own group";
    EXPECT_EQ(table.find(line, at + 1), std::string::npos);
}

TEST(TextFormat, SpeedupTableDividesTheBaselineByEachSeriesAtTheSameStep)
{
    auto make = [](const std::string& flavour, std::int64_t workers, double medianNs) {
        Result r;
        r.workloadId = "cpu_parallel";
        r.runtimeId = "python";
        r.runtimeName = "CPython (embedded)";
        r.flavour = flavour;
        r.flavourLabel = flavour == "plain" ? "" : flavour;
        r.params = {{"limit", std::int64_t(1000)}, {"workers", workers}};
        r.summary.samples = 3;
        r.summary.medianNs = medianNs;
        return r;
    };
    Result failed = make("threads", 2, 0);
    failed.status = ResultStatus::Failed;
    const std::string table =
        formatSpeedupTable({make("plain", 1, 100), make("processes", 1, 110), make("plain", 2, 100),
                            make("processes", 2, 50), failed, make("threads", 1, 100)},
                           "cpu_parallel", "workers");
    EXPECT_NE(table.find("cpu_parallel (limit=1000)"), std::string::npos) << table;
    EXPECT_NE(table.find("workers=1"), std::string::npos) << table;
    const auto processes = table.find(make("processes", 1, 0).seriesName());
    ASSERT_NE(processes, std::string::npos) << table;
    const std::string row = table.substr(processes, table.find('\n', processes) - processes);
    EXPECT_NE(row.find("0.91x"), std::string::npos) << row;
    EXPECT_NE(row.find("2.00x"), std::string::npos) << row;
    const auto threads = table.find(make("threads", 1, 0).seriesName());
    const std::string threadsRow = table.substr(threads, table.find('\n', threads) - threads);
    EXPECT_NE(threadsRow.find("1.00x"), std::string::npos) << threadsRow;
    EXPECT_NE(threadsRow.find(" -"), std::string::npos) << "a failed step shows '-': " << threadsRow;
    EXPECT_EQ(formatSpeedupTable({make("plain", 1, 100)}, "fib", "workers"), "");
}

TEST(TextFormat, BytesAreInBinaryUnits)
{
    EXPECT_EQ(formatBytes(512), "512 B");
    EXPECT_EQ(formatBytes(4915), "4.8 KiB");
    EXPECT_EQ(formatBytes(151'000'000), "144.0 MiB");
    EXPECT_EQ(formatBytes(1.3e9), "1.21 GiB");
    EXPECT_EQ(formatBytes(NAN), "-");
}

TEST(TextFormat, ResultsTableNamesTheCallUnitOfItsWorkload)
{
    Result query;
    query.workloadId = "db_point";
    query.runtimeName = "psycopg2";
    query.summary.samples = 3;
    query.summary.medianNs = 120'000;
    Result call = query;
    call.workloadId = "fib";
    const std::string table = formatResultsTable({query, call}, {{"db_point", "queries"}});
    const auto fib = table.find("\nfib\n");
    ASSERT_NE(fib, std::string::npos) << table;
    const std::string db = table.substr(0, fib), plain = table.substr(fib);
    EXPECT_NE(db.find("median/query"), std::string::npos) << db;
    EXPECT_NE(db.find("queries/s"), std::string::npos) << db;
    EXPECT_EQ(db.find("calls/s"), std::string::npos) << db;
    EXPECT_NE(plain.find("median/call"), std::string::npos) << plain;
    EXPECT_NE(plain.find("calls/s"), std::string::npos) << plain;
}

TEST(TextFormat, SingularOfACallUnit)
{
    EXPECT_EQ(singularNoun("queries"), "query");
    EXPECT_EQ(singularNoun("requests"), "request");
    EXPECT_EQ(singularNoun("transactions"), "transaction");
    EXPECT_EQ(singularNoun("calls"), "call");
}
