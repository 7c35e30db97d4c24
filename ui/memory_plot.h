// The runtime's own heap at the end of every sample (Sample::heapBytes), per runtime series, over sampling time.
#pragma once

#include <vector>

#include "plot_widget.h"

class QCPGraph;

namespace versus::gui {

class SampleStore;

class MemoryPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit MemoryPlot(const SampleStore& store, QWidget* parent = nullptr);

    void showWorkload(const QString& workloadId);
    QString workload() const { return m_workloadId; }
    /// Appends the samples that arrived since the last call, one batch per series.
    void refresh();
    void clear();

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;

private:
    struct Series {
        QString key;
        QString name;
        QCPGraph* graph = nullptr;
        std::size_t drawn = 0;
    };

    const SampleStore& m_store;
    QString m_workloadId;
    std::vector<Series> m_series;
};

} // namespace versus::gui
