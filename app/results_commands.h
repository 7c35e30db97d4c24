// versus recover / compare / export, and the results document a run writes: results files on the command line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gui_backend.h"
#include "run_session.h"
#include "results/results_file.h"
#include "runtime_registry.h"

namespace CLI {
class App;
}

namespace versus::cli {

struct RecoverOptions {
    std::string journal = defaultJournalPath();  ///< core's: where `versus run` keeps its last run's journal
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
int exportCommand(const ExportOptions& options, GuiBackend& gui);
/// Writes `document` in the format its file name says (.json, .csv, .md, .html; --format overrides).
Expected<void> exportDocument(const ResultsDocument& document, const std::string& file, const std::string& format,
                              GuiBackend& gui);

}  // namespace versus::cli
