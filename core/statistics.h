// Pure statistics over sample vectors. Every function states what it returns for n = 0 and n = 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "result.h"

namespace versus::stats {

/// NaN for n = 0; the value itself for n = 1; the mean of the two middle values for even n.
double median(std::vector<double> values);
/// NaN for n = 0.
double mean(const std::vector<double>& values);
/// Sample standard deviation (n - 1). NaN for n = 0, 0 for n = 1 (undefined, reported as no spread).
double stddev(const std::vector<double>& values);
/// Median absolute deviation from the median, unscaled. NaN for n = 0, 0 for n = 1.
double mad(const std::vector<double>& values);
/// NaN for n = 0.
double minimum(const std::vector<double>& values);
double maximum(const std::vector<double>& values);

/// The q-th percentile, q in [0, 100], by linear interpolation between closest ranks (numpy's default, Hyndman and
/// Fan type 7): with the values sorted as x[0..n-1] and h = (n - 1) * q / 100, the result is
/// x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). NaN for n = 0 or q outside [0, 100]; the value
/// itself for n = 1.
double percentile(std::vector<double> values, double q);

/// Coefficient of variation, stddev / mean (a fraction, not percent). NaN for n = 0 and when the mean is 0; 0 for
/// n = 1.
double coefficientOfVariation(const std::vector<double>& values);

/// Modified z-scores (Iglewicz and Hoaglin): M = 0.6745 * (x - median) / MAD. When the MAD is 0 (more than half the
/// values equal), the mean absolute deviation from the median stands in: M = (x - median) / (1.253314 * meanAD);
/// when that is 0 too (all values equal) every score is 0. Empty for n = 0; {0} for n = 1.
std::vector<double> modifiedZScores(const std::vector<double>& values);
/// Positions of the values whose modified z-score exceeds 3.5 in absolute value, ascending. Empty for n = 0 and 1.
std::vector<std::size_t> outlierIndices(const std::vector<double>& values);

/// A closed interval; both ends NaN when undefined.
struct Interval {
    double low = 0;
    double high = 0;
};

/// Seed and resample count of every bootstrap in Versus, so the same samples always give the same interval.
constexpr std::uint64_t kBootstrapSeed = 20241125;
constexpr int kBootstrapResamples = 2000;

/// Percentile-bootstrap confidence interval of the median: `resamples` resamples with replacement drawn with
/// std::mt19937_64 seeded with `seed` (index = draw % n, whose bias is below n / 2^64), and the (1 - level) / 2 and
/// (1 + level) / 2 percentiles (see percentile()) of their medians. Reproducible on every platform. Both ends NaN
/// for n = 0; {x, x} for n = 1.
Interval bootstrapMedianCI(const std::vector<double>& values, double level = 0.95, int resamples = kBootstrapResamples,
                           std::uint64_t seed = kBootstrapSeed);

/// Percentile-bootstrap confidence interval of median(a) / median(b): a and b are resampled independently (a first,
/// then b, from one generator) in each of `resamples` rounds. Both ends NaN when a or b is empty; {a0/b0, a0/b0} when
/// both hold one value.
Interval bootstrapRatioCI(const std::vector<double>& a, const std::vector<double>& b, double level = 0.95,
                          int resamples = kBootstrapResamples, std::uint64_t seed = kBootstrapSeed);

/// Mann-Whitney U test of "a and b come from the same distribution", two-sided.
struct MannWhitney {
    double u = 0;  ///< U of sample a: pairs (x in a, y in b) with x > y, ties counting one half
    double pValue = 1;  ///< two-sided; NaN when a or b is empty
    bool exact = false;  ///< true when computed from the exact distribution of U rather than the normal approximation
};
/// Exact p-value (the full distribution of U by counting) when there are no ties and both samples hold at most
/// kMannWhitneyExactMax values; otherwise the normal approximation with tie correction and continuity correction
/// (as scipy.stats.mannwhitneyu). p = 1 when every value is tied. n = 1 against n = 1 gives p = 1 (exact).
MannWhitney mannWhitneyU(const std::vector<double>& a, const std::vector<double>& b);
constexpr std::size_t kMannWhitneyExactMax = 20;

/// Where warm-up ends in a series of sample times in the order they were taken.
///
/// Method: the reference level is the median of the last half of the series, and the tolerance is
/// k * MAD of that last half, but never less than 1% of the reference (a perfectly flat tail would otherwise call
/// every rounding wobble warm-up). A window of `window` consecutive samples slides over the series; the steady state
/// begins at the first window start i such that the median of every window starting at i or later lies within the
/// tolerance of the reference, moved past the samples at the front of that window that are themselves out of
/// tolerance (at most window / 2 of them: a window's median settles when half of it has). Returns that index; n when
/// even the last window is out of tolerance (the series never settled). Returns 0 for n = 0, n = 1 and any n < 2 * window (too short to tell warm-up from noise).
std::size_t steadyStateIndex(const std::vector<double>& series, std::size_t window = 5, double k = 3.0);

/// Per-call times (elapsedNs / innerLoops) of the measured samples, warm-up excluded.
std::vector<double> perCallNs(const std::vector<Sample>& samples);
/// Summary of the measured samples; all zero when there are none. steadyStateIndex is searched over every sample
/// with inner loops, warm-up included, and given as that sample's Sample::index.
Summary summarize(const std::vector<Sample>& samples);

/// "Is a faster than b, by how much, and do the numbers show it?" over two sets of per-call times.
struct Comparison {
    double ratio = 0;  ///< median(a) / median(b): above 1 when b is faster; NaN when a or b is empty
    Interval ratioCi;  ///< bootstrap 95% CI of ratio (a resampled first, see bootstrapRatioCI())
    double pValue = 1;  ///< Mann-Whitney two-sided; NaN when a or b is empty
    /// pValue < kSignificanceLevel and ratioCi lies wholly above or wholly below 1. Either alone can say yes while
    /// the other says no (a shift in ranks the medians' resamples do not show, or the reverse); a difference is
    /// called clear only when both show it.
    bool significant = false;
    /// The smallest p-value the rank test can give for these sample counts (smallestPValue()).
    double smallestPossiblePValue = 1;
    /// That smallest p-value is kSignificanceLevel or more (2 against 2 samples cannot go below p = 0.33): no
    /// difference, however large, can be called clear. A reader must hear "too few samples", not "no clear
    /// difference".
    bool tooFewSamples = false;
};
constexpr double kSignificanceLevel = 0.05;

/// The smallest two-sided Mann-Whitney p-value possible with n and m samples (no ties): 2 / C(n+m, n).
double smallestPValue(std::size_t n, std::size_t m);

/// The numbers of a comparison. n = 0 on either side: ratio, CI and p NaN, not significant. The CI depends on the
/// order of a and b (one generator draws a's resample, then b's), so callers that show it must pass the same order
/// every time: versus::compareWithFastest() (core/headline.h) does, for every front end.
Comparison compareSamples(const std::vector<double>& a, const std::vector<double>& b);
/// "p < 0.001", "p = 0.041", "p = 0.41"; "p = n/a" for NaN.
std::string formatPValue(double p);

}  // namespace versus::stats
