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

/// The samples of one implementation of one workload on one runtime, with their position on the time axis.
struct SampleSeries {
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
    SampleSeries& series(const QString& workloadId, const QString& runtimeId, const QString& flavour,
                         const QString& name = {});
    /// `arrivalSeconds` < 0: unknown, the sample's sampling time stands in for it.
    void add(const QString& workloadId, const QString& runtimeId, const QString& flavour, const Sample& sample,
             double arrivalSeconds = -1);
    /// A finished result: its steady-state index goes to its series.
    void setFinished(const Result& result);
    /// A result read from a file or a journal: its series with every sample, as if just measured.
    void addMeasured(const Result& result);
    /// Series of one workload, in the order they first appeared.
    std::vector<const SampleSeries*> seriesOf(const QString& workloadId) const;
    /// Workloads with at least one series, in order of appearance.
    QStringList workloads() const;
    std::size_t totalSamples() const;
    void clear();
    /// Workload id -> what one of its calls is, plural (callUnitsOf()): given to its series, now and later.
    void setCallUnits(QHash<QString, QString> callUnits);

private:
    QHash<QString, QString> m_callUnits;
    std::deque<SampleSeries> m_series;  // few series (workloads x runtimes): a linear search is fastest; stable refs
};

}  // namespace versus::gui
