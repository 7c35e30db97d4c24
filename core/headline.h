// The headline of a group of results of one workload: which runtime is faster, by how much and whether the numbers
// show it. The one place that says it, so the CLI, the window and every export carry the same interval.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "result.h"
#include "statistics.h"

namespace versus {

/// "fib (n=27)": the workload and parameters a result is compared within.
std::string workloadLabel(const Result& r);

/// Results grouped by workloadLabel(), groups and their members in the order they first appear.
std::vector<std::pair<std::string, std::vector<const Result*>>> groupByWorkload(const std::vector<Result>& results);

/// A result a headline may compare: it succeeded and has a median per call above 0.
bool isComparable(const Result& r);

/// One result against the fastest of its group, said in a sentence.
struct Headline {
    std::string faster;  ///< series name of the faster result
    std::string slower;  ///< series name of the other one
    double ratio = 0;  ///< median(slower) / median(faster), >= 1
    stats::Interval ratioCi;  ///< bootstrap 95% CI of ratio; both ends NaN without raw samples
    double pValue = 0;  ///< Mann-Whitney two-sided; NaN without raw samples
    bool clear = false;  ///< p < 0.05 and the CI excludes 1 (stats::Comparison::significant)
    /// "Node.js (embedded) is 16.2x faster than CPython (embedded) on fib (n=22): 95% CI 12.1x to 17.9x,
    /// p < 0.001", or, when the numbers do not show a difference, "Node.js (embedded) vs CPython (embedded): no
    /// clear difference on fib (n=22): ratio 1.30x, 95% CI 0.91x to 3.58x, p = 0.023".
    std::string sentence;
};

/// `other` against `fastest` (both comparable, same group): the bootstrap always resamples `other` first, so the same
/// pair gives the same interval wherever it is shown.
Headline compareWithFastest(const Result& other, const Result& fastest);

/// The fastest comparable result of a group; nullptr when there is none.
const Result* fastestOf(const std::vector<const Result*>& group);

/// The fastest comparable result of a group against every other comparable one, in group order.
std::vector<Headline> comparisonsWithFastest(const std::vector<const Result*>& group);

/// The headline of one workload and parameter set: its fastest comparable result against its slowest;
/// nullopt with fewer than two comparable results.
std::optional<Headline> headline(const std::vector<const Result*>& group);

}  // namespace versus
