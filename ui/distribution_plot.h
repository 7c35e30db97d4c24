// Distribution of per-call times of the measured samples: one box plot per runtime series and the samples as dots
// (up to kMaxDots per series; beyond that, evenly spaced quantiles of them, which keep the shape at a bounded cost).
#pragma once

#include <QElapsedTimer>

#include <vector>

#include "plot_widget.h"

class QCPGraph;
class QCPItemText;
class QCPStatisticalBox;
class QTimer;

namespace versus::gui {

class DistributionPlot final : public SamplePlot {
    Q_OBJECT
public:
    explicit DistributionPlot(const SampleStore& store, QWidget* parent = nullptr);

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    /// Over a box's name under the chart: the whole name (the axis may show it elided).
    QString describeAt(QPointF pos) const override;
    void fitAxes() override;
    bool hasSeries() const override { return !m_series.empty(); }
    /// Recomputes the boxes when a series received samples since the last call; with many samples on the chart, at
    /// most every kMinRebuildIntervalMs (a deferred rebuild catches the last ones).
    void drawNewSamples() override;
    void clearSeries() override;
    /// Box names fit their slot on the axis: wrapped to two lines, or slanted and elided when that is not enough
    /// (the box's tooltip has the whole name).
    void adaptToSize(QSize size) override;

private:
    struct Series {
        QString key;
        QString name;
        QCPStatisticalBox* box = nullptr;
        QCPGraph* dots = nullptr;
        std::size_t seen = 0;
        bool thinned = false;  // the dots are evenly spaced quantiles, not every sample
        int outlierCount = 0;  // all of them, also when fewer are drawn
        std::vector<double> sorted;  // every per-call time, in display units, ascending
        double lowerWhisker = 0;
        double upperWhisker = 0;
        QCPItemText* beyond = nullptr;  // "12 above, up to 14 ms" when samples lie outside the value range
    };
    void rebuild();
    /// Before each replot: per box, how many samples the value range leaves out, above or below.
    void labelSamplesOutsideRange();

    std::vector<Series> m_series;
    QTimer* m_deferred = nullptr;
    QElapsedTimer m_sinceRebuild;
    double m_unitNs = 1;  // ns per displayed unit
    QString m_unitName;
    QString m_callName =
        QStringLiteral("call");  ///< what one call of the shown workload is: "call", "query", "request"
};

}  // namespace versus::gui
