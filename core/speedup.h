// The speed-up of a stepped workload's series against their runtime's single-threaded baseline, step by step: the
// numbers behind the CLI's speed-up table and the window's scaling chart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "result.h"

namespace versus {

/// One series (a runtime and flavour) across the steps.
struct SpeedupSeries {
    std::string name;  ///< Result::seriesName()
    std::string runtimeId;
    std::string flavour;
    /// Per step of SpeedupTable::steps: the baseline's median time over this series' median at the same step; empty
    /// when either failed or is missing.
    std::vector<std::optional<double>> speedup;
};

struct SpeedupTable {
    std::vector<std::int64_t> steps;  ///< ascending
    std::vector<SpeedupSeries> series;  ///< in the order the results came
    ParamValues sharedParams;  ///< the parameters apart from the stepped one
};

/// Speed-up of every series of `workloadId` against its runtime's plain flavour at the same value of
/// `stepParameter`. Results of other workloads, and results without an integer `stepParameter`, are ignored.
SpeedupTable speedupTable(const std::vector<Result>& results, const std::string& workloadId,
                          const std::string& stepParameter);

}  // namespace versus
