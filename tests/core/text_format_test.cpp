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
