// The charts of a finished run built off-screen: the summary of speed ratios, then the throughput over time of each
// workload (a page: renderCharts), or every chart the window shows for the run (HTML reports, one by one, and the
// window's "All charts on one page").
#pragma once

#include <QSize>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "result.h"
#include "results_file.h"

class QCPPainter;
class QWidget;

namespace versus {
class Catalog;
}

namespace versus::gui {

class PlotWidget;
class SampleStore;

class ChartSet {
public:
    enum class Contents {
        Page,  ///< the summary, then throughput per workload: what paint() lays out
        Report,  ///< the summary, then per workload its throughput, memory (the run's sampler series and GC
        ///< events when the document has them) and distribution; then, when the results hold them, the HTTP
        ///< latency percentiles, the scaling with workers and the memory against connections
    };
    /// `catalog`: the manifests of the document's workloads, for the article's bands on the summary (their claims) and
    /// the throughput axes (what a call is: "requests per second").
    ChartSet(const ResultsDocument& document, const Catalog& catalog, Contents contents = Contents::Page);
    ~ChartSet();
    ChartSet(const ChartSet&) = delete;
    ChartSet& operator=(const ChartSet&) = delete;

    /// The summary first, then the charts of each workload with samples, in the order Contents names them.
    const std::vector<PlotWidget*>& plots() const { return m_plots; }
    /// The page for a requested width x height: the summary on top, the other charts two per row below, every row
    /// height / 2 tall (so the first two rows are exactly the requested size).
    QSize pageSize(QSize requested) const;
    /// Paints every chart at its place on the page into `painter`, whose origin is the page's top left.
    void paint(QCPPainter& painter, QSize requested) const;

private:
    /// Keeps `plot` when it has something to show, else deletes it.
    void addIfDrawn(PlotWidget* plot, bool drawn);

    std::unique_ptr<SampleStore> m_store;
    std::unique_ptr<QWidget> m_host;  // parent of the plot widgets, never shown
    std::vector<PlotWidget*> m_plots;
};

}  // namespace versus::gui
