// Headlines: one comparison per group, worded to say only what the numbers show, identical wherever it is shown.
#include <cmath>
#include <optional>

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

/// The one headline of a group; nullopt when there is none.
std::optional<Headline> headline(const std::vector<const Result*>& group)
{
    const auto all = headlines(group);
    EXPECT_LE(all.size(), 1u);
    return all.empty() ? std::nullopt : std::optional<Headline>(all.front());
}

Result timedIn(const char* name, const char* language, bool embedded, const std::vector<std::int64_t>& perCallNs)
{
    Result r = timed(name, perCallNs);
    r.language = language;
    r.embedded = embedded;
    return r;
}

std::vector<std::int64_t> around(std::int64_t ns)
{
    return {ns, ns + 1, ns + 2, ns + 3, ns + 4, ns + 5, ns + 6, ns + 7};
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

TEST(Headline, TooFewSamplesToCallADifferenceAreSaidSoNotNoClearDifference)
{
    // Two samples a side, five times apart: the rank test cannot go below p = 0.33, so "no clear difference" would
    // read as "they are the same".
    const std::vector<Result> group = {timed("a", {100, 101}), timed("b", {500, 510})};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_FALSE(h->clear);
    EXPECT_EQ(h->sentence.find("no clear difference"), std::string::npos) << h->sentence;
    EXPECT_EQ(h->sentence.rfind("a vs b on fib (n=22): ratio 5.0", 0), 0u) << h->sentence;
    EXPECT_NE(h->sentence.find("with 2 and 2 samples no difference can be called clear (the rank test's smallest "
                               "p = 0.33): take more samples"),
              std::string::npos)
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
    EXPECT_TRUE(headlines(pointers({group[0], failed})).empty());
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

TEST(Headline, PythonFacesNodeOfTheSameKindAndTheNativeReferenceIsNoContender)
{
    const std::vector<Result> group = {
        timedIn("Native C++ (reference)", "native", false, around(100)),
        timedIn("CPython (embedded)", "python", true, around(11800)),
        timedIn("Node.js (embedded)", "javascript", true, around(1000)),
        timedIn("CPython (process)", "python", false, around(12000)),
        timedIn("Node.js (process)", "javascript", false, around(2000)),
    };
    const auto all = headlines(pointers(group));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].faster, "Node.js (embedded)");
    EXPECT_EQ(all[0].slower, "CPython (embedded)");
    EXPECT_NEAR(all[0].ratio, 11.8, 0.1);
    EXPECT_EQ(all[1].faster, "Node.js (process)");
    EXPECT_EQ(all[1].slower, "CPython (process)");
    EXPECT_NEAR(all[1].ratio, 6.0, 0.1);
    for (const auto& h : all)
        EXPECT_EQ(h.sentence.find("Native"), std::string::npos) << h.sentence;
    // The reference is not the fastest the others are measured against; it is compared as a reference.
    EXPECT_EQ(fastestOf(pointers(group))->runtimeName, "Node.js (embedded)");
    const auto comparisons = comparisonsWithFastest(pointers(group));
    ASSERT_EQ(comparisons.size(), 4u);
    EXPECT_EQ(comparisons[0].faster, "Native C++ (reference)");
    EXPECT_GT(comparisons[0].ratio, 1);
}

TEST(Headline, AFasterPythonIsNamedFirst)
{
    const std::vector<Result> group = {timedIn("CPython (embedded) + NumPy", "python", true, around(1000)),
                                       timedIn("Node.js (embedded)", "javascript", true, around(3000))};
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    EXPECT_EQ(h->faster, "CPython (embedded) + NumPy");
    EXPECT_NEAR(h->ratio, 3.0, 0.05);
}

TEST(Headline, AFailedResultIsNeverFastestAndItsFailureIsSaid)
{
    Result node = timedIn("Node.js (embedded)", "javascript", true, around(100));
    node.status = ResultStatus::Failed;
    node.failure = {FailureKind::WrongAnswer, "answer 12 differs from the expected 13\nmore detail", "", 0};
    const std::vector<Result> group = {timedIn("CPython (embedded)", "python", true, around(4000)), node,
                                       timedIn("Native C++ (reference)", "native", false, around(50))};
    EXPECT_TRUE(headlines(pointers(group)).empty());  // nothing to face CPython: the reference is not a contender
    EXPECT_EQ(fastestOf(pointers(group))->runtimeName, "CPython (embedded)");
    const auto notes = failureNotes(pointers(group));
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0],
              "Node.js (embedded) failed on fib (n=22) (wrong answer): answer 12 differs from the expected 13");
}

TEST(Headline, ARacedComparisonSaysBothRuntimesSharedTheCpu)
{
    std::vector<Result> group = {timedIn("CPython (embedded)", "python", true, around(4000)),
                                 timedIn("Node.js (embedded)", "javascript", true, around(1000))};
    for (Result& r : group)
        r.order = "race";
    const auto h = headline(pointers(group));
    ASSERT_TRUE(h);
    const std::string tail = " (raced: both runtimes shared the CPU)";
    ASSERT_GT(h->sentence.size(), tail.size());
    EXPECT_EQ(h->sentence.substr(h->sentence.size() - tail.size()), tail);
    EXPECT_EQ(racedNote(group[0]), "raced: both runtimes shared the CPU");
    group[0].order = group[1].order = "interleaved";
    EXPECT_EQ(headline(pointers(group))->sentence.find("raced"), std::string::npos);
}
