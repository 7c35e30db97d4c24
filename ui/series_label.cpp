// Series labels for legends and rows: one wording of "raced" everywhere.
#include "series_label.h"

#include <QCoreApplication>

#include "headline.h"
#include "result.h"

namespace versus::gui {

QString seriesLabel(const QString& seriesName, bool raced)
{
    return raced ? seriesName + QCoreApplication::translate("versus::gui", ", raced") : seriesName;
}

QString compactSeriesLabel(const QString& name)
{
    return QString(name).remove(QCoreApplication::translate("versus::gui", " (embedded)"));
}

QString seriesLabel(const Result& result)
{
    return seriesLabel(QString::fromStdString(result.seriesName()), !racedNote(result).empty());
}

}  // namespace versus::gui
