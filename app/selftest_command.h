// versus selftest: the instrument check in the terminal (the window's Help > Instrument check shows the same).
#pragma once

#include <string>
#include <vector>

namespace versus::cli {

/// `versus selftest [--runs N] [--quick]`. Exit 0 when every figure with a goal meets it, 1 otherwise.
int selftestCommand(const std::vector<std::string>& args);

} // namespace versus::cli
