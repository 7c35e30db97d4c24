// nlohmann's JSON parse errors in words, for every reader of JSON a person wrote or may have broken.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace versus {

/// "line 3, column 5: unexpected string literal; expected '}'": nlohmann's message without its
/// "[json.exception.parse_error.101] parse error at" prefix and its "syntax error while parsing object -" preamble.
std::string describeJsonError(const nlohmann::json::exception& error);

}  // namespace versus
