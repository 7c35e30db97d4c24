// `versus startup`: process cold start of the external runtimes and the parts of embedded start-up, as a table.
#pragma once

#include <string>
#include <vector>

namespace versus {
class Catalog;
class RuntimeRegistry;
}

namespace versus::cli {

/// versus startup [--runtime ID ...] [--runs N] [--warmup N] [--probe-runs N] [--no-embedded] [--json FILE]
int startupCommand(const std::vector<std::string>& args, RuntimeRegistry& registry);
/// Hidden: measures embedded start-up once in this fresh process and prints it as one JSON object on stdout.
int startupProbeCommand(const Catalog& catalog, RuntimeRegistry& registry);
/// Usage lines of `startup`, for versus --help.
std::string startupUsage();

} // namespace versus::cli
