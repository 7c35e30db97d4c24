// C++ reference implementations of the CPU workloads, registered by workload id.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "result.h"

namespace versus::native {

/// One call of a prepared workload; returns its answer as JSON text.
using NativeCall = std::function<std::string()>;
/// Builds a workload's input data from its (validated) parameters and returns the call to measure.
using NativeSetup = std::function<NativeCall(const ParamValues&)>;

/// Every native implementation, by workload id. Each gives the same answers as the workload's scripts.
const std::map<std::string, NativeSetup>& nativeWorkloads();

}  // namespace versus::native
