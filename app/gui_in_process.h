// The widget side in this process: what versus-gui links (Qt Widgets, QCustomPlot).
#pragma once

#include "gui_backend.h"

namespace versus::cli {

class GuiInProcess final : public GuiBackend {
public:
    int startWindow(const std::vector<std::string>& arguments) override;
    Expected<void> renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height,
                                double dpi) override;
    Expected<std::vector<ChartSvg>> reportCharts(const ResultsDocument& document) override;
};

}  // namespace versus::cli
