// Plain-text presentation of results for terminals: durations, the results table and the headline comparison.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "result.h"

namespace versus {

/// "1.23 ms", "845 ns", "2.50 s"; "-" for NaN.
std::string formatDuration(double ns);
/// "512 B", "4.8 KiB", "144.0 MiB", "1.21 GiB"; "-" for a value that is not finite.
std::string formatBytes(double bytes);
/// A wait as people say it, to the precision an estimate has: "under 5 s", "about 40 s", "about 3 min", "about 1 h 20 min".
std::string formatWait(double seconds);
/// "14.2x" style ratio with sensible digits.
std::string formatRatio(double ratio);
/// "312.7", "15.3k", "1.20M": a rate per second, to three or four significant digits.
std::string formatRate(double perSecond);
/// Rows of cells as a text table: columns padded to their widest cell (UTF-8 aware), a rule under the first row.
std::string formatTextTable(const std::vector<std::vector<std::string>>& rows);
/// One block per workload and parameter set: a table of its results, their failures and warnings (" ! " lines),
/// and its headline (see headline.h).
/// `callUnits` (workload id -> what one call is, plural: callUnits(catalog)) names the columns "median/query" and
/// "queries/s" where a call is not a plain call.
std::string formatResultsTable(const std::vector<Result>& results,
                               const std::map<std::string, std::string>& callUnits = {});
/// The singular of a plural call unit: "queries" -> "query", "requests" -> "request".
std::string singularNoun(const std::string& plural);

/// Speed-up of every series of a stepped workload against its runtime's plain flavour at the same step (the
/// single-threaded baseline of cpu_parallel), one column per value of `stepParameter`: "1.93x". Results of other
/// workloads are ignored; "" when there are none. Failed results show "-".
std::string formatSpeedupTable(const std::vector<Result>& results, const std::string& workloadId,
                               const std::string& stepParameter);

/// The http workload's results, one row per server and runtime: requests/s (median of the slices), the last slice's
/// latency percentiles, socket errors and non-2xx responses, the article's figure where it gives one, and a line on
/// where the server and wrk ran. "" when there are no http results.
std::string formatHttpLoadTable(const std::vector<Result>& results);

}  // namespace versus
