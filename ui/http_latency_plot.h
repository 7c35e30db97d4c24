// The http workload's latency: one line per server and runtime over the last slice's p50, p90, p99 and max (from
// wrk's done() hook), on a log axis, each named with its requests/s and the article's figure where it gives one.
// The live requests/s per slice is the throughput chart (a call is one request there). GUI thread only.
#pragma once

#include <vector>

#include "plot_widget.h"
#include "result.h"

namespace versus::gui {

class HttpLatencyPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit HttpLatencyPlot(QWidget* parent = nullptr);

    /// Draws the successful results of the http workload among `results` (others are ignored).
    void showResults(const std::vector<Result>& results);
    /// Adds one finished result (a run in progress); ignored unless it is a successful http result.
    void addResult(const Result& result);
    void clear();
    /// The series drawn, in order: "Node.js (embedded) + Fastify: 2.1k req/s (article ~30k req/s)".
    QStringList seriesNames() const;
    /// True when at least one http result is drawn: the chart is shown only then.
    bool hasResults() const { return !m_results.empty(); }

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;

private:
    void rebuild();
    std::vector<Result> m_results;
};

}  // namespace versus::gui
