// Headlines: one comparison per group, worded to say only what the numbers show, identical wherever it is shown.
#include <cmath>

#include <gtest/gtest.h>

#include "headline.h"
#include "text_format.h"

using namespace versus;

namespace {

/// A successful result whose measured samples take `perCallNs`, one call each.
Result timed(const char* name, const std::vector<std::int64_t>& perCallNs)
{
    Result r;
    r.workloadId = "fib";
    r.runtimeName = name;
    r.params = {{"n", std::int64_t(22)}};
    for (std::size_t i = 0; i < perCallNs.size(); ++i)
        r.samples.push_back({static_cast<int>(i), false, 1, perCallNs[i], -1});
    r.summary = stats::summarize(r.samples);
    return r;
}

std::vector<const Result*> pointers(const std::vector<Result>& results)
{
    std::vector<const Result*> out;
    for (const auto& r : results)
        out.push_back(&r);
    return out;
}

}  // namespace

TEST(Headline, AClearDifferenceNamesTheFasterWithItsIntervalAndPValue)
{
    const std::vector<Result> group = {timed("CPython (embedded)", std::vector<std::int64_t>(10, 14200)),
                                       timed("Node.js (embedded)", std::vector<std::int64_t>(10, 1000))};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_TRUE(h->clear);
    EXPECT_DOUBLE_EQ(h->ratio, 14.2);
    EXPECT_DOUBLE_EQ(h->ratioCi.low, 14.2);
    EXPECT_EQ(h->sentence,
              "Node.js (embedded) is 14.2x faster than CPython (embedded) on fib (n=22): "
              "95% CI 14.2x to 14.2x, p < 0.001");
    // The group's order does not change who is compared with whom, nor the numbers.
    const std::vector<Result> reversed = {group[1], group[0]};
    EXPECT_EQ(headline(pointers(reversed))->sentence, h->sentence);
}

TEST(Headline, APValueBelowFivePercentWithAnIntervalHoldingOneIsNoClearDifference)
{
    // Mann-Whitney: p = 0.03 (exact); the bootstrap CI of the ratio of medians still reaches below 1.
    const std::vector<Result> group = {timed("slow", {15, 16, 17, 18, 20, 21, 22}),
                                       timed("fast", {11, 12, 13, 14, 19})};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_LT(h->pValue, 0.05);
    EXPECT_LT(h->ratioCi.low, 1);
    EXPECT_FALSE(h->clear);
    EXPECT_EQ(h->sentence,
              "fast vs slow: no clear difference on fib (n=22): ratio 1.38x, 95% CI 0.95x to 1.75x, "
              "p = 0.03");
}

TEST(Headline, AnIntervalThatOnlyTouchesOneIsNoClearDifference)
{
    const std::vector<Result> group = {timed("slow", {15, 17, 20, 22, 23, 24}),
                                       timed("fast", {11, 12, 13, 14, 16, 18, 19, 21})};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_LT(h->pValue, 0.05);
    EXPECT_EQ(h->ratioCi.low, 1);
    EXPECT_FALSE(h->clear);
    EXPECT_NE(h->sentence.find("no clear difference"), std::string::npos) << h->sentence;
}

TEST(Headline, AHighPValueIsNoClearDifference)
{
    const std::vector<Result> group = {timed("a", {10, 12, 11, 13, 10, 12}), timed("b", {11, 12, 10, 13, 11, 12})};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_GE(h->pValue, 0.05);
    EXPECT_FALSE(h->clear);
    EXPECT_EQ(h->sentence.rfind("a vs b: no clear difference on fib (n=22): ratio 1.00x, 95% CI", 0), 0u)
        << h->sentence;
}

TEST(Headline, WithoutRawSamplesItGivesTheRatioOfMediansAndClaimsNothing)
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
    const std::vector<Result> group = {python, node};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_FALSE(h->clear);
    EXPECT_TRUE(std::isnan(h->pValue));
    EXPECT_EQ(h->sentence,
              "Node.js (embedded) vs CPython (embedded) on fib (n=27): ratio of medians 14.2x; without "
              "raw samples there is no CI or p-value");
}

TEST(Headline, ComparesTheFastestWithTheSlowestAndSkipsFailures)
{
    Result failed = timed("broken", {1, 1, 1});
    failed.status = ResultStatus::Failed;
    const std::vector<Result> group = {timed("middle", {50, 51, 52, 53, 54, 55}), failed,
                                       timed("slowest", {100, 101, 102, 103, 104, 105}),
                                       timed("fastest", {10, 10, 10, 11, 11, 11})};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_EQ(h->faster, "fastest");
    EXPECT_EQ(h->slower, "slowest");
    const auto all = comparisonsWithFastest(pointers(group));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].slower, "middle");
    EXPECT_EQ(all[1].sentence, h->sentence);  // the headline is one of the comparisons, not a second computation
    EXPECT_FALSE(headline(pointers({group[0], failed})));
}

TEST(Headline, GroupsByWorkloadAndParametersInOrderOfAppearance)
{
    Result a = timed("x", {1});
    Result b = a;
    b.params = {{"n", std::int64_t(30)}};
    Result c = a;
    c.workloadId = "sort";
    c.params.clear();
    const std::vector<Result> results = {a, b, c, a};
    const auto groups = groupByWorkload(results);
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].first, "fib (n=22)");
    EXPECT_EQ(groups[0].second.size(), 2u);
    EXPECT_EQ(groups[1].first, "fib (n=30)");
    EXPECT_EQ(groups[2].first, "sort");
}

TEST(Headline, TheResultsTableEndsEachGroupWithItsHeadline)
{
    const std::vector<Result> group = {timed("slow", {15, 16, 17, 18, 20, 21, 22}),
                                       timed("fast", {11, 12, 13, 14, 19})};
    const std::string table = formatResultsTable(group);
    EXPECT_NE(table.find("  => " + headline(pointers(group))->sentence + "\n"), std::string::npos) << table;
}
