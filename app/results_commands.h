// versus recover / compare / export, and the results document a run writes: results files on the command line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "results/results_file.h"
#include "runtime_registry.h"

namespace CLI {
class App;
}

namespace versus::cli {

/// The document of a run that starts now: metadata, environment, warnings, the runtimes it names.
ResultsDocument newRunDocument(RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds,
                               const HarnessOptions& options);
/// Where `versus run` keeps the journal of its last run, and where `versus recover` looks by default.
std::filesystem::path defaultJournalPath();

struct RecoverOptions {
    std::string journal = defaultJournalPath().string();
    std::string output;  ///< empty: next to the journal, as NAME.recovered.json
};
struct CompareOptions {
    std::string before, after;
};
struct ExportOptions {
    std::string input, output;
    std::string format;  ///< empty: from the output's extension
};

/// Declare the arguments of `versus recover`, `compare` and `export` on their subcommands.
void addRecoverOptions(CLI::App& command, RecoverOptions& options);
void addCompareOptions(CLI::App& command, CompareOptions& options);
void addExportOptions(CLI::App& command, ExportOptions& options);
int recoverCommand(const RecoverOptions& options);
int compareCommand(const CompareOptions& options);
int exportCommand(const ExportOptions& options);
/// Writes `document` in the format its file name says (.json, .csv, .md, .html; --format overrides).
bool exportDocument(const ResultsDocument& document, const std::string& file, const std::string& format,
                    std::string* error);

} // namespace versus::cli
