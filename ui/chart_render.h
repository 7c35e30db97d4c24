// Charts of finished results to files and SVG text, for the CLI (`versus run --chart`, `versus report`). Qt-free
// header: callers need not include Qt. Works without a display.
#pragma once

#include <string>
#include <vector>

#include "result.h"

namespace versus::gui {

/// Writes the chart set of `results` (the summary of speed ratios with 95% CIs and the article's claimed ranges on
/// top, then the throughput over time of each workload, two per row) to `file`: PNG, SVG or PDF by its extension.
/// `width` x `height` is the size of the summary plus the first row of throughput charts, in logical pixels (1/96
/// inch); more than two workloads add rows of height / 2 each. PNGs have `dpi` / 96 device pixels per logical
/// pixel and record `dpi`; SVG and PDF are vector and ignore it. Creates a QApplication on the "offscreen" platform
/// when the process has none (and none with a display when DISPLAY and WAYLAND_DISPLAY are unset), so it runs in a
/// headless CLI; call it from the main thread. False with `error` set when the extension is unknown, the file cannot
/// be written, or the process runs a non-widget Qt application.
bool renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height, double dpi,
                  std::string* error);

/// The same chart set as SVG text (without XML declaration, ready for htmlReport's ChartSvg); empty with `error`
/// set on failure.
std::string renderChartSvg(const std::vector<Result>& results, int width, int height, std::string* error = nullptr);

} // namespace versus::gui
