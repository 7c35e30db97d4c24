// The statistics over a whole results set that cost bootstrap time: the ratio CIs of the summary plot and the
// headlines. Qt-free and pure, so any thread computes it (the window on its analyzer's thread).
#pragma once

#include <string>
#include <vector>

#include "result.h"
#include "statistics.h"

namespace versus {

/// Everything the summary plot and the headline derive from one results set. Qt-free, so any thread computes it.
struct ResultAnalysis {
    std::vector<Result> results;
    /// Per result (same index): 95% CI of its median / the fastest median among the results of the same workload and
    /// parameters (fastestOf(): the native reference is not the fastest), as the headline computes it
    /// (compareWithFastest()); both ends NaN for results that are not comparable (isComparable()).
    std::vector<stats::Interval> ratioCi;
    /// Per workload and parameter set, in order of appearance: its headlines (Python against Node.js of the same
    /// kind, headline.h, the same as the CLI's and the exports'), then what failed (failureNotes()).
    std::vector<std::string> headlines;

    static ResultAnalysis compute(std::vector<Result> results);
};

}  // namespace versus
