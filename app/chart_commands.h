// The hidden commands through which `versus` asks versus-gui for charts: `render-charts` (a chart page to a file)
// and `report-charts` (each chart as SVG, in a JSON array, for HTML reports). Both read a results file.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "gui_backend.h"

namespace versus::cli {

struct ChartOptions {
    std::string input;  ///< a results file
    std::string output;  ///< the chart file (render-charts) or the JSON array of SVGs (report-charts)
    int width = 1200, height = 800;
    double dpi = 144;
};

void addRenderChartsOptions(CLI::App& command, ChartOptions& options);
void addReportChartsOptions(CLI::App& command, ChartOptions& options);
int renderChartsFromFile(const ChartOptions& options, GuiBackend& gui);
int reportChartsFromFile(const ChartOptions& options, GuiBackend& gui);

}  // namespace versus::cli
