// The statistics over a whole results set that cost bootstrap time: the ratio CIs of the summary plot and the
// headlines. Qt-free and pure, so any thread computes it (the window on its analyzer's thread).
#pragma once

#include <string>
#include <vector>

#include "result.h"
#include "statistics.h"

namespace versus {

/// One line of the headlines: a comparison (headline.h) or what failed (failureNotes()), with the workload it is
/// about, so that a view can show the lines of one workload and count the others.
struct Verdict {
    std::string workloadId;
    std::string sentence;
    bool failure = false;  ///< a failureNotes() line, not a comparison
};

/// Everything the summary plot and the headline derive from one results set. Qt-free, so any thread computes it.
struct ResultAnalysis {
    std::vector<Result> results;
    /// Per result (same index): 95% CI of its median / the fastest median among the results of the same workload and
    /// parameters (fastestOf(): the native reference is not the fastest), as the headline computes it
    /// (compareWithFastest()); both ends NaN for results that are not comparable (isComparable()).
    std::vector<stats::Interval> ratioCi;
    /// Per workload and parameter set, in order of appearance: its headlines (Python against Node.js of the same
    /// kind, headline.h, the same as the CLI's and the exports'), then what failed (failureNotes()).
    std::vector<Verdict> headlines;

    static ResultAnalysis compute(std::vector<Result> results);
};

}  // namespace versus
