// Charts of finished results to files and SVG text, for `versus run --chart`, HTML reports and the window's
// report export. Qt-free header: callers need not include Qt. Works without a display.
#pragma once

#include <string>
#include <vector>

#include "chart_set.h"
#include "expected.h"
#include "exporters.h"
#include "result.h"

namespace versus::gui {

/// Writes the chart set of `results` (the summary of speed ratios with 95% CIs and the article's claimed ranges on
/// top, then the throughput over time of each workload, two per row) to `file` with writeOutputFile(): PNG, SVG or
/// PDF by its extension. `width` x `height` is the size of the summary plus the first row of throughput charts, in
/// logical pixels (1/96 inch); more than two workloads add rows of height / 2 each. PNGs have `dpi` / 96 device
/// pixels per logical pixel and record `dpi`; SVG and PDF are vector and ignore it. Creates a QApplication on the
/// "offscreen" platform when the process has none (and none with a display when DISPLAY and WAYLAND_DISPLAY are
/// unset); call it from the main thread. Fails when the extension is unknown, the file cannot be written, or the
/// process runs a non-widget Qt application.
Expected<void> renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height,
                            double dpi);
/// renderCharts() of a whole document with a choice of charts: Contents::Report puts every chart of each workload
/// (throughput, memory, distribution) on the page, as the window's "All charts on one page" does, and `logScale`
/// draws the value axes as the window shows them.
Expected<void> renderChartPage(const ResultsDocument& document, const std::string& file, int width, int height,
                               double dpi, ChartSet::Contents contents, bool logScale);

/// Every chart of the document one by one as SVG text (without XML declaration), for the HTML report: the summary,
/// then each workload's throughput over time, memory and distribution, then the HTTP latency, scaling and
/// connection-memory charts when the results hold them (ChartSet::Contents::Report). The CLI and the window both build their
/// reports from this, so the same file name gives the same report.
Expected<std::vector<ChartSvg>> renderReportCharts(const ResultsDocument& document);

}  // namespace versus::gui
