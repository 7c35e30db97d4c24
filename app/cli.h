// The headless subcommands of versus: list, run, and the default job for machines without a display.
#pragma once

#include <string>
#include <vector>

namespace versus::cli {

/// Runs a subcommand; `args` excludes the program name. Returns the process exit status.
int main(const std::vector<std::string>& args);
/// The job `versus` runs with no display: the manifests' default_job workloads on both embedded runtimes.
int runDefaultJob();
std::string usage();
std::string versionText();

} // namespace versus::cli
