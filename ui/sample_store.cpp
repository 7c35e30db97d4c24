// Keeps the drained samples and the derived per-sample values the plots draw (time axis, calls per second).
#include "sample_store.h"

#include <algorithm>

#include "catalog.h"
#include "runtime_palette.h"
#include "series_label.h"
#include "text_format.h"

namespace versus::gui {

ChartView chartView(const std::string& workloadId, const ParamValues& params)
{
    return {QString::fromStdString(comparisonKey(workloadId, params)), QString::fromStdString(workloadId),
            QString::fromStdString(formatParams(params))};
}

ChartView chartViewOf(const Result& result)
{
    return chartView(result.workloadId, result.params);
}

QString distinctParameters(const ChartView& view, const std::vector<ChartView>& views)
{
    const QString separator = QStringLiteral(", ");
    std::vector<QStringList> others;
    for (const ChartView& v : views)
        if (v.workloadId == view.workloadId && v.id != view.id)
            others.push_back(v.params.split(separator, Qt::SkipEmptyParts));
    QStringList distinct;
    for (const QString& part : view.params.split(separator, Qt::SkipEmptyParts))
        if (!std::all_of(others.begin(), others.end(), [&](const QStringList& o) { return o.contains(part); }))
            distinct << part;
    return distinct.join(separator);
}

QString chartViewTitle(const ChartView& view, const std::vector<ChartView>& views, const QString& workloadTitle)
{
    const QString distinct = distinctParameters(view, views);
    return distinct.isEmpty() ? workloadTitle : QStringLiteral("%1 (%2)").arg(workloadTitle, distinct);
}

SampleSeries& SampleStore::series(const ChartView& view, const QString& runtimeId, const QString& flavour,
                                  const QString& name)
{
    const QString key = RuntimePalette::seriesKey(runtimeId, flavour);
    for (auto& s : m_series)
        if (s.view == view.id && s.key == key) {
            if (!name.isEmpty())
                s.name = name;
            return s;
        }
    if (std::none_of(m_views.begin(), m_views.end(), [&](const ChartView& v) { return v.id == view.id; }))
        m_views.push_back(view);
    const QString& workloadId = view.workloadId;
    SampleSeries s;
    s.view = view.id;
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

void SampleStore::add(const ChartView& view, const QString& runtimeId, const QString& flavour, const Sample& sample,
                      double arrivalSeconds)
{
    SampleSeries& s = series(view, runtimeId, flavour);
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
    const QString runtimeId = QString::fromStdString(result.runtimeId);
    const QString flavour = QString::fromStdString(result.flavour);
    series(chartViewOf(result), runtimeId, flavour).steadyStateIndex = result.summary.steadyStateIndex;
}

void SampleStore::addMeasured(const Result& result)
{
    const ChartView view = chartViewOf(result);
    const QString runtimeId = QString::fromStdString(result.runtimeId);
    const QString flavour = QString::fromStdString(result.flavour);
    series(view, runtimeId, flavour, seriesLabel(result));
    for (const Sample& sample : result.samples)
        add(view, runtimeId, flavour, sample);
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
    for (const auto& [id, unit] : catalog.callUnits())
        units.insert(QString::fromStdString(id), QString::fromStdString(unit));
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
    return plural ? unit : QString::fromStdString(singularNoun(unit.toStdString()));
}

std::vector<const SampleSeries*> SampleStore::seriesOf(const QString& viewId) const
{
    std::vector<const SampleSeries*> out;
    for (const auto& s : m_series)
        if (s.view == viewId)
            out.push_back(&s);
    return out;
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
    m_views.clear();
}

}  // namespace versus::gui
