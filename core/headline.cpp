// Headlines: Python against Node.js within a group (or its fastest against its slowest), and what failed, computed
// and worded in one place.
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

Contender contenderOf(const Result& r)
{
    if (r.language == "python")
        return Contender::Python;
    if (r.language == "javascript")
        return Contender::NodeJs;
    if (r.language == "native")
        return Contender::Reference;
    return Contender::Other;
}

std::string racedNote(const Result& r)
{
    return r.order == "race" ? "raced: both runtimes shared the CPU" : "";
}

namespace {

/// `other` against `fastest`: the numbers and the sentence, without the raced note.
Headline compareMedians(const Result& other, const Result& fastest)
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
    else if (c.tooFewSamples)
        h.sentence = pair + where + ": ratio " + formatRatio(c.ratio) + ", but with " + std::to_string(otherTimes.size())
            + " and " + std::to_string(fastestTimes.size()) + " samples no difference can be called clear (the rank "
            + "test's smallest " + stats::formatPValue(c.smallestPossiblePValue) + "): take more samples; " + numbers;
    else
        h.sentence = pair + ": no clear difference" + where + ": ratio " + formatRatio(c.ratio) + ", " + numbers;
    return h;
}

}  // namespace

Headline compareWithFastest(const Result& other, const Result& fastest)
{
    Headline h = compareMedians(other, fastest);
    const std::string raced = racedNote(other).empty() ? racedNote(fastest) : racedNote(other);
    if (!raced.empty())
        h.sentence += " (" + raced + ")";
    return h;
}

namespace {

const Result* fastestOf(const std::vector<const Result*>& group, bool withReference)
{
    const Result* fastest = nullptr;
    for (const Result* r : group)
        if (isComparable(*r) && (withReference || contenderOf(*r) != Contender::Reference)
            && (!fastest || r->summary.medianNs < fastest->summary.medianNs))
            fastest = r;
    return fastest;
}

/// The faster of two comparable results against the slower.
Headline faceOff(const Result& a, const Result& b)
{
    return a.summary.medianNs <= b.summary.medianNs ? compareWithFastest(b, a) : compareWithFastest(a, b);
}

/// "wrong-answer" -> "wrong answer".
std::string spaced(std::string text)
{
    std::replace(text.begin(), text.end(), '-', ' ');
    return text;
}

}  // namespace

const Result* fastestOf(const std::vector<const Result*>& group)
{
    const Result* fastest = fastestOf(group, false);
    return fastest ? fastest : fastestOf(group, true);
}

std::vector<Headline> comparisonsWithFastest(const std::vector<const Result*>& group)
{
    std::vector<Headline> out;
    const Result* fastest = fastestOf(group);
    for (const Result* r : group)
        if (fastest && r != fastest && isComparable(*r))
            out.push_back(faceOff(*r, *fastest));
    return out;
}

std::vector<Headline> headlines(const std::vector<const Result*>& group)
{
    std::vector<Headline> out;
    for (const Result* python : group) {
        if (!isComparable(*python) || contenderOf(*python) != Contender::Python)
            continue;
        for (const Result* node : group)
            if (isComparable(*node) && contenderOf(*node) == Contender::NodeJs && node->embedded == python->embedded)
                out.push_back(faceOff(*python, *node));
    }
    if (!out.empty())
        return out;
    const Result* fastest = fastestOf(group, false);
    const Result* slowest = nullptr;
    for (const Result* r : group)
        if (r != fastest && isComparable(*r) && contenderOf(*r) != Contender::Reference
            && (!slowest || r->summary.medianNs > slowest->summary.medianNs))
            slowest = r;
    if (fastest && slowest)
        out.push_back(compareWithFastest(*slowest, *fastest));
    return out;
}

std::vector<std::string> failureNotes(const std::vector<const Result*>& group)
{
    std::vector<std::string> out;
    for (const Result* r : group) {
        if (r->ok())
            continue;
        const bool cancelled = r->status == ResultStatus::Cancelled || r->failure.kind == FailureKind::Cancelled;
        std::string note = r->seriesName() + (cancelled ? " was stopped on " : " failed on ") + workloadLabel(*r);
        if (!cancelled && r->failure.kind != FailureKind::None)
            note += " (" + spaced(failureKindName(r->failure.kind)) + ")";
        std::string message = r->failure.message.substr(0, r->failure.message.find('\n'));
        if (message.size() > 160)
            message = message.substr(0, 157) + "...";
        if (!message.empty())
            note += ": " + message;
        out.push_back(note);
    }
    return out;
}

}  // namespace versus
