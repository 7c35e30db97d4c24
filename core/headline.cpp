// Headlines: the fastest result of a group against the others, computed and worded in one place.
#include "headline.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "text_format.h"

namespace versus {

std::string workloadLabel(const Result& r)
{
    return comparisonKey(r.workloadId, r.params);
}

std::vector<std::pair<std::string, std::vector<const Result*>>> groupByWorkload(const std::vector<Result>& results)
{
    std::vector<std::pair<std::string, std::vector<const Result*>>> groups;
    for (const auto& r : results) {
        const std::string label = workloadLabel(r);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == label; });
        if (it == groups.end())
            it = groups.insert(groups.end(), {label, {}});
        it->second.push_back(&r);
    }
    return groups;
}

bool isComparable(const Result& r)
{
    return r.ok() && r.summary.samples > 0 && r.summary.medianNs > 0;
}

Headline compareWithFastest(const Result& other, const Result& fastest)
{
    Headline h;
    h.faster = fastest.seriesName();
    h.slower = other.seriesName();
    const std::string pair = h.faster + " vs " + h.slower;
    const std::string where = " on " + workloadLabel(fastest);
    const std::vector<double> otherTimes = stats::perCallNs(other.samples);
    const std::vector<double> fastestTimes = stats::perCallNs(fastest.samples);
    if (otherTimes.empty() || fastestTimes.empty()) {
        // A summary without its samples (a hand-made or trimmed file): the medians are all there is.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        h.ratio = other.summary.medianNs / fastest.summary.medianNs;
        h.ratioCi = {nan, nan};
        h.pValue = nan;
        h.sentence = pair + where + ": ratio of medians " + formatRatio(h.ratio)
            + "; without raw samples there is no CI or p-value";
        return h;
    }
    const stats::Comparison c = stats::compareSamples(otherTimes, fastestTimes);
    h.ratio = c.ratio;
    h.ratioCi = c.ratioCi;
    h.pValue = c.pValue;
    h.clear = c.significant;
    const std::string numbers = "95% CI " + formatRatio(c.ratioCi.low) + " to " + formatRatio(c.ratioCi.high) + ", "
        + stats::formatPValue(c.pValue);
    if (h.clear)
        h.sentence = h.faster + " is " + formatRatio(c.ratio) + " faster than " + h.slower + where + ": " + numbers;
    else
        h.sentence = pair + ": no clear difference" + where + ": ratio " + formatRatio(c.ratio) + ", " + numbers;
    return h;
}

const Result* fastestOf(const std::vector<const Result*>& group)
{
    const Result* fastest = nullptr;
    for (const Result* r : group)
        if (isComparable(*r) && (!fastest || r->summary.medianNs < fastest->summary.medianNs))
            fastest = r;
    return fastest;
}

std::vector<Headline> comparisonsWithFastest(const std::vector<const Result*>& group)
{
    std::vector<Headline> out;
    const Result* fastest = fastestOf(group);
    for (const Result* r : group)
        if (fastest && r != fastest && isComparable(*r))
            out.push_back(compareWithFastest(*r, *fastest));
    return out;
}

std::optional<Headline> headline(const std::vector<const Result*>& group)
{
    const Result* fastest = fastestOf(group);
    const Result* slowest = nullptr;
    for (const Result* r : group)
        if (r != fastest && isComparable(*r) && (!slowest || r->summary.medianNs > slowest->summary.medianNs))
            slowest = r;
    if (!fastest || !slowest)
        return std::nullopt;
    return compareWithFastest(*slowest, *fastest);
}

}  // namespace versus
