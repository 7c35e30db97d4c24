// Small helpers over the result value types.
#include "result.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace versus {

const char* failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return "none";
    case FailureKind::InvalidParameter:
        return "invalid-parameter";
    case FailureKind::RuntimeUnavailable:
        return "runtime-unavailable";
    case FailureKind::ScriptError:
        return "script-error";
    case FailureKind::WrongAnswer:
        return "wrong-answer";
    case FailureKind::AnswerMismatch:
        return "answer-mismatch";
    case FailureKind::Exit:
        return "exit";
    case FailureKind::OutOfMemory:
        return "out-of-memory";
    case FailureKind::Timeout:
        return "timeout";
    case FailureKind::Cancelled:
        return "cancelled";
    case FailureKind::Crash:
        return "crash";
    case FailureKind::Protocol:
        return "protocol";
    case FailureKind::ClockMismatch:
        return "clock-mismatch";
    case FailureKind::AnswerTooLarge:
        return "answer-too-large";
    case FailureKind::LeakedState:
        return "leaked-state";
    case FailureKind::Internal:
        return "internal";
    }
    return "unknown";
}

std::string comparisonKey(const std::string& workloadId, const ParamValues& params)
{
    const std::string text = formatParams(params);
    return workloadId + (text.empty() ? "" : " (" + text + ")");
}

std::string Result::seriesName() const
{
    if (flavourLabel.empty())
        return runtimeName;
    return runtimeName + " + " + flavourLabel;
}

std::string formatNumber(double v)
{
    constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: every whole double below it is exact
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < kExactIntegers)
        return std::to_string(static_cast<std::int64_t>(v));
    // Without a precision, to_chars writes the fewest digits that read back as v.
    const bool plain = std::fabs(v) >= 1e-4 && std::fabs(v) < 1e15;
    char text[32];
    const auto end =
        std::to_chars(text, text + sizeof text, v, plain ? std::chars_format::fixed : std::chars_format::scientific)
            .ptr;
    return std::string(text, end);
}

std::string formatParamValue(const ParamValue& value)
{
    struct Visitor {
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const { return formatNumber(v); }
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(const std::string& v) const { return v; }
    };
    return std::visit(Visitor{}, value);
}

std::string formatParams(const ParamValues& params)
{
    std::string text;
    for (const auto& [name, value] : params) {
        if (!text.empty())
            text += ", ";
        text += name + "=" + formatParamValue(value);
    }
    return text;
}

}  // namespace versus
