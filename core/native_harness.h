// The measurement algorithm of harness.py and harness.js, in C++, for runtimes whose workload code is C++ (the
// native reference and the fake runtime of the tests). Keep the three in step.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "harness_job.h"

namespace versus {

struct MeasureHooks {
    std::function<std::string()> call;  ///< one call of the workload; returns the answer as JSON text
    std::function<std::int64_t()> clockNs;  ///< monotonic nanoseconds
    std::function<std::int64_t()> heapBytes;  ///< -1 when unknown
    std::function<bool()> cancelled;  ///< checked between calls
};

/// Thrown out of measure() when hooks.cancelled() turns true.
struct MeasureCancelled { };

/// Probe call, doubling calibration, warm-up then measured samples, reported through `context`.
/// Returns the last answer.
std::string measure(const HarnessOptions& options, const MeasureHooks& hooks, HarnessJobContext& context);

}  // namespace versus
