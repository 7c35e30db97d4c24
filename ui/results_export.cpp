// Format table for result export; core serialises (exporters return bytes), writeOutputFile writes.
#include "results_export.h"

#include <QObject>
#include <QStringList>

#include "export_formats.h"
#include "exporters.h"
#include "results_file.h"

namespace versus::gui {

QString ResultsExport::Format::filter() const
{
    return QStringLiteral("%1 (*.%2)").arg(name, suffix);
}

const std::vector<ResultsExport::Format>& ResultsExport::formats()
{
    // core's one export table, with names the window can translate.
    static const std::vector<Format> all = [] {
        std::vector<Format> formats;
        for (const ExportFormat& f : exportFormats())
            formats.push_back({QObject::tr(f.name.c_str()), QString::fromStdString(f.suffix), &f});
        return formats;
    }();
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
    // The extension the user typed wins; the dialog's filter only decides for a name without a known one.
    if (const ExportFormat* byName = exportFormatForFile(fileName.toStdString()))
        for (const Format& f : formats())
            if (f.format == byName)
                return &f;
    for (const Format& f : formats())
        if (f.filter() == selectedFilter)
            return &f;
    return nullptr;
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
    const auto written = writeExport(fileName.toStdString(), format->format, document, charts);
    if (!written && error)
        *error = QString::fromStdString(written.error());
    return written.ok();
}

}  // namespace versus::gui
