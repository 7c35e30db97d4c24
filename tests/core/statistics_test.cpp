// Statistics against hand-computed values: exact where the arithmetic is exact, a tolerance where it is a bootstrap.
#include <gtest/gtest.h>

#include <cmath>

#include "statistics.h"

using namespace versus;
using namespace versus::stats;

namespace {

const std::vector<double> kOneToTen = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};  // unsorted on purpose

std::vector<double> range(int first, int last)
{
    std::vector<double> out;
    for (int i = first; i <= last; ++i)
        out.push_back(i);
    return out;
}

}  // namespace

TEST(Statistics, ExistingFunctionsKeepTheirValues)
{
    EXPECT_DOUBLE_EQ(median(kOneToTen), 5.5);
    EXPECT_DOUBLE_EQ(mean(kOneToTen), 5.5);
    EXPECT_DOUBLE_EQ(stddev({2, 4, 4, 4, 5, 5, 7, 9}), std::sqrt(32.0 / 7.0));
    EXPECT_DOUBLE_EQ(mad({1, 1, 2, 2, 4, 6, 9}), 1.0);
    EXPECT_TRUE(std::isnan(median({})));
    EXPECT_DOUBLE_EQ(stddev({3}), 0.0);
}

TEST(Statistics, PercentileInterpolatesLinearlyBetweenClosestRanks)
{
    // numpy.percentile(range(1, 11), q): h = 9 q / 100, x[floor h] + frac(h) * (next - x[floor h]).
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 0), 1.0);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 5), 1.45);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 25), 3.25);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 50), 5.5);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 75), 7.75);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 95), 9.55);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 99), 9.91);
    EXPECT_DOUBLE_EQ(percentile(kOneToTen, 100), 10.0);
}

TEST(Statistics, PercentileDegenerateInputs)
{
    EXPECT_TRUE(std::isnan(percentile({}, 50)));
    EXPECT_DOUBLE_EQ(percentile({42}, 5), 42.0);
    EXPECT_DOUBLE_EQ(percentile({42}, 99), 42.0);
    EXPECT_DOUBLE_EQ(percentile({3, 3, 3}, 95), 3.0);
    EXPECT_TRUE(std::isnan(percentile(kOneToTen, 101)));
    EXPECT_TRUE(std::isnan(percentile(kOneToTen, -1)));
}

TEST(Statistics, CoefficientOfVariation)
{
    EXPECT_DOUBLE_EQ(coefficientOfVariation({2, 4, 4, 4, 5, 5, 7, 9}), std::sqrt(32.0 / 7.0) / 5.0);
    EXPECT_TRUE(std::isnan(coefficientOfVariation({})));
    EXPECT_DOUBLE_EQ(coefficientOfVariation({8}), 0.0);
    EXPECT_DOUBLE_EQ(coefficientOfVariation({8, 8, 8}), 0.0);
    EXPECT_TRUE(std::isnan(coefficientOfVariation({-1, 1})));  // mean 0
}

TEST(Statistics, ModifiedZScoreFlagsTheFarValue)
{
    // median 3, MAD 1: M = 0.6745 * (x - 3).
    const std::vector<double> values = {1, 2, 3, 4, 100};
    const auto scores = modifiedZScores(values);
    ASSERT_EQ(scores.size(), 5u);
    EXPECT_DOUBLE_EQ(scores[0], -0.6745 * 2);
    EXPECT_DOUBLE_EQ(scores[2], 0.0);
    EXPECT_DOUBLE_EQ(scores[4], 0.6745 * 97);
    EXPECT_EQ(outlierIndices(values), std::vector<std::size_t>{4});
}

TEST(Statistics, ModifiedZScoreWithZeroMadUsesMeanAbsoluteDeviation)
{
    // median 5, MAD 0, mean absolute deviation 3/6: M = (x - 5) / (1.253314 * 0.5). Dividing by the MAD would make
    // both 6 and 7 infinitely far; the fallback keeps them in (M = 1.60 and 3.19).
    const std::vector<double> values = {5, 5, 5, 5, 6, 7};
    const auto scores = modifiedZScores(values);
    EXPECT_DOUBLE_EQ(scores[4], 1.0 / (1.253314 * 0.5));
    EXPECT_DOUBLE_EQ(scores[5], 2.0 / (1.253314 * 0.5));
    EXPECT_TRUE(outlierIndices(values).empty());
    // One value off among five equal ones: M = 1 / (1.253314 / 6) = 4.79, an outlier.
    EXPECT_EQ(outlierIndices({5, 5, 5, 5, 5, 6}), std::vector<std::size_t>{5});
}

TEST(Statistics, OutliersDegenerateInputs)
{
    EXPECT_TRUE(modifiedZScores({}).empty());
    EXPECT_EQ(modifiedZScores({7}), std::vector<double>{0.0});
    EXPECT_EQ(modifiedZScores({3, 3, 3}), (std::vector<double>{0, 0, 0}));
    EXPECT_TRUE(outlierIndices({}).empty());
    EXPECT_TRUE(outlierIndices({7}).empty());
    EXPECT_TRUE(outlierIndices({3, 3, 3}).empty());
}

TEST(Statistics, BootstrapMedianCIDegenerateInputsAreExact)
{
    const Interval none = bootstrapMedianCI({});
    EXPECT_TRUE(std::isnan(none.low) && std::isnan(none.high));
    const Interval one = bootstrapMedianCI({12.5});
    EXPECT_DOUBLE_EQ(one.low, 12.5);
    EXPECT_DOUBLE_EQ(one.high, 12.5);
    const Interval equal = bootstrapMedianCI({4, 4, 4, 4});
    EXPECT_DOUBLE_EQ(equal.low, 4.0);
    EXPECT_DOUBLE_EQ(equal.high, 4.0);
}

TEST(Statistics, BootstrapMedianCIMatchesTheOrderStatisticInterval)
{
    // For 1..100 the distribution-free 95% interval of the median is [x(40), x(61)] = [40, 61]; the percentile
    // bootstrap lands close to it, always around the sample median 50.5.
    const std::vector<double> values = range(1, 100);
    const Interval ci = bootstrapMedianCI(values);
    EXPECT_NEAR(ci.low, 40, 4);
    EXPECT_NEAR(ci.high, 61, 4);
    EXPECT_LT(ci.low, 50.5);
    EXPECT_GT(ci.high, 50.5);
}

TEST(Statistics, BootstrapIsReproducibleAndSeeded)
{
    const std::vector<double> values = {9.1, 10.4, 9.8, 12.0, 10.1, 9.9, 11.3, 10.0, 10.7, 9.5};
    const Interval first = bootstrapMedianCI(values);
    const Interval second = bootstrapMedianCI(values);
    EXPECT_EQ(first.low, second.low);
    EXPECT_EQ(first.high, second.high);
    const Interval otherSeed = bootstrapMedianCI(values, 0.95, kBootstrapResamples, kBootstrapSeed + 1);
    EXPECT_TRUE(otherSeed.low != first.low || otherSeed.high != first.high);
    const Interval narrower = bootstrapMedianCI(values, 0.5);
    EXPECT_GE(narrower.low, first.low);
    EXPECT_LE(narrower.high, first.high);
    EXPECT_TRUE(narrower.low > first.low || narrower.high < first.high);
}

TEST(Statistics, BootstrapRatioCI)
{
    const Interval constant = bootstrapRatioCI({10, 10, 10}, {5, 5, 5});
    EXPECT_DOUBLE_EQ(constant.low, 2.0);
    EXPECT_DOUBLE_EQ(constant.high, 2.0);
    const Interval single = bootstrapRatioCI({3}, {4});
    EXPECT_DOUBLE_EQ(single.low, 0.75);
    EXPECT_DOUBLE_EQ(single.high, 0.75);
    const Interval empty = bootstrapRatioCI({}, {1, 2});
    EXPECT_TRUE(std::isnan(empty.low) && std::isnan(empty.high));

    // a = 2, 4, ..., 200 and b = 1..100: the ratio of medians is 2. Each median's 95% interval spans about +-21%
    // ([40, 61] around 50.5), a log-sd of 0.105; two independent ones give +-1.96 * 0.149 = +-0.29 in log, so
    // about [2 e^-0.29, 2 e^0.29] = [1.50, 2.67].
    std::vector<double> a = range(1, 100);
    for (double& v : a)
        v *= 2;
    const Interval ci = bootstrapRatioCI(a, range(1, 100));
    EXPECT_NEAR(ci.low, 1.50, 0.15);
    EXPECT_NEAR(ci.high, 2.67, 0.15);
}

TEST(Statistics, MannWhitneyExactSmallSamples)
{
    // Complete separation of 3 and 3: only 1 of C(6, 3) = 20 orderings is as extreme each way, p = 2/20.
    MannWhitney test = mannWhitneyU({1, 2, 3}, {4, 5, 6});
    EXPECT_TRUE(test.exact);
    EXPECT_DOUBLE_EQ(test.u, 0.0);
    EXPECT_DOUBLE_EQ(test.pValue, 0.1);
    // 5 and 5: p = 2 / C(10, 5) = 2 / 252.
    EXPECT_DOUBLE_EQ(mannWhitneyU(range(6, 10), range(1, 5)).pValue, 2.0 / 252.0);
    EXPECT_DOUBLE_EQ(mannWhitneyU(range(6, 10), range(1, 5)).u, 25.0);
    // U = 3 of 12 for sizes 3 and 4: P(U <= 3) counts the partitions of 0..3 inside a 3x4 box, 1+1+2+3 = 7 of
    // C(7, 3) = 35, so p = 14/35.
    test = mannWhitneyU({1, 3, 5}, {2, 4, 6, 8});
    EXPECT_DOUBLE_EQ(test.u, 3.0);
    EXPECT_DOUBLE_EQ(test.pValue, 0.4);
    // 1 against 1: either order is equally likely, p = 1.
    EXPECT_DOUBLE_EQ(mannWhitneyU({1}, {2}).pValue, 1.0);
}

TEST(Statistics, MannWhitneyNormalApproximationWithTies)
{
    // Ranks of 1 2 2 2 3 3 4 5: R(a = 1 2 2 3) = 1 + 3 + 3 + 5.5 = 12.5, U = 2.5, the larger U 13.5, mean 8,
    // variance 16/12 * (9 - (24 + 6) / 56), z = (13.5 - 8 - 0.5) / sd, p = erfc(z / sqrt 2).
    const MannWhitney test = mannWhitneyU({1, 2, 2, 3}, {2, 3, 4, 5});
    EXPECT_FALSE(test.exact);
    EXPECT_DOUBLE_EQ(test.u, 2.5);
    EXPECT_NEAR(test.pValue, 0.13665824773814753, 1e-12);
    // Two constant groups (ties inside each): p from the tie-corrected variance, 1.59e-5.
    EXPECT_NEAR(mannWhitneyU(std::vector<double>(10, 1.0), std::vector<double>(10, 2.0)).pValue, 1.5937911688066275e-05,
                1e-15);
}

TEST(Statistics, MannWhitneyLargeSamplesUseTheNormalApproximation)
{
    const MannWhitney test = mannWhitneyU(range(1, 25), range(26, 50));
    EXPECT_FALSE(test.exact);
    EXPECT_LT(test.pValue, 1e-8);
    EXPECT_GT(test.pValue, 0.0);
}

TEST(Statistics, MannWhitneyDegenerateInputs)
{
    EXPECT_TRUE(std::isnan(mannWhitneyU({}, {1, 2}).pValue));
    EXPECT_TRUE(std::isnan(mannWhitneyU({1}, {}).pValue));
    const MannWhitney allTied = mannWhitneyU({3, 3}, {3, 3});
    EXPECT_DOUBLE_EQ(allTied.pValue, 1.0);
    EXPECT_DOUBLE_EQ(allTied.u, 2.0);
}

TEST(Statistics, SteadyStateAfterAMonotoneWarmUp)
{
    // Five warm-up samples falling to 10, then flat: the tail's MAD is 0, so the tolerance is 1% of 10. The window
    // at 3 (40 20 10 10 10) is the first settled one; its two leading samples are not, so steady state begins at 5.
    std::vector<double> series = {100, 80, 60, 40, 20};
    series.resize(20, 10.0);
    EXPECT_EQ(steadyStateIndex(series), 5u);
}

TEST(Statistics, SteadyStateWithNoise)
{
    // Tail median 10, MAD 0.1, tolerance 0.3: the window at 1 has median 10.1; samples 1 and 2 are out, so 3.
    const std::vector<double> series = {50, 30, 20, 10.1, 9.9, 10, 10.2, 9.8, 10, 10.1, 9.9, 10};
    EXPECT_EQ(steadyStateIndex(series), 3u);
}

TEST(Statistics, SteadyStateDegenerateInputs)
{
    EXPECT_EQ(steadyStateIndex({}), 0u);
    EXPECT_EQ(steadyStateIndex({5}), 0u);
    EXPECT_EQ(steadyStateIndex({100, 1, 1, 1, 1, 1, 1, 1, 1}), 0u);  // shorter than two windows
    EXPECT_EQ(steadyStateIndex(std::vector<double>(20, 5.0)), 0u);
    // A jump at the very end: the last window never matches the tail's level, so the series never settled.
    std::vector<double> jump(17, 1.0);
    jump.insert(jump.end(), {100, 100, 100});
    EXPECT_EQ(steadyStateIndex(jump), jump.size());
}

TEST(Statistics, SummarizeFillsTheNewFields)
{
    std::vector<Sample> samples;
    // Two warm-up samples (slow), then 1000..10000 ns over 10 inner loops: per call 100..1000 ns.
    samples.push_back({0, true, 10, 90000, -1});
    samples.push_back({1, true, 10, 50000, -1});
    for (int i = 1; i <= 10; ++i)
        samples.push_back({i + 1, false, 10, static_cast<std::int64_t>(kOneToTen[i - 1] * 1000), -1});
    const Summary s = summarize(samples);
    EXPECT_EQ(s.samples, 10);
    EXPECT_DOUBLE_EQ(s.medianNs, 550);
    EXPECT_DOUBLE_EQ(s.p5Ns, 145);
    EXPECT_DOUBLE_EQ(s.p25Ns, 325);
    EXPECT_DOUBLE_EQ(s.p75Ns, 775);
    EXPECT_DOUBLE_EQ(s.p95Ns, 955);
    EXPECT_DOUBLE_EQ(s.p99Ns, 991);
    EXPECT_NEAR(s.cv, stddev(range(1, 10)) / 5.5, 1e-12);
    EXPECT_EQ(s.outliers, 0);
    const Interval ci = bootstrapMedianCI(perCallNs(samples));
    EXPECT_EQ(s.ciLowNs, ci.low);
    EXPECT_EQ(s.ciHighNs, ci.high);
    EXPECT_LT(s.ciLowNs, s.medianNs);
    EXPECT_GT(s.ciHighNs, s.medianNs);
}

TEST(Statistics, SummarizeReportsSteadyStateAsASampleIndex)
{
    // Warm-up falls from 100 to 10 per call; indices start at 7 to show the Sample::index is what is reported.
    std::vector<Sample> samples;
    const std::vector<double> perCall = {100, 80, 60, 40, 20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
    for (std::size_t i = 0; i < perCall.size(); ++i)
        samples.push_back({static_cast<int>(i) + 7, i < 2, 1, static_cast<std::int64_t>(perCall[i]), -1});
    EXPECT_EQ(summarize(samples).steadyStateIndex, 7 + 5);
    // Measured: 60 40 20 and eleven 10s. MAD 0, so the scale is 1.253314 * 90 / 14 = 8.06: 60 and 40 stand out
    // (M = 6.2 and 3.7), 20 does not (1.2).
    EXPECT_EQ(summarize(samples).outliers, 2);
}

TEST(Statistics, SummarizeDegenerateInputs)
{
    const Summary none = summarize({});
    EXPECT_EQ(none.samples, 0);
    EXPECT_EQ(none.ciLowNs, 0);
    EXPECT_EQ(none.steadyStateIndex, 0);
    const Summary one = summarize({{0, false, 2, 500, -1}});
    EXPECT_EQ(one.samples, 1);
    EXPECT_DOUBLE_EQ(one.p5Ns, 250);
    EXPECT_DOUBLE_EQ(one.p99Ns, 250);
    EXPECT_DOUBLE_EQ(one.ciLowNs, 250);
    EXPECT_DOUBLE_EQ(one.ciHighNs, 250);
    EXPECT_DOUBLE_EQ(one.cv, 0);
    EXPECT_EQ(one.outliers, 0);
}

TEST(Statistics, CompareSamplesIsSignificantWhenPAndTheIntervalBothSayIt)
{
    const Comparison c = compareSamples(std::vector<double>(10, 14200), std::vector<double>(10, 1000));
    EXPECT_DOUBLE_EQ(c.ratio, 14.2);
    EXPECT_DOUBLE_EQ(c.ratioCi.low, 14.2);
    EXPECT_DOUBLE_EQ(c.ratioCi.high, 14.2);
    EXPECT_LT(c.pValue, 0.001);
    EXPECT_TRUE(c.significant);
}

TEST(Statistics, CompareSamplesIsNotSignificantWhenTheIntervalHoldsOneDespiteALowP)
{
    // Exact Mann-Whitney: U = 30 of 35, p = 2 * 6 / 792 = 0.0303. The medians are 18 and 13, but resampling the
    // five fast values often draws 19 as their median: the 2.5th percentile of the ratios is 18 / 19.
    const Comparison c = compareSamples({15, 16, 17, 18, 20, 21, 22}, {11, 12, 13, 14, 19});
    EXPECT_DOUBLE_EQ(c.ratio, 18.0 / 13.0);
    EXPECT_NEAR(c.pValue, 0.030303, 1e-6);
    EXPECT_DOUBLE_EQ(c.ratioCi.low, 18.0 / 19.0);
    EXPECT_DOUBLE_EQ(c.ratioCi.high, 1.75);
    EXPECT_FALSE(c.significant);
}

TEST(Statistics, CompareSamplesIsNotSignificantWithAHighP)
{
    const Comparison c = compareSamples({1, 3, 5}, {2, 4, 6, 8});
    EXPECT_DOUBLE_EQ(c.pValue, 0.4);
    EXPECT_FALSE(c.significant);
}

TEST(Statistics, CompareSamplesOfNothingIsNaNAndNotSignificant)
{
    const Comparison c = compareSamples({1, 2, 3}, {});
    EXPECT_TRUE(std::isnan(c.ratio));
    EXPECT_TRUE(std::isnan(c.ratioCi.low));
    EXPECT_TRUE(std::isnan(c.pValue));
    EXPECT_FALSE(c.significant);
}

TEST(Statistics, FormatPValue)
{
    EXPECT_EQ(formatPValue(0.0004), "p < 0.001");
    EXPECT_EQ(formatPValue(0.041), "p = 0.041");
    EXPECT_EQ(formatPValue(0.41), "p = 0.41");
    EXPECT_EQ(formatPValue(1), "p = 1");
    EXPECT_EQ(formatPValue(std::nan("")), "p = n/a");
}

TEST(Statistics, SmallestPValueOfTheRankTest)
{
    EXPECT_NEAR(stats::smallestPValue(2, 2), 1.0 / 3.0, 1e-12) << "2 / C(4, 2)";
    EXPECT_NEAR(stats::smallestPValue(3, 3), 0.1, 1e-12);
    EXPECT_NEAR(stats::smallestPValue(4, 4), 2.0 / 70.0, 1e-12);
    EXPECT_NEAR(stats::smallestPValue(1, 100), 2.0 / 101.0, 1e-12);
    EXPECT_EQ(stats::smallestPValue(1, 1), 1.0);
    EXPECT_GE(stats::smallestPValue(500, 500), 0.0);
    EXPECT_LT(stats::smallestPValue(500, 500), 1e-100);
}

TEST(Statistics, TwoAgainstTwoSamplesAreTooFewHoweverFarApart)
{
    const stats::Comparison few = stats::compareSamples({500, 510}, {100, 101});
    EXPECT_TRUE(few.tooFewSamples);
    EXPECT_FALSE(few.significant);
    const stats::Comparison enough = stats::compareSamples({500, 510, 505, 499, 502}, {100, 101, 99, 102, 100});
    EXPECT_FALSE(enough.tooFewSamples);
    EXPECT_TRUE(enough.significant);
}
