// Verdicts on the article's claims: pure functions from measurements (results, start-up times) to holds / partly /
// does not hold, comparing like with like. The ratio and its 95% CI come from stats::compareSamples, the same
// computation as every headline. No Qt, no clock, no runtime.
#pragma once

#include <string>
#include <vector>

#include "claim_catalog.h"
#include "expected.h"
#include "result.h"
#include "statistics.h"

namespace versus::claims {

enum class Verdict {
    Holds,  ///< the measurement agrees with the claimed range
    Partly,  ///< the claimed direction, not the claimed size; or some checks hold and others do not
    DoesNotHold,  ///< the other way round, no difference where one was claimed, or far from the figure
    NotTestable,  ///< this machine cannot test it (no cloud, no second CPython, a runtime missing): the reason says
    NotMeasurableYet,  ///< its workloads are not in the catalog yet
};

/// "holds", "partly", "does not hold", "not testable here", "not measurable yet".
const char* verdictText(Verdict verdict);

/// A measured value with its bootstrap 95% CI (both ends NaN when there is none: one value, a reported figure).
struct Measurement {
    double value = 0;
    stats::Interval ci;
};

/// The rule for a ratio. A claimed direction (the range lies at or above 1, or at or below 1): holds when the ratio is
/// clearly on that side of 1 (its CI excludes 1; the value alone without a CI) and its CI meets the range; partly when
/// it is clearly on that side but outside the range; otherwise it does not hold. A range around 1 ("comparable"):
/// holds when the CI meets the range, partly when it meets the range widened by `partlyFactor`, else does not hold.
Verdict judgeRatio(const ClaimRange& range, const Measurement& m, double partlyFactor);

/// The rule for a figure: holds when its CI (or value) meets the range, partly when it meets the range widened by
/// `partlyFactor` on both sides, otherwise does not hold.
Verdict judgeFigure(const ClaimRange& range, const Measurement& m, double partlyFactor);

/// What kind of comparison two results make: "embedded against embedded", "process against process", or "against
/// the C++ reference" when one is the native reference; an error when one runtime is embedded and the other a
/// process, which would compare the hosts as much as the languages.
Expected<std::string> likeWithLike(const Result& a, const Result& b);

/// The outcome of one check on one workload.
struct CheckOutcome {
    std::string label;  ///< "fib: CPython (embedded) / Node.js (embedded)"
    std::string statement;  ///< ClaimCheck::statement
    std::string workloadId;  ///< empty for start-up
    Verdict verdict = Verdict::NotTestable;
    std::string measured;  ///< "Node.js (embedded) 14.1x faster (95% CI 12.1x to 17.9x)", "18.0 ms"
    std::string comparedAs;  ///< "embedded against embedded", "process", ...
    std::string reason;  ///< why it could not be judged (not testable), else empty
    Measurement measurement;  ///< the ratio or the figure after scaling; value NaN when not measured
};

/// `numerator` over `denominator` under the check's metric and range. Not testable when either failed or lacks the
/// metric, or when they are not like with like.
CheckOutcome judgeRatioCheck(const ClaimCheck& check, const Result& numerator, const Result& denominator,
                             const ClaimTolerances& tolerances);
/// One result's figure (calls per second, or a value it reported) under the check's range.
CheckOutcome judgeFigureCheck(const ClaimCheck& check, const Result& result, const ClaimTolerances& tolerances);
/// A process runtime's cold starts, in ms (each a whole run), under the check's range; `label` names the command.
CheckOutcome judgeStartupCheck(const ClaimCheck& check, const std::string& label, const std::vector<double>& ms,
                               const ClaimTolerances& tolerances);
/// A check that could not be measured: not testable, with the reason.
CheckOutcome untestedCheck(const ClaimCheck& check, const std::string& label, const std::string& reason);

/// The outcome of one claim: its checks, and the verdict they make together.
struct ClaimOutcome {
    const Claim* claim = nullptr;
    Verdict verdict = Verdict::NotTestable;
    std::string reason;  ///< not testable or not measurable yet: why; otherwise empty
    std::string comparedAs;  ///< the kinds of comparison its checks made, joined: "embedded against embedded"
    std::vector<CheckOutcome> checks;
};

/// The claim's verdict from its checks: every judged check holds: holds; every judged check does not hold: does not
/// hold; a mix: partly. Checks that could not be judged take no part; when none could, the claim is not testable and
/// the reason lists theirs.
ClaimOutcome combineChecks(const Claim& claim, std::vector<CheckOutcome> checks);
/// A claim that is not run: NotTestable or NotMeasurableYet, with the reason.
ClaimOutcome unmeasuredClaim(const Claim& claim, Verdict verdict, const std::string& reason);

}  // namespace versus::claims
