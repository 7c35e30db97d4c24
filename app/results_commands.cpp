// Results files from the command line: recover a journal, compare two runs, export to other formats.
#include "results_commands.h"
#include "command_error.h"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "catalog.h"
#include "results/environment.h"
#include "results/export_formats.h"
#include "results/exporters.h"
#include "results/journal.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::cli {

namespace {

/// Every format --format takes: the ids of core's one export table, and the old alias summary-csv.
std::vector<std::string> exportFormatIds()
{
    std::vector<std::string> ids;
    for (const ExportFormat& f : exportFormats())
        ids.push_back(f.id);
    ids.push_back("summary-csv");
    return ids;
}

}  // namespace

Expected<void> exportDocument(const ResultsDocument& document, const std::string& file, const std::string& format,
                              GuiBackend& gui)
{
    // The report's charts are drawn by the same code as the window's (gui::renderReportCharts), as SVG: the page
    // stands alone. Without them the report is still written, and says so on stderr.
    const ChartProvider charts = [&] {
        auto drawn = gui.reportCharts(document);
        if (!drawn) {
            std::cerr << "versus: warning: the report has no charts: " << drawn.error() << "\n";
            return std::vector<ChartSvg>{};
        }
        return std::move(*drawn);
    };
    return writeExport(file, format.empty() ? nullptr : exportFormatById(format), document, charts);
}

void addRecoverOptions(CLI::App& command, RecoverOptions& o)
{
    command.add_option("journal", o.journal, "the journal of the run")->capture_default_str()->type_name("JOURNAL");
    command
        .add_option("-o,--output", o.output,
                    "the results file to write (default: next to the journal, "
                    "NAME.recovered.json)")
        ->type_name("RESULTS.json");
}

void addCompareOptions(CLI::App& command, CompareOptions& o)
{
    command.add_option("old", o.before, "the results file of the earlier run")
        ->required()
        ->check(CLI::ExistingFile)
        ->type_name("OLD.json");
    command.add_option("new", o.after, "the results file of the later run")
        ->required()
        ->check(CLI::ExistingFile)
        ->type_name("NEW.json");
}

void addExportOptions(CLI::App& command, ExportOptions& o)
{
    command.add_option("results", o.input, "a results file written by versus run")
        ->required()
        ->check(CLI::ExistingFile)
        ->type_name("RESULTS.json");
    command.add_option("-o,--output", o.output, "the file to write")->required()->type_name("FILE");
    command
        .add_option("--format", o.format,
                    "the format (default: from the end of FILE: .json .hyperfine.json .csv .samples.csv .md .html)")
        ->check(CLI::IsMember(exportFormatIds()));
}

int recoverCommand(const RecoverOptions& options)
{
    const std::string& journal = options.journal;
    std::string output = options.output;
    auto recovered = recoverJournal(journal);
    if (!recovered.ok())
        return fail(recovered.error());
    const RecoveredRun& run = *recovered;
    if (output.empty())
        output = std::filesystem::path(journal).replace_extension("").string() + ".recovered.json";
    if (const auto written = writeExport(output, exportFormatById("json"), run.document, {}); !written)
        return fail(written.error());
    std::size_t samples = 0;
    for (const auto& r : run.document.results)
        samples += r.samples.size();
    std::cerr << "versus: recovered " << run.document.results.size() << " result(s) with " << samples
              << " sample(s) from " << journal << (run.complete ? "" : " (the run did not finish)")
              << (run.skippedLines ? ", " + std::to_string(run.skippedLines) + " unreadable line(s) skipped" : "")
              << "\nversus: wrote " << output << "\n";
    return 0;
}

int compareCommand(const CompareOptions& options)
{
    auto before = readResultsFile(options.before);
    if (!before.ok())
        return fail(before.error());
    auto after = readResultsFile(options.after);
    if (!after.ok())
        return fail(after.error());
    std::cout << compareResults(*before, *after);
    return 0;
}

int exportCommand(const ExportOptions& options, GuiBackend& gui)
{
    const std::string &input = options.input, &output = options.output, &format = options.format;
    auto document = readResultsFile(input);
    if (!document.ok())
        return fail(document.error());
    if (const auto written = exportDocument(*document, output, format, gui); !written)
        return fail(written.error());
    std::cerr << "versus: wrote " << output << "\n";
    return 0;
}

}  // namespace versus::cli
