// Every sample of the current run, per workload and runtime series, as the GUI thread drained them from the engine.
#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>

#include <deque>
#include <vector>

#include "result.h"
#include "runtime_palette.h"

namespace versus {
class Catalog;
}

namespace versus::gui {

/// What the sample charts show at once: one workload measured with one parameter set. A database run measures each
/// workload with a pool of 1 and of 8: two views, never one line or box mixing both.
struct ChartView {
    QString id;  ///< comparisonKey(): "db_point (clients=8, pool=1)"; the workload id alone when it has no parameters
    QString workloadId;
    QString params;  ///< formatParams(): "clients=8, pool=1"
};
ChartView chartView(const std::string& workloadId, const ParamValues& params);
ChartView chartViewOf(const Result& result);
/// The parameters of `view` that tell it from the other views of its workload in `views` ("pool=8"); "" when it has
/// no other.
QString distinctParameters(const ChartView& view, const std::vector<ChartView>& views);
/// The title of `view` in a list of `views`: the workload's title, followed by the parameters that tell it from the
/// other views of its workload when there are any ("Database: point lookup (pool=8)").
QString chartViewTitle(const ChartView& view, const std::vector<ChartView>& views, const QString& workloadTitle);

/// The samples of one implementation of one workload on one runtime, with their position on the time axis.
struct SampleSeries {
    QString view;  ///< ChartView::id
    QString workloadId;
    QString key;  ///< RuntimePalette::seriesKey: "python/plain"
    QString name;  ///< "CPython (embedded)" or "CPython (embedded) + NumPy"
    QString flavour;  ///< "plain", "express"
    QColor color;  ///< style.color
    SeriesStyle style;  ///< RuntimePalette::style of its runtime and flavour
    /// What one call of the workload is, plural (its manifest's metric.call_unit, MetricSpec::callUnit): "requests" for
    /// http, whose throughput axis says "requests per second"; empty for plain calls.
    QString callUnit;
    std::vector<Sample> samples;
    std::vector<double> endSeconds;  ///< per sample: sampling time of this series so far, in seconds
    std::vector<double> callsPerSecond;
    /// per sample: seconds since the run started when the GUI drained it (the memory chart's time axis); for
    /// results read from a file, where no clock is known, the sampling time (endSeconds)
    std::vector<double> arrivalSeconds;
    double warmupEndSeconds = 0;  ///< end of the series' first block of warm-up samples; 0 when there is none
    std::size_t warmupSampleCount = 0;  ///< samples in that first block
    /// Summary::steadyStateIndex once the result is in (a Sample::index); -1 while the series is being measured.
    int steadyStateIndex = -1;
};

/// Workload id -> its manifest's call unit ("http" -> "requests"), for the workloads that name one.
QHash<QString, QString> callUnitsOf(const Catalog& catalog);
/// What one call of `series` is, from the first that names its unit: "requests" ("request" when `plural` is false),
/// "queries" ("query"); "calls" ("call") when none does.
QString callUnitName(const std::vector<const SampleSeries*>& series, bool plural);

/// GUI thread only. Plots keep how many samples of each series they have drawn and append the rest in one batch.
class SampleStore {
public:
    /// Declares a series (idempotent); samples for an undeclared series declare it with the runtime id as name.
    SampleSeries& series(const ChartView& view, const QString& runtimeId, const QString& flavour,
                         const QString& name = {});
    /// `arrivalSeconds` < 0: unknown, the sample's sampling time stands in for it.
    void add(const ChartView& view, const QString& runtimeId, const QString& flavour, const Sample& sample,
             double arrivalSeconds = -1);
    /// A finished result: its steady-state index goes to its series.
    void setFinished(const Result& result);
    /// A result read from a file or a journal: its series with every sample, as if just measured.
    void addMeasured(const Result& result);
    /// Series of one view (ChartView::id), in the order they first appeared.
    std::vector<const SampleSeries*> seriesOf(const QString& viewId) const;
    /// Views with at least one series, in order of appearance.
    const std::vector<ChartView>& views() const { return m_views; }
    std::size_t totalSamples() const;
    void clear();
    /// Workload id -> what one of its calls is, plural (callUnitsOf()): given to its series, now and later.
    void setCallUnits(QHash<QString, QString> callUnits);

private:
    QHash<QString, QString> m_callUnits;
    std::vector<ChartView> m_views;
    std::deque<SampleSeries> m_series;  // few series (workloads x runtimes): a linear search is fastest; stable refs
};

}  // namespace versus::gui
