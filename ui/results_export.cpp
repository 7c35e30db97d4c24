// Format table for result export; core serialises (exporters return bytes), the UI writes the file.
#include "results_export.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

namespace versus::gui {

std::vector<ResultsExport::Format> ResultsExport::formats()
{
    return {
        {QStringLiteral("JSON"), QStringLiteral("json"), &resultsToJson},
    };
}

QString ResultsExport::fileDialogFilter()
{
    QStringList filters;
    for (const Format& f : formats())
        filters << QStringLiteral("%1 (*.%2)").arg(f.name, f.suffix);
    return filters.join(QStringLiteral(";;"));
}

bool ResultsExport::write(const QString& fileName, const std::vector<Result>& results, const RunMetadata& metadata,
                          const HarnessOptions& options, QString* error)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const Format& f : formats()) {
        if (f.suffix != suffix)
            continue;
        const std::string bytes = f.serialize(results, metadata, options) + "\n";
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !file.commit()) {
            if (error)
                *error = QObject::tr("Could not write '%1': %2").arg(fileName, file.errorString());
            return false;
        }
        return true;
    }
    if (error) {
        QStringList suffixes;
        for (const Format& f : formats())
            suffixes << QLatin1Char('.') + f.suffix;
        *error = QObject::tr("Cannot save results as '%1': use one of %2.").arg(fileName, suffixes.join(QStringLiteral(", ")));
    }
    return false;
}

} // namespace versus::gui
