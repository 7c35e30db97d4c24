// The CLI's table of what workloads report beside their timing: bytes per connection, the database's share, ops/s.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "result.h"

namespace versus {

/// One block per workload and parameter set that has more to show than time per call: a row per series, with the
/// headline metric when it is not time (units/s of a throughput workload, the value of a reported one) and the
/// manifest's report columns ("-" where a result lacks one that others have; a column no result has and a result with no
/// cell, a failed one, are left out). Results of
/// workloads the catalog does not know are left out; "" when nothing is left.
std::string formatReportedTable(const std::vector<Result>& results, const Catalog& catalog);

}  // namespace versus
