// The result file formats File > Export offers, each a serializer from core; writing the bytes is done here.
#pragma once

#include <QString>

#include <functional>
#include <string>
#include <vector>

#include "result.h"
#include "results_json.h"

namespace versus::gui {

class ResultsExport {
public:
    struct Format {
        QString name;    ///< "JSON"
        QString suffix;  ///< "json"
        std::function<std::string(const std::vector<Result>&, const RunMetadata&, const HarnessOptions&)> serialize;
    };

    /// Every format the window can save results in. HOOK: core/exporters/ (Markdown, CSV, HTML; being written)
    /// plug in here with one entry each; nothing else in the UI needs to change.
    static std::vector<Format> formats();
    /// "JSON (*.json);;..." for QFileDialog.
    static QString fileDialogFilter();
    /// Serialises with the format matching the file's suffix and writes the file. False with `error` set when the
    /// suffix is unknown or the file cannot be written.
    static bool write(const QString& fileName, const std::vector<Result>& results, const RunMetadata& metadata,
                      const HarnessOptions& options, QString* error);
};

} // namespace versus::gui
