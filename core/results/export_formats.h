// The one table of formats a results document can be exported in, for the CLI and the window alike: the same file
// name gives the same format, and the same format the same bytes, whichever front end writes it. No Qt.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "exporters.h"
#include "results_file.h"

namespace versus {

struct ExportFormat {
    std::string id;  ///< "json", "hyperfine", "csv", "samples-csv", "markdown", "html": what --format takes
    std::string name;  ///< "Results JSON": what a file dialog shows
    std::string suffix;  ///< "json", "samples.csv": what the file name ends with
};

/// Every export format, in the order a file dialog lists them.
const std::vector<ExportFormat>& exportFormats();
/// The format with this id (or an alias: "summary-csv" is "csv"); null when none.
const ExportFormat* exportFormatById(std::string_view id);
/// The format whose suffix the file name ends with, the longest one winning ("x.samples.csv" is raw samples,
/// "x.hyperfine.json" hyperfine, "x.csv" summaries, ".htm" counts as html); case does not matter; null when none.
const ExportFormat* exportFormatForFile(std::string_view fileName);

/// Renders the charts of a document for the HTML report; called only when that format is written.
using ChartProvider = std::function<std::vector<ChartSvg>()>;
/// The document's bytes in `format`.
std::string serializeExport(const ExportFormat& format, const ResultsDocument& document, const ChartProvider& charts);
/// Serialises and writes `file` with writeOutputFile() ("-" is standard output); `format` null: chosen from the file
/// name. An error saying what to do when there are no results, no format fits or the file cannot be written.
Expected<void> writeExport(const std::string& file, const ExportFormat* format, const ResultsDocument& document,
                           const ChartProvider& charts);

}  // namespace versus
