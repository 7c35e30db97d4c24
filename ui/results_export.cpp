// Format table for result export; core serialises (exporters return bytes), writeFileAtomically writes.
#include "results_export.h"

#include <QObject>
#include <QStringList>

#include "exporters.h"
#include "results_file.h"

namespace versus::gui {

QString ResultsExport::Format::filter() const
{
    return QStringLiteral("%1 (*.%2)").arg(name, suffix);
}

const std::vector<ResultsExport::Format>& ResultsExport::formats()
{
    static const std::vector<Format> all{
        {QObject::tr("Results JSON"), QStringLiteral("json"),
         [](const ResultsDocument& d, const ChartRenderer&) { return writeResultsDocument(d); }},
        {QObject::tr("hyperfine JSON"), QStringLiteral("hyperfine.json"),
         [](const ResultsDocument& d, const ChartRenderer&) { return hyperfineJson(d.results); }},
        {QObject::tr("CSV of summaries"), QStringLiteral("csv"),
         [](const ResultsDocument& d, const ChartRenderer&) { return summariesCsv(d.results); }},
        {QObject::tr("CSV of raw samples"), QStringLiteral("samples.csv"),
         [](const ResultsDocument& d, const ChartRenderer&) { return samplesCsv(d.results); }},
        {QObject::tr("Markdown"), QStringLiteral("md"),
         [](const ResultsDocument& d, const ChartRenderer&) { return markdownTable(d.results); }},
        {QObject::tr("HTML report"), QStringLiteral("html"),
         [](const ResultsDocument& d, const ChartRenderer& charts) { return htmlReport(d, charts()); }},
    };
    return all;
}

QString ResultsExport::fileDialogFilter()
{
    QStringList filters;
    for (const Format& f : formats())
        filters << f.filter();
    return filters.join(QStringLiteral(";;"));
}

const ResultsExport::Format* ResultsExport::formatFor(const QString& fileName, const QString& selectedFilter)
{
    const Format* best = nullptr;
    for (const Format& f : formats()) {
        if (f.filter() == selectedFilter)
            return &f;
        if (fileName.endsWith(QLatin1Char('.') + f.suffix, Qt::CaseInsensitive)
            && (!best || f.suffix.size() > best->suffix.size()))
            best = &f;
    }
    return best;
}

bool ResultsExport::write(const QString& fileName, const ResultsDocument& document, const ChartRenderer& charts,
                          QString* error, const QString& selectedFilter)
{
    const Format* format = formatFor(fileName, selectedFilter);
    if (!format) {
        if (error) {
            QStringList suffixes;
            for (const Format& f : formats())
                suffixes << QLatin1Char('.') + f.suffix;
            *error = QObject::tr("Cannot save results as '%1': use one of %2.")
                         .arg(fileName, suffixes.join(QStringLiteral(", ")));
        }
        return false;
    }
    const WriteOutcome outcome = writeFileAtomically(fileName.toStdString(), format->serialize(document, charts));
    if (!outcome.ok && error)
        *error = QString::fromStdString(outcome.error);
    return outcome.ok;
}

} // namespace versus::gui
