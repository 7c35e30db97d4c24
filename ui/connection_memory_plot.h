// Memory against idle connections (idle_connections): per server model the runtime's RSS growth at each step held,
// the fitted bytes per connection in the legend, and the article's figures as reference lines (2 KB per connection
// for an event loop, 1 MB per thread, Node.js's 10,000 connections in 20 MB). GUI thread only.
#pragma once

#include <vector>

#include "plot_widget.h"
#include "result.h"

class QCPAbstractItem;

namespace versus::gui {

class ConnectionMemoryPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit ConnectionMemoryPlot(QWidget* parent = nullptr);

    /// Redraws from the successful idle_connections results (their rss_delta_bytes_at_N and bytes_per_connection);
    /// other results are ignored. Called again as each result completes.
    void setResults(const std::vector<Result>& results);
    /// Server series drawn by the last setResults(), reference lines not counted.
    int seriesCount() const { return m_series; }

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;

private:
    int m_series = 0;
    double m_maxConnections = 1;
    double m_maxMb = 1;
    std::vector<QCPAbstractItem*> m_items;  // the 20 MB marker and its label, owned by the plot
};

}  // namespace versus::gui
