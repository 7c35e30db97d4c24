// Memory over the run: the runtime's own heap at the end of every sample (Sample::heapBytes) per runtime series,
// the MemorySampler's series (process RSS, children's RSS, cheap heap counters) as dashed lines, and garbage
// collections as tick markers, all on one time axis: seconds since the run started (steady clock).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "plot_widget.h"

class QCPGraph;

namespace versus {
struct ResultsDocument;
}

namespace versus::gui {

class MemoryPlot final : public SamplePlot {
    Q_OBJECT
public:
    explicit MemoryPlot(const SampleStore& store, QWidget* parent = nullptr);

    /// Forgets the sampler series and GC markers of the last run; times of the next ones are relative to
    /// `runStartNs` (steady clock, nanoseconds).
    void startRun(std::int64_t runStartNs);
    /// One point of a MemoryEvent (steady-clock timestamp); shown whatever workload is shown, as it is run-wide.
    void addMemoryPoint(const std::string& series, std::int64_t timestampNs, std::int64_t bytes);
    /// A GcEvent: a tick marker at the bottom of the chart, the pause in its tooltip.
    /// `runtimeId` gives the marker its runtime's colour; empty (older files): guessed from the name.
    void addGcEvent(const std::string& runtime, std::int64_t timestampNs, std::int64_t pauseNs,
                    const std::string& runtimeId = {});
    /// Whether each runtime's heap at every sample is drawn (live runs, and files without sampler series). A results
    /// file knows its samples' sampling time but not when they arrived; its sampler series, heaps included, are on
    /// the run's clock, so with them the per-sample series would sit on a different time axis.
    void setPerSampleHeap(bool shown);
    /// A finished run's memory from its results document: the sampler series and GC events on the run's clock; with
    /// them the per-sample heaps are left out (setPerSampleHeap), without them (older files) they are drawn.
    void showDocumentMemory(const ResultsDocument& document);
    /// Points held by the sampler series called `series` ("Versus process RSS"); 0 when there is none.
    int sampledPointCount(const QString& series) const;
    /// GC markers drawn so far.
    int gcMarkerCount() const;

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
    struct RunSeries {
        QString name;
        QCPGraph* graph = nullptr;
        std::vector<std::pair<double, std::int64_t>> pausesNs;  ///< GC markers: time (s) and pause, in arrival order
    };
    double secondsOf(std::int64_t timestampNs) const;

    std::vector<Series> m_series;  // per sample heap of the shown workload
    std::vector<RunSeries> m_sampled;  // MemorySampler series of the run
    std::vector<RunSeries> m_gc;  // GC markers per runtime, on the hidden second value axis
    std::int64_t m_runStartNs = 0;
    bool m_perSampleHeap = true;
};

}  // namespace versus::gui
