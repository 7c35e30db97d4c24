// The runtime's own heap at the end of every sample (Sample::heapBytes), per runtime series, over sampling time.
#pragma once

#include <vector>

#include "plot_widget.h"

class QCPGraph;

namespace versus::gui {

class MemoryPlot final : public SamplePlot {
    Q_OBJECT
public:
    explicit MemoryPlot(const SampleStore& store, QWidget* parent = nullptr);

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;
    bool hasSeries() const override { return !m_series.empty(); }
    /// Appends the samples that arrived since the last call, one batch per series.
    void drawNewSamples() override;
    void clearSeries() override;

private:
    struct Series {
        QString key;
        QString name;
        QCPGraph* graph = nullptr;
        std::size_t drawn = 0;
    };

    std::vector<Series> m_series;
};

} // namespace versus::gui
