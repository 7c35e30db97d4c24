// Memory over time. Samples without a heap figure (heapBytes < 0) are left out, not drawn as zero. Every series is
// placed on the run's clock: a sample at SampleSeries::arrivalSeconds (when the GUI drained it), a MemoryEvent or a
// GcEvent at its steady-clock timestamp minus the run's start.
#include "memory_plot.h"

#include "results_file.h"

#include <QPainterPath>
#include <QVector>

#include <algorithm>

#include <qcustomplot.h>

#include "runtime_palette.h"
#include "sample_store.h"

namespace versus::gui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
const QString kProcessRss = QStringLiteral("Versus process RSS");

/// The colour of a sampler series or a GC runtime by the runtime name it starts with; neutral for the process.
QColor colorForName(const QString& name)
{
    if (name == kProcessRss || name.startsWith(QLatin1String("Versus")))
        return RuntimePalette::neutral();
    if (name.startsWith(QLatin1String("CPython")) || name.startsWith(QLatin1String("Python")))
        return RuntimePalette::color(QStringLiteral("python"));
    if (name.startsWith(QLatin1String("Node")))
        return RuntimePalette::color(QStringLiteral("node"));
    return RuntimePalette::color(name);
}

}  // namespace

MemoryPlot::MemoryPlot(const SampleStore& store, QWidget* parent) : SamplePlot(tr("Memory over time"), store, parent)
{
    plot()->xAxis->setLabel(tr("time since the run started (s)"));
    plot()->yAxis->setLabel(tr("MiB (heap solid, RSS dashed)"));
    plot()->yAxis2->setRange(0, 1);  // GC markers sit at a fixed height, whatever the value axis shows
}

double MemoryPlot::secondsOf(std::int64_t timestampNs) const
{
    return double(timestampNs - m_runStartNs) / 1e9;
}

void MemoryPlot::startRun(std::int64_t runStartNs)
{
    m_runStartNs = runStartNs;
    for (auto& s : m_sampled)
        plot()->removeGraph(s.graph);
    for (auto& s : m_gc)
        plot()->removeGraph(s.graph);
    m_sampled.clear();
    m_gc.clear();
    requestReplot();
}

void MemoryPlot::addMemoryPoint(const std::string& seriesName, std::int64_t timestampNs, std::int64_t bytes)
{
    if (bytes < 0)
        return;
    const QString name = QString::fromStdString(seriesName);
    auto it = std::find_if(m_sampled.begin(), m_sampled.end(), [&](const RunSeries& s) { return s.name == name; });
    if (it == m_sampled.end()) {
        RunSeries s;
        s.name = name;
        s.graph = plot()->addGraph();
        s.graph->setName(name);
        const bool rss = name.contains(QLatin1String("RSS"));
        QPen pen(colorForName(name), rss ? 1.5 : 1.2, rss ? Qt::DashLine : Qt::DotLine);
        s.graph->setPen(pen);
        tagSeries(s.graph, QStringLiteral("sampled/") + name);
        m_sampled.push_back(s);
        it = std::prev(m_sampled.end());
    }
    it->graph->addData(secondsOf(timestampNs), double(bytes) / kMiB);  // the window replots once per drain tick
}

void MemoryPlot::addGcEvent(const std::string& runtime, std::int64_t timestampNs, std::int64_t pauseNs,
                            const std::string& runtimeId)
{
    const QString name = tr("GC: %1").arg(QString::fromStdString(runtime));
    auto it = std::find_if(m_gc.begin(), m_gc.end(), [&](const RunSeries& s) { return s.name == name; });
    if (it == m_gc.end()) {
        RunSeries s;
        s.name = name;
        s.graph = plot()->addGraph(plot()->xAxis, plot()->yAxis2);
        s.graph->setName(name);
        s.graph->setLineStyle(QCPGraph::lsNone);
        const QColor color = runtimeId.empty() ? colorForName(QString::fromStdString(runtime))
                                               : RuntimePalette::color(QString::fromStdString(runtimeId));
        QPainterPath tick;  // a short vertical stroke; ssCustom scales the path by size / 6
        tick.moveTo(0, -3);
        tick.lineTo(0, 3);
        QCPScatterStyle style(tick, QPen(color, 1.5), Qt::NoBrush, 14);
        s.graph->setScatterStyle(style);
        s.graph->setPen(QPen(color, 1.5));
        // One legend entry for every runtime's GC ticks (each in its runtime's colour; the tooltip names it): a
        // click on it hides them all, and six runtimes do not add six entries to the legend.
        tagSeries(s.graph, QStringLiteral("gc"));
        if (m_gc.empty())
            s.graph->setName(tr("GC pauses (ticks)"));
        else
            s.graph->removeFromLegend();
        m_gc.push_back(s);
        it = std::prev(m_gc.end());
    }
    const double seconds = secondsOf(timestampNs);
    it->graph->addData(seconds, 0.04);  // near the time axis, on the hidden 0..1 axis
    it->pausesNs.emplace_back(seconds, pauseNs);
}

int MemoryPlot::sampledPointCount(const QString& series) const
{
    for (const auto& s : m_sampled)
        if (s.name == series)
            return s.graph->dataCount();
    return 0;
}

int MemoryPlot::gcMarkerCount() const
{
    int n = 0;
    for (const auto& s : m_gc)
        n += s.graph->dataCount();
    return n;
}

void MemoryPlot::clearSeries()
{
    for (auto& s : m_series)
        plot()->removeGraph(s.graph);
    m_series.clear();
}

void MemoryPlot::setPerSampleHeap(bool shown)
{
    if (shown == m_perSampleHeap)
        return;
    m_perSampleHeap = shown;
    clearSeries();
    plot()->xAxis->setLabel(tr("time since the run started (s)"));
    refresh();
}

void MemoryPlot::drawNewSamples()
{
    if (!m_perSampleHeap) {
        requestReplot();
        return;
    }
    for (const SampleSeries* s : shownSeries()) {
        auto it = std::find_if(m_series.begin(), m_series.end(), [&](const Series& m) { return m.key == s->key; });
        if (it == m_series.end()) {
            Series m;
            m.key = s->key;
            m.name = s->name;
            m.graph = plot()->addGraph();
            m.graph->setPen(s->style.pen(1.5));
            m.graph->setScatterStyle(s->style.marker(s->style.shade == 0 ? 4 : 5));
            tagSeries(m.graph, s->key);
            m_series.push_back(m);
            it = std::prev(m_series.end());
        }
        it->graph->setName(s->name);
        QVector<double> keys, values;
        for (std::size_t i = it->drawn; i < s->samples.size(); ++i) {
            if (s->samples[i].heapBytes < 0)
                continue;
            keys.push_back(i < s->arrivalSeconds.size() ? s->arrivalSeconds[i] : s->endSeconds[i]);
            values.push_back(double(s->samples[i].heapBytes) / kMiB);
        }
        it->drawn = s->samples.size();
        if (!keys.isEmpty())
            it->graph->addData(keys, values, true);
        dropMarkersWhenLong(it->graph, s->color);
    }
    requestReplot();
}

void MemoryPlot::fitAxes()
{
    plot()->rescaleAxes(true);
    plot()->yAxis2->setRange(0, 1);
    const QCPRange x = plot()->xAxis->range();
    plot()->xAxis->setRange(0, std::max(x.upper * 1.03, 1e-3));
    const QCPRange y = plot()->yAxis->range();
    if (logScale())
        plot()->yAxis->setRange(std::max(y.lower / 1.5, 1e-3), std::max(y.upper * 1.5, 1.0));
    else
        plot()->yAxis->setRange(0, std::max(y.upper * 1.15, 1.0));
}

QString MemoryPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const auto& m : m_series) {
        if (m.graph != plottable || index >= m.graph->dataCount())
            continue;
        auto point = m.graph->data()->at(index);
        return tr("%1 heap\n%2 MiB\nat %3 s").arg(m.name).arg(point->value, 0, 'f', 2).arg(point->key, 0, 'f', 3);
    }
    for (const auto& s : m_sampled) {
        if (s.graph != plottable || index >= s.graph->dataCount())
            continue;
        auto point = s.graph->data()->at(index);
        return tr("%1\n%2 MiB\nat %3 s").arg(s.name).arg(point->value, 0, 'f', 1).arg(point->key, 0, 'f', 2);
    }
    for (const auto& s : m_gc) {
        if (s.graph != plottable || index >= s.graph->dataCount())
            continue;
        const double key = s.graph->data()->at(index)->key;
        std::int64_t pause = -1;
        for (const auto& [seconds, ns] : s.pausesNs)
            if (seconds == key) {
                pause = ns;
                break;
            }
        const QString pauseText = pause < 0 ? tr("unknown")
            : pause >= 1000000              ? tr("%1 ms").arg(double(pause) / 1e6, 0, 'f', 2)
                                            : tr("%1 µs").arg(double(pause) / 1e3, 0, 'f', 0);
        return tr("%1\npause %2\nat %3 s").arg(s.name, pauseText).arg(key, 0, 'f', 3);
    }
    return {};
}

void MemoryPlot::showDocumentMemory(const ResultsDocument& document)
{
    setPerSampleHeap(document.memory.empty());
    startRun(document.clockOriginNs);
    for (const MemoryEvent& e : document.memory)
        addMemoryPoint(e.series, e.timestampNs, e.bytes);
    for (const GcEvent& e : document.gcEvents)
        addGcEvent(e.runtime, e.timestampNs, e.pauseNs, e.runtimeId);
}

}  // namespace versus::gui
