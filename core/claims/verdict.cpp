// The verdict rules, the one place they live: what makes a measurement hold, partly hold or not hold a claim.
#include "verdict.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "headline.h"
#include "text_format.h"

namespace versus::claims {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

/// The interval to judge: the CI, or the value alone when there is no CI.
stats::Interval spanOf(const Measurement& m)
{
    if (std::isnan(m.ci.low) || std::isnan(m.ci.high))
        return {m.value, m.value};
    return m.ci;
}

bool meets(const stats::Interval& span, double low, double high)
{
    return span.high >= low && span.low <= high;
}

std::string ratioCi(const stats::Interval& ci)
{
    if (std::isnan(ci.low) || std::isnan(ci.high))
        return "";
    return " (95% CI " + formatRatio(ci.low) + " to " + formatRatio(ci.high) + ")";
}

/// "4.9 KiB", "18.0 ms", "1.4k req/s": a figure in the check's unit.
std::string figureText(double value, const std::string& unit)
{
    char text[64];
    if (unit == "bytes")
        return formatBytes(value);
    if (unit == "req/s")
        return formatRate(value) + " req/s";
    std::snprintf(text, sizeof text, value < 10 ? "%.2f %s" : "%.1f %s", value, unit.c_str());
    return text;
}

std::string figureCi(const stats::Interval& ci, const std::string& unit)
{
    if (std::isnan(ci.low) || std::isnan(ci.high))
        return "";
    return " (95% CI " + figureText(ci.low, unit) + " to " + figureText(ci.high, unit) + ")";
}

double reportedValue(const Result& r, const std::string& metric)
{
    const std::string name = metric.substr(std::string("reported:").size());
    const auto it = r.reported.find(name);
    return it == r.reported.end() ? kNan : it->second;
}

bool isReported(const std::string& metric)
{
    return metric.rfind("reported:", 0) == 0;
}

std::string failedReason(const Result& r)
{
    return r.seriesName() + " failed on " + workloadLabel(r) + ": " + r.failure.message;
}

}  // namespace

const char* verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Holds:
        return "holds";
    case Verdict::Partly:
        return "partly";
    case Verdict::DoesNotHold:
        return "does not hold";
    case Verdict::NotTestable:
        return "not testable here";
    case Verdict::NotMeasurableYet:
        return "not measurable yet";
    }
    return "";
}

Verdict judgeRatio(const ClaimRange& range, const Measurement& m, double partlyFactor)
{
    const stats::Interval span = spanOf(m);
    if (range.low >= 1 || range.high <= 1) {
        const bool claimedSide = range.low >= 1 ? span.low > 1 : span.high < 1;
        if (!claimedSide)
            return Verdict::DoesNotHold;
        return meets(span, range.low, range.high) ? Verdict::Holds : Verdict::Partly;
    }
    return judgeFigure(range, m, partlyFactor);
}

Verdict judgeFigure(const ClaimRange& range, const Measurement& m, double partlyFactor)
{
    const stats::Interval span = spanOf(m);
    if (meets(span, range.low, range.high))
        return Verdict::Holds;
    if (meets(span, range.low / partlyFactor, range.high * partlyFactor))
        return Verdict::Partly;
    return Verdict::DoesNotHold;
}

Expected<std::string> likeWithLike(const Result& a, const Result& b)
{
    if (contenderOf(a) == Contender::Reference || contenderOf(b) == Contender::Reference)
        return std::string(a.embedded || b.embedded ? "embedded" : "process") + " against the C++ reference";
    if (a.embedded != b.embedded)
        return Error{(a.embedded ? a : b).seriesName() + " runs embedded and " + (a.embedded ? b : a).seriesName()
                     + " as a process: that would compare the hosts as much as the languages. Pair embedded with "
                       "embedded, or process with process."};
    return std::string(a.embedded ? "embedded against embedded" : "process against process");
}

CheckOutcome untestedCheck(const ClaimCheck& check, const std::string& label, const std::string& reason)
{
    CheckOutcome out;
    out.label = label;
    out.statement = check.statement;
    out.verdict = Verdict::NotTestable;
    out.reason = reason;
    out.measurement.value = kNan;
    out.measurement.ci = {kNan, kNan};
    return out;
}

CheckOutcome judgeRatioCheck(const ClaimCheck& check, const Result& numerator, const Result& denominator,
                             const ClaimTolerances& tolerances)
{
    const std::string label =
        workloadLabel(numerator) + ": " + numerator.seriesName() + " / " + denominator.seriesName();
    for (const Result* r : {&numerator, &denominator})
        if (!r->ok())
            return untestedCheck(check, label, failedReason(*r));
    const auto kind = likeWithLike(numerator, denominator);
    if (!kind)
        return untestedCheck(check, label, kind.error());
    CheckOutcome out = untestedCheck(check, label, "");
    out.workloadId = numerator.workloadId;
    out.comparedAs = *kind;
    Measurement& m = out.measurement;
    if (isReported(check.metric)) {
        const double a = reportedValue(numerator, check.metric), b = reportedValue(denominator, check.metric);
        if (std::isnan(a) || std::isnan(b) || b <= 0)
            return untestedCheck(check, label, "the workload did not report " + check.metric.substr(9));
        m.value = a / b;
        out.measured = formatNumber(std::round(a * 10) / 10) + " vs " + formatNumber(std::round(b * 10) / 10) + " ("
            + formatRatio(m.value) + ")";
    } else {
        if (!isComparable(numerator) || !isComparable(denominator))
            return untestedCheck(check, label, "no measured samples to compare");
        // The same ratio and interval as the headlines: median(numerator) / median(denominator), bootstrapped.
        const std::vector<double> a = stats::perCallNs(numerator.samples), b = stats::perCallNs(denominator.samples);
        if (a.empty() || b.empty()) {
            m.value = numerator.summary.medianNs / denominator.summary.medianNs;
        } else {
            const stats::Comparison c = stats::compareSamples(a, b);
            m.value = c.ratio;
            m.ci = c.ratioCi;
        }
        if (check.ratioName != "ratio")
            out.measured = check.ratioName + " " + formatRatio(m.value) + ratioCi(m.ci);
        else if (m.value >= 1)
            out.measured = denominator.seriesName() + " " + formatRatio(m.value) + " faster" + ratioCi(m.ci);
        else
            out.measured = numerator.seriesName() + " " + formatRatio(1 / m.value) + " faster"
                + ratioCi({1 / m.ci.high, 1 / m.ci.low});
    }
    out.verdict = judgeRatio(check.range, m, tolerances.partlyFactor);
    return out;
}

CheckOutcome judgeFigureCheck(const ClaimCheck& check, const Result& result, const ClaimTolerances& tolerances)
{
    const std::string label = workloadLabel(result) + ": " + result.seriesName();
    if (!result.ok())
        return untestedCheck(check, label, failedReason(result));
    CheckOutcome out = untestedCheck(check, label, "");
    out.workloadId = result.workloadId;
    out.comparedAs = result.embedded ? "embedded" : "process";
    Measurement& m = out.measurement;
    if (isReported(check.metric)) {
        m.value = reportedValue(result, check.metric);
        if (std::isnan(m.value))
            return untestedCheck(check, label, "the workload did not report " + check.metric.substr(9));
    } else {
        if (!isComparable(result))
            return untestedCheck(check, label, "no measured samples");
        m.value = result.summary.callsPerSecond;
        if (result.summary.ciLowNs > 0 && result.summary.ciHighNs > 0)
            m.ci = {1e9 / result.summary.ciHighNs, 1e9 / result.summary.ciLowNs};
    }
    m.value *= check.scale;
    m.ci = {m.ci.low * check.scale, m.ci.high * check.scale};
    out.measured = (check.scale != 1 ? "x " + formatNumber(check.scale) + ": " : "") + figureText(m.value, check.unit)
        + figureCi(m.ci, check.unit);
    out.verdict = judgeFigure(check.range, m, tolerances.partlyFactor);
    return out;
}

CheckOutcome judgeStartupCheck(const ClaimCheck& check, const std::string& label, const std::vector<double>& ms,
                               const ClaimTolerances& tolerances)
{
    if (ms.empty())
        return untestedCheck(check, label, "no start-up was measured");
    CheckOutcome out = untestedCheck(check, label, "");
    out.comparedAs = "process";
    out.measurement.value = stats::median(ms);
    out.measurement.ci = ms.size() > 1 ? stats::bootstrapMedianCI(ms) : stats::Interval{kNan, kNan};
    out.measured = figureText(out.measurement.value, "ms") + figureCi(out.measurement.ci, "ms");
    out.verdict = judgeFigure(check.range, out.measurement, tolerances.partlyFactor);
    return out;
}

ClaimOutcome unmeasuredClaim(const Claim& claim, Verdict verdict, const std::string& reason)
{
    ClaimOutcome out;
    out.claim = &claim;
    out.verdict = verdict;
    out.reason = reason;
    return out;
}

ClaimOutcome combineChecks(const Claim& claim, std::vector<CheckOutcome> checks)
{
    ClaimOutcome out;
    out.claim = &claim;
    int judged = 0, holds = 0, fails = 0;
    std::string reasons;
    for (const CheckOutcome& c : checks) {
        if (c.verdict == Verdict::NotTestable || c.verdict == Verdict::NotMeasurableYet) {
            if (reasons.find(c.reason) == std::string::npos)
                reasons += (reasons.empty() ? "" : "; ") + c.reason;
            continue;
        }
        ++judged;
        holds += c.verdict == Verdict::Holds;
        fails += c.verdict == Verdict::DoesNotHold;
        if (out.comparedAs.find(c.comparedAs) == std::string::npos)
            out.comparedAs += (out.comparedAs.empty() ? "" : "; ") + c.comparedAs;
    }
    if (judged == 0) {
        out.verdict = Verdict::NotTestable;
        out.reason = reasons.empty() ? "nothing was measured" : reasons;
    } else if (holds == judged) {
        out.verdict = Verdict::Holds;
    } else if (fails == judged) {
        out.verdict = Verdict::DoesNotHold;
    } else {
        out.verdict = Verdict::Partly;
    }
    out.checks = std::move(checks);
    return out;
}

}  // namespace versus::claims
