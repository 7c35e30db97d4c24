// `versus startup`: process cold start of the external runtimes and the parts of embedded start-up, as a table.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}
namespace versus {
class Catalog;
class RuntimeRegistry;
}  // namespace versus

namespace versus::cli {

struct StartupOptions {
    std::vector<std::string> runtimes;  ///< empty: the default set (python3, node, pypy3)
    int runs = 30;
    int warmup = 3;
    int probeRuns = 5;
    std::string jsonFile;
};

/// Declares the options of `versus startup` on its subcommand.
void addStartupOptions(CLI::App& command, StartupOptions& options);
int startupCommand(const StartupOptions& options, RuntimeRegistry& registry);
/// Hidden: measures embedded start-up once in this fresh process and prints it as one JSON object on stdout.
int startupProbeCommand(const Catalog& catalog, RuntimeRegistry& registry);

}  // namespace versus::cli
