// versus selftest: the instrument check in the terminal (the window's Help > Instrument check shows the same).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace versus::cli {

struct SelftestOptions {
    int runs = 10;  ///< cancel trials and measured samples per figure
    bool quick = false;
};

/// Declares the options of `versus selftest` on its subcommand.
void addSelftestOptions(CLI::App& command, SelftestOptions& options);
/// Exit 0 when every figure with a goal meets it, 1 otherwise.
int selftestCommand(const SelftestOptions& options);

}  // namespace versus::cli
