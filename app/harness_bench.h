// versus harness-bench: measures the instrument itself (cancel latency, harness cost per call and per sample).
#pragma once

#include <string>
#include <vector>

namespace versus::cli {

int harnessBench(const std::vector<std::string>& args);

} // namespace versus::cli
