// The widget side through the versus-gui program, so that `versus` itself links no Qt library: the window replaces
// this process (exec); charts are drawn by a short-lived versus-gui child from a results file.
#pragma once

#include <filesystem>

#include "gui_backend.h"

namespace versus::cli {

/// versus-gui: $VERSUS_GUI, else the one next to the running executable (build tree and install alike); the error
/// says how to get it.
Expected<std::filesystem::path> guiProgram();

class GuiProcess final : public GuiBackend {
public:
    int startWindow(const std::vector<std::string>& arguments) override;
    Expected<void> renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height,
                                double dpi) override;
    Expected<std::vector<ChartSvg>> reportCharts(const ResultsDocument& document) override;
};

}  // namespace versus::cli
