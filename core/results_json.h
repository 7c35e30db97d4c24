// Results as JSON (schema_version 1): metadata, the plan's options, every raw sample with units, summaries.
#pragma once

#include <string>
#include <vector>

#include "result.h"
#include "runtime.h"

namespace versus {

struct RunMetadata {
    std::string versusVersion;
    std::string startedAtUtc;  ///< ISO 8601
    std::vector<RuntimeInfo> runtimes;
};

/// Serialised results file (pretty-printed JSON text).
std::string resultsToJson(const std::vector<Result>& results, const RunMetadata& metadata,
                          const HarnessOptions& options);

/// "2026-11-25T23:59:01Z"
std::string utcTimestamp();

} // namespace versus
