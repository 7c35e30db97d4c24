// Small helpers over the result value types.
#include "result.h"

#include <cmath>
#include <sstream>

namespace versus {

const char* failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return "none";
    case FailureKind::InvalidParameter: return "invalid-parameter";
    case FailureKind::RuntimeUnavailable: return "runtime-unavailable";
    case FailureKind::ScriptError: return "script-error";
    case FailureKind::WrongAnswer: return "wrong-answer";
    case FailureKind::AnswerMismatch: return "answer-mismatch";
    case FailureKind::Exit: return "exit";
    case FailureKind::OutOfMemory: return "out-of-memory";
    case FailureKind::Timeout: return "timeout";
    case FailureKind::Cancelled: return "cancelled";
    case FailureKind::Crash: return "crash";
    case FailureKind::Protocol: return "protocol";
    case FailureKind::Internal: return "internal";
    }
    return "unknown";
}

std::string Result::seriesName() const
{
    if (flavourLabel.empty())
        return runtimeName;
    return runtimeName + " + " + flavourLabel;
}

std::string formatParamValue(const ParamValue& value)
{
    struct Visitor {
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const
        {
            std::ostringstream out;
            out << v;
            return out.str();
        }
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

} // namespace versus
