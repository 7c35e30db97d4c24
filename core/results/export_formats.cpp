// The export format table and the writing of an export.
#include "export_formats.h"

#include "output_file.h"

#include <algorithm>
#include <cctype>

namespace versus {

namespace {

bool endsWithNoCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size()
        && std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
}

}  // namespace

const std::vector<ExportFormat>& exportFormats()
{
    static const std::vector<ExportFormat> all{
        {"json", "Results JSON", "json"},   {"hyperfine", "hyperfine JSON", "hyperfine.json"},
        {"csv", "CSV of summaries", "csv"}, {"samples-csv", "CSV of raw samples", "samples.csv"},
        {"markdown", "Markdown", "md"},     {"html", "HTML report", "html"},
    };
    return all;
}

const ExportFormat* exportFormatById(std::string_view id)
{
    if (id == "summary-csv")
        id = "csv";
    for (const ExportFormat& f : exportFormats())
        if (f.id == id)
            return &f;
    return nullptr;
}

const ExportFormat* exportFormatForFile(std::string_view fileName)
{
    if (endsWithNoCase(fileName, ".htm"))
        return exportFormatById("html");
    const ExportFormat* best = nullptr;
    for (const ExportFormat& f : exportFormats())
        if (endsWithNoCase(fileName, "." + f.suffix) && (!best || f.suffix.size() > best->suffix.size()))
            best = &f;
    return best;
}

std::string serializeExport(const ExportFormat& format, const ResultsDocument& document, const ChartProvider& charts)
{
    if (format.id == "hyperfine")
        return hyperfineJson(document.results);
    if (format.id == "csv")
        return summariesCsv(document.results);
    if (format.id == "samples-csv")
        return samplesCsv(document.results);
    if (format.id == "markdown")
        return markdownTable(document.results);
    if (format.id == "html")
        return htmlReport(document, charts ? charts() : std::vector<ChartSvg>{});
    return writeResultsDocument(document);
}

Expected<void> writeExport(const std::string& file, const ExportFormat* format, const ResultsDocument& document,
                           const ChartProvider& charts)
{
    if (document.results.empty())
        return Error{"There are no results to export yet: run something first. Nothing was written."};
    if (!format)
        format = exportFormatForFile(file);
    if (!format) {
        std::string suffixes;
        for (const ExportFormat& f : exportFormats())
            suffixes += (suffixes.empty() ? "." : ", .") + f.suffix;
        return Error{"Cannot tell the format of '" + file + "': end its name in one of " + suffixes};
    }
    return writeOutputFile(file, serializeExport(*format, document, charts));
}

}  // namespace versus
