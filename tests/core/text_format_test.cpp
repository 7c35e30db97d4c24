// Terminal formatting: durations, ratios and the headline sentence.
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

TEST(TextFormat, HeadlineComparesFastestWithSlowest)
{
    Result python;
    python.workloadId = "fib";
    python.runtimeName = "CPython (embedded)";
    python.params = {{"n", std::int64_t(27)}};
    python.summary.samples = 10;
    python.summary.medianNs = 142e6;
    Result node = python;
    node.runtimeName = "Node.js (embedded)";
    node.summary.medianNs = 10e6;
    auto text = headline({python, node});
    ASSERT_TRUE(text);
    EXPECT_EQ(text->rfind("Node.js (embedded) is 14.2x faster than CPython (embedded) on fib (n=27)", 0), 0u);
}

TEST(TextFormat, NoHeadlineWithoutTwoSuccessfulResults)
{
    Result ok;
    ok.summary.samples = 3;
    ok.summary.medianNs = 5;
    Result failed = ok;
    failed.status = ResultStatus::Failed;
    EXPECT_FALSE(headline({ok, failed}));
}
