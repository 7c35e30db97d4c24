// Pure statistics: no state, no I/O. The only randomness is the bootstrap's, from a fixed seed.
#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <random>

namespace versus::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Percentile of values that are already sorted ascending; see percentile().
double sortedPercentile(const std::vector<double>& sorted, double q)
{
    if (sorted.empty() || !(q >= 0 && q <= 100))
        return kNaN;
    const double h = static_cast<double>(sorted.size() - 1) * q / 100.0;
    const auto lower = static_cast<std::size_t>(std::floor(h));
    if (lower + 1 >= sorted.size())
        return sorted[lower];
    return sorted[lower] + (h - static_cast<double>(lower)) * (sorted[lower + 1] - sorted[lower]);
}

/// Draws a resample of `values` (with replacement) into `out` and returns its median.
double resampledMedian(const std::vector<double>& values, std::vector<double>& out, std::mt19937_64& rng)
{
    const auto n = static_cast<std::uint64_t>(values.size());
    out.resize(values.size());
    for (double& v : out)
        v = values[static_cast<std::size_t>(rng() % n)];
    return median(out);  // copies; `out` is reused across rounds only for its capacity
}

Interval percentileInterval(std::vector<double> estimates, double level)
{
    std::sort(estimates.begin(), estimates.end());
    const double tail = (1.0 - level) / 2.0 * 100.0;
    return {sortedPercentile(estimates, tail), sortedPercentile(estimates, 100.0 - tail)};
}

/// 1-based ranks of the pooled values, ties given their average rank.
std::vector<double> averageRanks(const std::vector<double>& pooled, double& tieTerm)
{
    std::vector<std::size_t> order(pooled.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return pooled[x] < pooled[y]; });
    std::vector<double> ranks(pooled.size());
    tieTerm = 0;  // sum over tie groups of t^3 - t
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && pooled[order[j + 1]] == pooled[order[i]])
            ++j;
        const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            ranks[order[k]] = rank;
        const auto t = static_cast<double>(j - i + 1);
        tieTerm += t * t * t - t;
        i = j + 1;
    }
    return ranks;
}

/// P(U >= u) under the null hypothesis for samples of sizes m and n without ties, by counting the arrangements:
/// c(i, j, u) = c(i - 1, j, u - j) + c(i, j - 1, u), the classic recurrence over which sample holds the largest value.
double exactUpperTail(std::size_t m, std::size_t n, std::size_t u)
{
    // counts[j] holds the distribution for (i, j) while i grows; each is a vector indexed by U in [0, i * j].
    std::vector<std::vector<double>> counts(n + 1, std::vector<double>{1.0});
    for (std::size_t i = 1; i <= m; ++i) {
        std::vector<std::vector<double>> next(n + 1);
        next[0] = {1.0};
        for (std::size_t j = 1; j <= n; ++j) {
            next[j].assign(i * j + 1, 0.0);
            for (std::size_t v = 0; v <= i * j; ++v) {
                if (v >= j && v - j < counts[j].size())
                    next[j][v] += counts[j][v - j];
                if (v < next[j - 1].size())
                    next[j][v] += next[j - 1][v];
            }
        }
        counts = std::move(next);
    }
    const std::vector<double>& dist = counts[n];
    const double total = std::accumulate(dist.begin(), dist.end(), 0.0);
    double upper = 0;
    for (std::size_t v = u; v < dist.size(); ++v)
        upper += dist[v];
    return upper / total;
}

}  // namespace

double median(std::vector<double> values)
{
    const size_t n = values.size();
    if (n == 0)
        return kNaN;
    auto mid = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    double upper = *mid;
    if (n % 2 == 1)
        return upper;
    double lower = *std::max_element(values.begin(), mid);
    return (lower + upper) / 2.0;
}

double mean(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double stddev(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    if (values.size() == 1)
        return 0.0;
    const double m = mean(values);
    double sum = 0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

double mad(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    const double m = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.push_back(std::fabs(v - m));
    return median(std::move(deviations));
}

double minimum(const std::vector<double>& values)
{
    return values.empty() ? kNaN : *std::min_element(values.begin(), values.end());
}

double maximum(const std::vector<double>& values)
{
    return values.empty() ? kNaN : *std::max_element(values.begin(), values.end());
}

double percentile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return sortedPercentile(values, q);
}

double coefficientOfVariation(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    if (values.size() == 1)
        return 0.0;
    const double m = mean(values);
    return m == 0 ? kNaN : stddev(values) / m;
}

std::vector<double> modifiedZScores(const std::vector<double>& values)
{
    std::vector<double> scores;
    if (values.empty())
        return scores;
    const double center = median(values);
    const double spread = mad(values);
    double scale = 0;
    if (spread > 0) {
        scale = spread / 0.6745;
    } else {
        double meanAbsoluteDeviation = 0;
        for (double v : values)
            meanAbsoluteDeviation += std::fabs(v - center);
        meanAbsoluteDeviation /= static_cast<double>(values.size());
        scale = 1.253314 * meanAbsoluteDeviation;
    }
    scores.reserve(values.size());
    for (double v : values)
        scores.push_back(scale > 0 ? (v - center) / scale : 0.0);
    return scores;
}

std::vector<std::size_t> outlierIndices(const std::vector<double>& values)
{
    std::vector<std::size_t> indices;
    const std::vector<double> scores = modifiedZScores(values);
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (std::fabs(scores[i]) > 3.5)
            indices.push_back(i);
    return indices;
}

Interval bootstrapMedianCI(const std::vector<double>& values, double level, int resamples, std::uint64_t seed)
{
    if (values.empty() || resamples < 1)
        return {kNaN, kNaN};
    if (values.size() == 1)
        return {values[0], values[0]};
    std::mt19937_64 rng(seed);
    std::vector<double> scratch;
    std::vector<double> medians;
    medians.reserve(static_cast<std::size_t>(resamples));
    for (int r = 0; r < resamples; ++r)
        medians.push_back(resampledMedian(values, scratch, rng));
    return percentileInterval(std::move(medians), level);
}

Interval bootstrapRatioCI(const std::vector<double>& a, const std::vector<double>& b, double level, int resamples,
                          std::uint64_t seed)
{
    if (a.empty() || b.empty() || resamples < 1)
        return {kNaN, kNaN};
    if (a.size() == 1 && b.size() == 1)
        return {a[0] / b[0], a[0] / b[0]};
    std::mt19937_64 rng(seed);
    std::vector<double> scratch;
    std::vector<double> ratios;
    ratios.reserve(static_cast<std::size_t>(resamples));
    for (int r = 0; r < resamples; ++r) {
        const double medianA = resampledMedian(a, scratch, rng);
        const double medianB = resampledMedian(b, scratch, rng);
        ratios.push_back(medianA / medianB);
    }
    return percentileInterval(std::move(ratios), level);
}

MannWhitney mannWhitneyU(const std::vector<double>& a, const std::vector<double>& b)
{
    MannWhitney test;
    if (a.empty() || b.empty()) {
        test.pValue = kNaN;
        return test;
    }
    std::vector<double> pooled = a;
    pooled.insert(pooled.end(), b.begin(), b.end());
    double tieTerm = 0;
    const std::vector<double> ranks = averageRanks(pooled, tieTerm);
    const auto n1 = static_cast<double>(a.size());
    const auto n2 = static_cast<double>(b.size());
    const double rankSumA = std::accumulate(ranks.begin(), ranks.begin() + static_cast<std::ptrdiff_t>(a.size()), 0.0);
    test.u = rankSumA - n1 * (n1 + 1) / 2;
    const double uMax = std::max(test.u, n1 * n2 - test.u);

    if (tieTerm == 0 && a.size() <= kMannWhitneyExactMax && b.size() <= kMannWhitneyExactMax) {
        test.exact = true;
        test.pValue = std::min(1.0, 2 * exactUpperTail(a.size(), b.size(), static_cast<std::size_t>(uMax)));
        return test;
    }
    const double n = n1 + n2;
    const double variance = n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
    if (variance <= 0) {
        test.pValue = 1;  // every value tied: no evidence of any difference
        return test;
    }
    const double z = (uMax - n1 * n2 / 2.0 - 0.5) / std::sqrt(variance);
    test.pValue = std::min(1.0, std::erfc(z / std::sqrt(2.0)));
    return test;
}

std::size_t steadyStateIndex(const std::vector<double>& series, std::size_t window, double k)
{
    window = std::max<std::size_t>(window, 1);
    const std::size_t n = series.size();
    if (n < 2 * window)
        return 0;
    const std::vector<double> tail(series.begin() + static_cast<std::ptrdiff_t>(n / 2), series.end());
    const double reference = median(tail);
    const double tolerance = std::max(k * mad(tail), 0.01 * std::fabs(reference));
    auto windowSettled = [&](std::size_t start) {
        const auto first = series.begin() + static_cast<std::ptrdiff_t>(start);
        return std::fabs(median(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(window))) - reference)
            <= tolerance;
    };
    std::size_t start = n - window;
    if (!windowSettled(start))
        return n;
    while (start > 0 && windowSettled(start - 1))
        --start;
    // A window's median settles once half of it has; step over the unsettled samples at its front.
    const std::size_t limit = start + window / 2;
    while (start < limit && std::fabs(series[start] - reference) > tolerance)
        ++start;
    return start;
}

std::vector<double> perCallNs(const std::vector<Sample>& samples)
{
    std::vector<double> out;
    for (const auto& s : samples)
        if (!s.warmup && s.innerLoops > 0)
            out.push_back(static_cast<double>(s.elapsedNs) / static_cast<double>(s.innerLoops));
    return out;
}

Summary summarize(const std::vector<Sample>& samples)
{
    Summary summary;
    const std::vector<double> values = perCallNs(samples);
    summary.samples = static_cast<int>(values.size());
    if (values.empty())
        return summary;
    summary.medianNs = median(values);
    summary.madNs = mad(values);
    summary.meanNs = mean(values);
    summary.stddevNs = stddev(values);
    summary.minNs = minimum(values);
    summary.maxNs = maximum(values);
    summary.callsPerSecond = summary.medianNs > 0 ? 1e9 / summary.medianNs : 0;

    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    summary.p5Ns = sortedPercentile(sorted, 5);
    summary.p25Ns = sortedPercentile(sorted, 25);
    summary.p75Ns = sortedPercentile(sorted, 75);
    summary.p95Ns = sortedPercentile(sorted, 95);
    summary.p99Ns = sortedPercentile(sorted, 99);
    const double cv = coefficientOfVariation(values);
    summary.cv = std::isfinite(cv) ? cv : 0;
    const Interval ci = bootstrapMedianCI(values);
    summary.ciLowNs = ci.low;
    summary.ciHighNs = ci.high;
    summary.outliers = static_cast<int>(outlierIndices(values).size());

    std::vector<double> series;
    std::vector<int> seriesIndex;
    for (const auto& s : samples)
        if (s.innerLoops > 0) {
            series.push_back(static_cast<double>(s.elapsedNs) / static_cast<double>(s.innerLoops));
            seriesIndex.push_back(s.index);
        }
    const std::size_t steady = steadyStateIndex(series);
    summary.steadyStateIndex = steady < seriesIndex.size() ? seriesIndex[steady] : seriesIndex.back() + 1;
    return summary;
}

std::string formatPValue(double p)
{
    if (std::isnan(p))
        return "p = n/a";
    if (p < 0.001)
        return "p < 0.001";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "p = %.2g", p);
    return buffer;
}

double smallestPValue(std::size_t n, std::size_t m)
{
    const std::size_t fewer = std::min(n, m), more = std::max(n, m);
    double orderings = 1;  // C(n+m, fewer), built up factor by factor; large counts overflow to inf, giving 0
    for (std::size_t k = 1; k <= fewer; ++k)
        orderings = orderings * static_cast<double>(more + k) / static_cast<double>(k);
    return std::min(1.0, 2.0 / orderings);
}

Comparison compareSamples(const std::vector<double>& a, const std::vector<double>& b)
{
    Comparison comparison;
    if (a.empty() || b.empty()) {
        comparison.ratio = kNaN;
        comparison.ratioCi = {kNaN, kNaN};
        comparison.pValue = kNaN;
        return comparison;
    }
    comparison.ratio = median(a) / median(b);
    comparison.ratioCi = bootstrapRatioCI(a, b);
    comparison.pValue = mannWhitneyU(a, b).pValue;
    const bool ciExcludesOne = comparison.ratioCi.low > 1 || comparison.ratioCi.high < 1;
    comparison.significant = comparison.pValue < kSignificanceLevel && ciExcludesOne;
    comparison.smallestPossiblePValue = smallestPValue(a.size(), b.size());
    comparison.tooFewSamples = comparison.smallestPossiblePValue >= kSignificanceLevel;
    return comparison;
}

}  // namespace versus::stats
