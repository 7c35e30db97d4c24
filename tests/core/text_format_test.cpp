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

TEST(TextFormat, HeadlineWithSamplesCarriesTheConfidenceIntervalAndSignificance)
{
    auto withSamples = [](const char* name, std::vector<std::int64_t> elapsed) {
        Result r;
        r.workloadId = "fib";
        r.runtimeName = name;
        for (size_t i = 0; i < elapsed.size(); ++i)
            r.samples.push_back({static_cast<int>(i), false, 1, elapsed[i], -1});
        r.summary.samples = static_cast<int>(elapsed.size());
        r.summary.medianNs = static_cast<double>(elapsed[elapsed.size() / 2]);
        return r;
    };
    auto clear = headline({withSamples("slow", {100, 101, 102, 103, 104, 105}), withSamples("fast", {10, 10, 10, 11, 11, 11})});
    ASSERT_TRUE(clear);
    EXPECT_NE(clear->find("fast is"), std::string::npos) << *clear;
    EXPECT_NE(clear->find("95% CI"), std::string::npos) << *clear;
    EXPECT_NE(clear->find("on fib"), std::string::npos) << *clear;
    auto same = headline({withSamples("a", {10, 12, 11, 13, 10, 12}), withSamples("b", {11, 12, 10, 13, 11, 12})});
    ASSERT_TRUE(same);
    EXPECT_NE(same->find("no significant difference"), std::string::npos) << *same;
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
