// The headlines of a group of results of one workload: Python against Node.js, which is faster, by how much and
// whether the numbers show it. The one place that says it, so the CLI, the window and every export carry the same
// interval.
#pragma once

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

/// Which side of "Python or Node.js?" a result is on, from Result::language.
enum class Contender { Python, NodeJs, Reference, Other };
Contender contenderOf(const Result& r);

/// "raced: both runtimes shared the CPU" for a result measured in race order (two runtimes at once), else empty.
std::string racedNote(const Result& r);

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
/// pair gives the same interval wherever it is shown. A raced result adds " (raced: both runtimes shared the CPU)".
Headline compareWithFastest(const Result& other, const Result& fastest);

/// The fastest comparable result of a group, the native reference left out unless nothing else is comparable;
/// nullptr when there is none.
const Result* fastestOf(const std::vector<const Result*>& group);

/// The fastest comparable result of a group against every other comparable one, in group order (a reference faster
/// than it is said the other way round: "Native C++ (reference) is 20x faster than Node.js (embedded)").
std::vector<Headline> comparisonsWithFastest(const std::vector<const Result*>& group);

/// The headlines of one workload and parameter set: each comparable Python result against each comparable Node.js
/// result of the same kind (embedded with embedded, process with process), in group order. When the group holds no
/// such pair, its fastest comparable result against its slowest, the native reference left out; empty with fewer than
/// two to compare.
std::vector<Headline> headlines(const std::vector<const Result*>& group);

/// One sentence per failed or cancelled result of a group, in group order: "Node.js (embedded) failed on fib (n=22):
/// wrong answer". A failed result never takes part in a headline; these say why it is missing.
std::vector<std::string> failureNotes(const std::vector<const Result*>& group);

}  // namespace versus
