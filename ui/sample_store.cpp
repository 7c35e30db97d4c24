// Keeps the drained samples and the derived per-sample values the plots draw (time axis, calls per second).
#include "sample_store.h"

#include "catalog.h"
#include "runtime_palette.h"
#include "series_label.h"

namespace versus::gui {

SampleSeries& SampleStore::series(const QString& workloadId, const QString& runtimeId, const QString& flavour,
                                  const QString& name)
{
    const QString key = RuntimePalette::seriesKey(runtimeId, flavour);
    for (auto& s : m_series)
        if (s.workloadId == workloadId && s.key == key) {
            if (!name.isEmpty())
                s.name = name;
            return s;
        }
    SampleSeries s;
    s.workloadId = workloadId;
    s.key = key;
    s.name = name.isEmpty() ? runtimeId : name;
    s.flavour = flavour.isEmpty() ? QStringLiteral("plain") : flavour;
    s.style = RuntimePalette::style(runtimeId, flavour);
    s.color = s.style.color;
    s.callUnit = m_callUnits.value(workloadId);
    m_series.push_back(std::move(s));
    return m_series.back();
}

void SampleStore::add(const QString& workloadId, const QString& runtimeId, const QString& flavour, const Sample& sample,
                      double arrivalSeconds)
{
    SampleSeries& s = series(workloadId, runtimeId, flavour);
    const double seconds = static_cast<double>(sample.elapsedNs) / 1e9;
    const double end = (s.endSeconds.empty() ? 0.0 : s.endSeconds.back()) + seconds;
    s.samples.push_back(sample);
    s.endSeconds.push_back(end);
    s.arrivalSeconds.push_back(arrivalSeconds >= 0 ? arrivalSeconds : end);
    s.callsPerSecond.push_back(seconds > 0 ? static_cast<double>(sample.innerLoops) / seconds : 0.0);
    // The first warm-up only: later rounds of an interleaved plan warm up again, and a band reaching to their end
    // would shade measured samples (those warm-ups are still drawn as hollow markers).
    if (sample.warmup && s.samples.size() - 1 == s.warmupSampleCount) {  // every sample so far was a warm-up
        s.warmupEndSeconds = end;
        ++s.warmupSampleCount;
    }
}

void SampleStore::setFinished(const Result& result)
{
    const QString workloadId = QString::fromStdString(result.workloadId);
    const QString runtimeId = QString::fromStdString(result.runtimeId);
    const QString flavour = QString::fromStdString(result.flavour);
    series(workloadId, runtimeId, flavour).steadyStateIndex = result.summary.steadyStateIndex;
}

void SampleStore::addMeasured(const Result& result)
{
    const QString workloadId = QString::fromStdString(result.workloadId);
    const QString runtimeId = QString::fromStdString(result.runtimeId);
    const QString flavour = QString::fromStdString(result.flavour);
    series(workloadId, runtimeId, flavour, seriesLabel(result));
    for (const Sample& sample : result.samples)
        add(workloadId, runtimeId, flavour, sample);
    if (result.ok())
        setFinished(result);
}

void SampleStore::setCallUnits(QHash<QString, QString> callUnits)
{
    m_callUnits = std::move(callUnits);
    for (SampleSeries& s : m_series)
        s.callUnit = m_callUnits.value(s.workloadId);
}

QHash<QString, QString> callUnitsOf(const Catalog& catalog)
{
    QHash<QString, QString> units;
    for (const Workload& w : catalog.workloads())
        if (!w.metric.callUnit.empty())
            units.insert(QString::fromStdString(w.id), QString::fromStdString(w.metric.callUnit));
    return units;
}

QString callUnitName(const std::vector<const SampleSeries*>& series, bool plural)
{
    QString unit = QStringLiteral("calls");
    for (const SampleSeries* s : series)
        if (!s->callUnit.isEmpty()) {
            unit = s->callUnit;
            break;
        }
    if (plural)
        return unit;
    if (unit.endsWith(QLatin1String("ies")))
        return unit.chopped(3) + QLatin1Char('y');
    return unit.endsWith(QLatin1Char('s')) ? unit.chopped(1) : unit;
}

std::vector<const SampleSeries*> SampleStore::seriesOf(const QString& workloadId) const
{
    std::vector<const SampleSeries*> out;
    for (const auto& s : m_series)
        if (s.workloadId == workloadId)
            out.push_back(&s);
    return out;
}

QStringList SampleStore::workloads() const
{
    QStringList ids;
    for (const auto& s : m_series)
        if (!ids.contains(s.workloadId))
            ids << s.workloadId;
    return ids;
}

std::size_t SampleStore::totalSamples() const
{
    std::size_t n = 0;
    for (const auto& s : m_series)
        n += s.samples.size();
    return n;
}

void SampleStore::clear()
{
    m_series.clear();
}

}  // namespace versus::gui
