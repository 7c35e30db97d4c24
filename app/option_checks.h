// Checks of option values that CLI11 runs as it parses, so that a bad value is a usage error naming the option.
#pragma once

#include <CLI/CLI.hpp>

namespace versus::cli {

/// A whole number of at least `minimum` (0 or 1): "--samples: needs a whole number of at least 1, got '0'".
/// Shown in --help as POSITIVE or NONNEGATIVE. CLI11's own Range says "not in range" for text that is no number.
CLI::Validator wholeNumberAtLeast(long long minimum);
/// A finite number of at least 0 (milliseconds, seconds, percent); shown in --help as NONNEGATIVE.
CLI::Validator nonNegativeNumber();

}  // namespace versus::cli
