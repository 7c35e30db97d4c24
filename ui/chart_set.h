// The charts of a finished set of results built off-screen: the summary of speed ratios, then throughput over time
// of each workload; painted together on one page (renderCharts) or one by one (HTML reports).
#pragma once

#include <QSize>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "result.h"

class QCPPainter;
class QWidget;

namespace versus::gui {

class PlotWidget;
class SampleStore;

class ChartSet {
public:
    /// `workloadClaims`: workload id -> the manifest's claim id, for the article's bands on the summary.
    ChartSet(const std::vector<Result>& results, std::map<std::string, std::string> workloadClaims);
    ~ChartSet();
    ChartSet(const ChartSet&) = delete;
    ChartSet& operator=(const ChartSet&) = delete;

    /// The summary first, then one throughput chart per workload with samples.
    const std::vector<PlotWidget*>& plots() const { return m_plots; }
    /// The page for a requested width x height: the summary on top, throughput charts two per row below, every row
    /// height / 2 tall (so the first two rows are exactly the requested size).
    QSize pageSize(QSize requested) const;
    /// Paints every chart at its place on the page into `painter`, whose origin is the page's top left.
    void paint(QCPPainter& painter, QSize requested) const;

private:
    std::unique_ptr<SampleStore> m_store;
    std::unique_ptr<QWidget> m_host;  // parent of the plot widgets, never shown
    std::vector<PlotWidget*> m_plots;
};

} // namespace versus::gui
