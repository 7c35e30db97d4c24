// Per workload, how many times slower than the fastest runtime each series is (median per call), on a log axis.
#pragma once

#include <vector>

#include "plot_widget.h"
#include "result.h"

class QCPAbstractItem;

namespace versus::gui {

class SummaryPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit SummaryPlot(QWidget* parent = nullptr);

    /// Redraws from the successful results; failed ones are left out (the table shows them).
    void setResults(const std::vector<Result>& results);
    /// The summary's value axis is always logarithmic: ratios are compared multiplicatively.
    void setLogScale(bool) override {}

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;

private:
    struct Point {
        QString workload;
        QString series;
        double medianNs = 0;
        double madNs = 0;
        double ratio = 1;
    };
    std::vector<std::pair<QCPAbstractPlottable*, std::vector<Point>>> m_points;  // per graph, in data order
    std::vector<QCPAbstractItem*> m_items;
    int m_groups = 0;
    double m_maxRatio = 1;
};

} // namespace versus::gui
