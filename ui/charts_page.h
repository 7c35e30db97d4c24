// The Charts tab: headline, environment banner and the four live plots, fed from the run's events through one
// SampleStore, and the summary and headlines computed off the GUI thread. GUI thread only.
#pragma once

#include <QHash>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "events.h"
#include "sample_store.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace versus {
class Catalog;
struct ChartSvg;
struct ResultAnalysis;
struct ResultsDocument;
}  // namespace versus

namespace versus::gui {

class ConnectionMemoryPlot;
class DistributionPlot;
class HttpLatencyPlot;
class MemoryPlot;
class PlotWidget;
class ResultAnalyzer;
class ScalingPlot;
class SummaryPlot;
class ThroughputPlot;
class VerdictPane;

class ChartsPage final : public QWidget {
    Q_OBJECT
public:
    /// The catalog's claims become the summary plot's bands.
    explicit ChartsPage(const Catalog& catalog, QWidget* parent = nullptr);
    ~ChartsPage() override;

    // A run, event by event (the window's RunObserver hands them on).
    /// Clears every plot for a new run whose memory chart starts at `clockOriginNs` (steady clock).
    void beginRun(std::int64_t clockOriginNs);
    /// A result started: its series is declared and its view (the workload with `params`) offered in Show, and
    /// shown when it is the run's first.
    void itemStarted(const ItemKey& key, const ParamValues& params, const QString& workloadTitle,
                     const QString& seriesName);
    /// Placed on the memory chart's time axis when drained (at most one drain tick late).
    void addSample(const SampleEvent& e);
    void addMemory(const MemoryEvent& e);
    void addGc(const GcEvent& e);
    void resultFinished(const Result& result);
    /// After a batch of events: one batch per plot, then one queued replot each.
    void refresh();
    /// The plan ended with `summary`; the final analysis of `results` follows, then analysisSettled().
    void endRun(const QString& summary, const std::vector<Result>& results, bool cancelled);

    /// Queues the summary and headlines of `results`; `fallbackHeadline` is shown when there are none.
    void analyse(const std::vector<Result>& results, const QString& fallbackHeadline);
    /// True while the summary and headlines of the latest results are still being computed.
    bool analysisPending() const;

    /// Replaces what the plots show with `document`, as if it had just been measured.
    void showDocument(const ResultsDocument& document);
    /// Warnings above the plots, under "`when`: what may make the numbers noisy or biased"; none hides the banner.
    void showEnvironmentWarnings(const std::vector<std::string>& warnings, const QString& when);
    /// The environment warnings shown above the plots; empty when the banner is hidden.
    QString environmentBannerText() const;

    void setLogScale(bool on);
    /// What the Log scale box says (exports draw their axes the same way).
    bool logScale() const;
    void resetZoom();

    /// Throughput, memory, distribution and summary, in that order.
    const std::vector<PlotWidget*>& plots() const { return m_plots; }
    ThroughputPlot* throughputPlot() const { return m_throughput; }
    MemoryPlot* memoryPlot() const { return m_memory; }
    DistributionPlot* distributionPlot() const { return m_distribution; }
    SummaryPlot* summaryPlot() const { return m_summary; }
    /// The concurrency charts (scaling, memory against connections), shown in a row of their own while the results
    /// hold cpu_parallel or idle_connections.
    std::vector<PlotWidget*> concurrencyPlots() const;
    ScalingPlot* scalingPlot() const { return m_scaling; }
    ConnectionMemoryPlot* connectionMemoryPlot() const { return m_connectionMemory; }
    /// The http workload's latency percentiles; visible only while http results are shown.
    HttpLatencyPlot* httpLatencyPlot() const { return m_httpLatency; }
    /// The verdicts over the charts: those of the workload shown, in a pane of bounded height.
    VerdictPane* verdictPane() const { return m_verdicts; }

signals:
    /// The "Log scale" box was toggled.
    void logScaleToggled(bool on);
    /// The analysis after endRun() is shown (or was dropped for a new run): the run's last state is drawn.
    void analysisSettled(bool cancelled);

private:
    /// The sample charts show `viewId` (ChartView::id); the verdicts, its workload's.
    void showViewInPlots(const QString& viewId);
    /// `view` is offered in Show; every entry of its workload is titled again with the parameters that tell them
    /// apart.
    void offerView(const ChartView& view, const QString& workloadTitle);
    quint64 request(const std::vector<Result>& results, const QString& fallbackHeadline);
    void showAnalysis(quint64 ticket, const std::shared_ptr<const ResultAnalysis>& analysis);
    /// Emits analysisSettled once the queued replots ran.
    void settleLater(bool cancelled);

    std::unique_ptr<SampleStore> m_store;
    ResultAnalyzer* m_analyzer = nullptr;
    std::int64_t m_runStartNs = 0;  // steady clock at the start of the run: the memory chart's zero
    bool m_followRunningWorkload = true;  // until the run's first workload is shown, or the user picks one
    QHash<int, ChartView> m_itemViews;  // plan item -> its view, for its samples
    QHash<QString, QString> m_workloadTitles;  // workload id -> title, for the Show entries
    quint64 m_firstCurrentTicket = 0;  // analyses requested before this belong to a cleared run: dropped
    quint64 m_finalTicket = 0;  // the analysis after the plan ended: analysisSettled waits for it
    bool m_finalCancelled = false;
    QString m_fallbackHeadline;

    VerdictPane* m_verdicts = nullptr;
    QLabel* m_environmentBanner = nullptr;
    QComboBox* m_shownWorkload = nullptr;
    QCheckBox* m_logScale = nullptr;
    ThroughputPlot* m_throughput = nullptr;
    MemoryPlot* m_memory = nullptr;
    DistributionPlot* m_distribution = nullptr;
    SummaryPlot* m_summary = nullptr;
    ScalingPlot* m_scaling = nullptr;
    ConnectionMemoryPlot* m_connectionMemory = nullptr;
    HttpLatencyPlot* m_httpLatency = nullptr;
    std::vector<PlotWidget*> m_plots;
};

}  // namespace versus::gui
