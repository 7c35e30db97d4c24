// The journal path from Qt's per-user application data folder.
#include "journal_location.h"

#include <QStandardPaths>

namespace versus::gui {

std::filesystem::path defaultJournalPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return std::filesystem::path(folder.toStdString()) / "journal.jsonl";
}

}  // namespace versus::gui
