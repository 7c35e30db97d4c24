// The result file formats File > Export offers, each a serializer from core; files are written atomically.
#pragma once

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace versus {
struct ChartSvg;
struct ExportFormat;
struct ResultsDocument;
}  // namespace versus

namespace versus::gui {

class ResultsExport {
public:
    /// Renders the charts of the document for the HTML report; called only when that format is written.
    using ChartRenderer = std::function<std::vector<ChartSvg>()>;

    /// A row of core's export table (core/results/export_formats.h) as the file dialog shows it.
    struct Format {
        QString name;  ///< "Results JSON"
        QString suffix;  ///< "json", "samples.csv": what the file name ends with
        const ExportFormat* format = nullptr;

        QString filter() const;  ///< "Results JSON (*.json)"
    };

    /// Every format the window can save results in: results JSON (schema 2), hyperfine JSON, CSV of summaries, CSV
    /// of raw samples, Markdown and an HTML report.
    static const std::vector<Format>& formats();
    /// Filters for QFileDialog, joined by ";;".
    static QString fileDialogFilter();
    /// Core's choice from the file name's extension (exportFormatForFile), else the format whose filter() is
    /// `selectedFilter` (a name without a known extension); null when neither matches.
    static const Format* formatFor(const QString& fileName, const QString& selectedFilter = {});
    /// Serialises `document` in the format for the file and writes it with core's writeExport(). False with
    /// `error` set when no format matches or the file cannot be written.
    static bool write(const QString& fileName, const ResultsDocument& document, const ChartRenderer& charts,
                      QString* error, const QString& selectedFilter = {});
};

}  // namespace versus::gui
