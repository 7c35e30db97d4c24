// Heap over time. Samples without a heap figure (heapBytes < 0) are left out, not drawn as zero.
#include "memory_plot.h"

#include <QVector>

#include <algorithm>

#include <qcustomplot.h>

#include "sample_store.h"

namespace versus::gui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

} // namespace

MemoryPlot::MemoryPlot(const SampleStore& store, QWidget* parent)
    : SamplePlot(tr("Heap over time"), store, parent)
{
    plot()->xAxis->setLabel(tr("sampling time (s)"));
    plot()->yAxis->setLabel(tr("runtime heap (MiB)"));
}

void MemoryPlot::clearSeries()
{
    for (auto& s : m_series)
        plot()->removeGraph(s.graph);
    m_series.clear();
}

void MemoryPlot::drawNewSamples()
{
    for (const SampleSeries* s : shownSeries()) {
        auto it = std::find_if(m_series.begin(), m_series.end(), [&](const Series& m) { return m.key == s->key; });
        if (it == m_series.end()) {
            Series m;
            m.key = s->key;
            m.name = s->name;
            m.graph = plot()->addGraph();
            m.graph->setPen(QPen(s->color, 1.5));
            m.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, s->color, s->color, 4));
            tagSeries(m.graph, s->key);
            m_series.push_back(m);
            it = std::prev(m_series.end());
        }
        it->graph->setName(s->name);
        QVector<double> keys, values;
        for (std::size_t i = it->drawn; i < s->samples.size(); ++i) {
            if (s->samples[i].heapBytes < 0)
                continue;
            keys.push_back(s->endSeconds[i]);
            values.push_back(double(s->samples[i].heapBytes) / kMiB);
        }
        it->drawn = s->samples.size();
        if (!keys.isEmpty())
            it->graph->addData(keys, values, true);
    }
    requestReplot();
}

void MemoryPlot::fitAxes()
{
    plot()->rescaleAxes(true);
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
        return tr("%1\nheap %2 MiB\nat %3 s of sampling").arg(m.name).arg(point->value, 0, 'f', 2).arg(point->key, 0, 'f', 3);
    }
    return {};
}

} // namespace versus::gui
