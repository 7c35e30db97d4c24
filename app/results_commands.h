// versus recover / compare / export, and the results document a run writes: results files on the command line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "results/results_file.h"
#include "runtime_registry.h"

namespace versus::cli {

/// The document of a run that starts now: metadata, environment, warnings, the runtimes it names.
ResultsDocument newRunDocument(RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds,
                               const HarnessOptions& options);
/// Where `versus run` keeps the journal of its last run, and where `versus recover` looks by default.
std::filesystem::path defaultJournalPath();

int recoverCommand(const std::vector<std::string>& args);
int compareCommand(const std::vector<std::string>& args);
int exportCommand(const std::vector<std::string>& args);
/// Writes `document` in the format its file name says (.json, .csv, .md, .html; --format overrides).
bool exportDocument(const ResultsDocument& document, const std::string& file, const std::string& format,
                    std::string* error);

} // namespace versus::cli
