// nlohmann's JSON parse errors in words.
#include "json_parse_error.h"

namespace versus {

std::string describeJsonError(const nlohmann::json::exception& error)
{
    std::string text = error.what();
    if (const auto id = text.find("] "); text.rfind("[json.exception.", 0) == 0 && id != std::string::npos)
        text.erase(0, id + 2);
    const std::string prefix = "parse error at ";
    if (text.rfind(prefix, 0) == 0)
        text.erase(0, prefix.size());
    // "line 3, column 5: syntax error while parsing object - unexpected ..." -> "line 3, column 5: unexpected ..."
    const auto preamble = text.find("syntax error while parsing ");
    const auto dash = text.find(" - ", preamble == std::string::npos ? 0 : preamble);
    if (preamble != std::string::npos && dash != std::string::npos)
        text.erase(preamble, dash + 3 - preamble);
    return text;
}

}  // namespace versus
