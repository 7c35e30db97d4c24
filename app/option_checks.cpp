// Checks of option values that CLI11 runs as it parses.
#include "option_checks.h"

#include <charconv>
#include <cmath>
#include <string>

namespace versus::cli {

CLI::Validator wholeNumberAtLeast(long long minimum)
{
    return CLI::Validator(
        [minimum](std::string& text) {
            long long value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (error == std::errc() && end == text.data() + text.size() && value >= minimum)
                return std::string();
            return "needs a whole number of at least " + std::to_string(minimum) + ", got '" + text + "'";
        },
        minimum > 0 ? "POSITIVE" : "NONNEGATIVE");
}

CLI::Validator nonNegativeNumber()
{
    return CLI::Validator(
        [](std::string& text) {
            try {
                std::size_t used = 0;
                const double value = std::stod(text, &used);
                if (used == text.size() && std::isfinite(value) && value >= 0)
                    return std::string();
            } catch (const std::exception&) {
            }
            return "needs a number of at least 0, got '" + text + "'";
        },
        "NONNEGATIVE");
}

}  // namespace versus::cli
