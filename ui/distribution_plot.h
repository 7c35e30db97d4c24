// Distribution of per-call times of the measured samples: one box plot per runtime series, every sample as a dot.
#pragma once

#include <vector>

#include "plot_widget.h"

class QCPGraph;
class QCPStatisticalBox;

namespace versus::gui {

class DistributionPlot final : public SamplePlot {
    Q_OBJECT
public:
    explicit DistributionPlot(const SampleStore& store, QWidget* parent = nullptr);

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;
    bool hasSeries() const override { return !m_series.empty(); }
    /// Recomputes the boxes of series that received samples since the last call.
    void drawNewSamples() override;
    void clearSeries() override;

private:
    struct Series {
        QString key;
        QString name;
        QCPStatisticalBox* box = nullptr;
        QCPGraph* dots = nullptr;
        std::size_t seen = 0;
    };
    void rebuild();

    std::vector<Series> m_series;
    double m_unitNs = 1;    // ns per displayed unit
    QString m_unitName;
};

} // namespace versus::gui
