// Plain-text presentation of results for terminals: durations, the results table and the headline comparison.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "result.h"

namespace versus {

/// "1.23 ms", "845 ns", "2.50 s"; "-" for NaN.
std::string formatDuration(double ns);
/// "14.2x" style ratio with sensible digits.
std::string formatRatio(double ratio);
/// One block per workload: a table of its results and its headline.
std::string formatResultsTable(const std::vector<Result>& results);
/// "Node.js (embedded) is 14.2x faster than CPython (embedded) on fib (n=27)", from the fastest and slowest
/// successful results of one workload and parameter set; nullopt with fewer than two.
std::optional<std::string> headline(const std::vector<Result>& sameWorkload);

} // namespace versus
