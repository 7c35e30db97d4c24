// What the command line needs from the widget side: the window, chart files and the HTML report's charts. `versus`
// reaches them through the versus-gui program (GuiProcess), so its headless commands load no Qt library at all;
// `versus-gui` has them in process (GuiInProcess).
#pragma once

#include <string>
#include <vector>

#include "expected.h"
#include "exporters.h"
#include "result.h"

namespace versus::cli {

class GuiBackend {
public:
    virtual ~GuiBackend() = default;
    /// Opens the window with `arguments` (Qt's options, --screenshot FILE, ...); returns its exit status. May not
    /// return at all (GuiProcess replaces the process).
    virtual int startWindow(const std::vector<std::string>& arguments) = 0;
    /// The chart page of `results` to `file` (.png, .svg or .pdf), as gui::renderCharts.
    virtual Expected<void> renderCharts(const std::vector<Result>& results, const std::string& file, int width,
                                        int height, double dpi) = 0;
    /// Each chart as SVG for the HTML report, as gui::renderReportCharts.
    virtual Expected<std::vector<ChartSvg>> reportCharts(const ResultsDocument& document) = 0;
};

}  // namespace versus::cli
