// Ratio CIs and headlines of a results set.
#include "result_analysis.h"

#include <cmath>

#include "headline.h"

namespace versus {

namespace {

/// 95% CI of median(r) / median(fastest): the headline's interval (compareWithFastest), or the median's own CI when
/// there are no samples to bootstrap.
stats::Interval ratioInterval(const Result& r, const Result& fastest)
{
    const stats::Interval ci = compareWithFastest(r, fastest).ratioCi;
    if (std::isfinite(ci.low) && std::isfinite(ci.high))
        return ci;
    return {r.summary.ciLowNs / fastest.summary.medianNs, r.summary.ciHighNs / fastest.summary.medianNs};
}

}  // namespace

ResultAnalysis ResultAnalysis::compute(std::vector<Result> results)
{
    ResultAnalysis a;
    a.results = std::move(results);
    a.ratioCi.assign(a.results.size(), {NAN, NAN});
    for (const auto& [label, group] : groupByWorkload(a.results)) {
        const Result* fastest = fastestOf(group);
        for (const Result* r : group)
            if (isComparable(*r))
                a.ratioCi[std::size_t(r - a.results.data())] = ratioInterval(*r, *fastest);
        const std::string& workloadId = group.front()->workloadId;
        for (Headline& h : versus::headlines(group))
            a.headlines.push_back({workloadId, std::move(h.sentence), false});
        for (std::string& note : failureNotes(group))
            a.headlines.push_back({workloadId, std::move(note), true});
    }
    return a;
}

}  // namespace versus
