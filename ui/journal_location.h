// Where the workbench looks for the journal of a run that did not finish. Qt-free header.
#pragma once

#include <filesystem>

namespace versus::gui {

/// QStandardPaths::AppDataLocation/journal.jsonl ("~/.local/share/Versus/Versus/journal.jsonl" on Linux). The
/// QApplication's organisation and application names must be set first; they are part of the path.
std::filesystem::path defaultJournalPath();

}  // namespace versus::gui
