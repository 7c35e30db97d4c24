// Throughput over time. Warm-up samples are hollow markers inside a shaded band; measured ones a line with dots;
// dashed lines in the series' colour where the steady state detected by core's statistics begins.
#include "throughput_plot.h"

#include <QVector>

#include <algorithm>

#include <qcustomplot.h>

#include "sample_store.h"
#include "text_format.h"

namespace versus::gui {

namespace {

constexpr int kManyPoints = 5000;

} // namespace

ThroughputPlot::ThroughputPlot(const SampleStore& store, QWidget* parent)
    : SamplePlot(tr("Throughput over time"), store, parent)
{
    plot()->xAxis->setLabel(tr("sampling time (s)"));
    plot()->yAxis->setLabel(tr("calls per second"));

    m_warmupBand = new QCPItemRect(plot());
    m_warmupBand->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_warmupBand->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_warmupBand->topLeft->setCoords(0, 0);
    m_warmupBand->bottomRight->setCoords(0, 1);
    m_warmupBand->setPen(Qt::NoPen);
    m_warmupBand->setBrush(QColor(128, 128, 128, 40));
    m_warmupBand->setLayer(QStringLiteral("background"));

    m_warmupLabel = new QCPItemText(plot());
    m_warmupLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_warmupLabel->setText(tr("warm-up"));
    m_warmupLabel->setColor(QColor(128, 128, 128));
    m_warmupLabel->setPadding(QMargins(4, 4, 4, 4));
    clear();
}

void ThroughputPlot::clearSeries()
{
    for (auto& g : m_graphs) {
        plot()->removeGraph(g.warmup);
        plot()->removeGraph(g.measured);
    }
    m_graphs.clear();
    for (QCPAbstractItem* item : m_steadyMarks)
        plot()->removeItem(item);
    m_steadyMarks.clear();
    m_warmupBand->setVisible(false);
    m_warmupLabel->setVisible(false);
}

ThroughputPlot::Graphs& ThroughputPlot::graphsFor(const QString& key, const QString& name, const QColor& color)
{
    for (auto& g : m_graphs)
        if (g.key == key) {
            g.measured->setName(name);
            return g;
        }
    Graphs g;
    g.key = key;
    g.measured = plot()->addGraph();
    g.measured->setName(name);
    g.measured->setPen(QPen(color, 1.5));
    g.measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 5));
    g.warmup = plot()->addGraph();
    g.warmup->setName(name + tr(" (warm-up)"));
    g.warmup->setLineStyle(QCPGraph::lsNone);
    g.warmup->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.2), Qt::NoBrush, 7));
    g.warmup->removeFromLegend();
    tagSeries(g.measured, key);
    tagSeries(g.warmup, key);
    m_graphs.push_back(g);
    return m_graphs.back();
}

void ThroughputPlot::drawNewSamples()
{
    double warmupEnd = 0;
    for (const SampleSeries* s : shownSeries()) {
        Graphs& g = graphsFor(s->key, s->name, s->color);
        QVector<double> wk, wv, mk, mv;
        for (std::size_t i = g.drawn; i < s->samples.size(); ++i) {
            const double v = s->callsPerSecond[i];
            g.minValue = g.drawn == 0 && i == 0 ? v : std::min(g.minValue, v);
            g.maxValue = std::max(g.maxValue, v);
            g.maxKey = std::max(g.maxKey, s->endSeconds[i]);
            if (s->samples[i].warmup) {
                wk.push_back(s->endSeconds[i]);
                wv.push_back(s->callsPerSecond[i]);
                ++g.warmupCount;
            } else {
                mk.push_back(s->endSeconds[i]);
                mv.push_back(s->callsPerSecond[i]);
            }
        }
        g.drawn = s->samples.size();
        if (!wk.isEmpty())
            g.warmup->addData(wk, wv, true);
        if (!mk.isEmpty())
            g.measured->addData(mk, mv, true);
        if (g.measured->dataCount() > kManyPoints && g.measured->scatterStyle().shape() != QCPScatterStyle::ssNone) {
            g.measured->setScatterStyle(QCPScatterStyle());  // markers and thick pens cost too much on long series
            g.measured->setPen(QPen(s->color, 0));
        }
        warmupEnd = std::max(warmupEnd, s->warmupEndSeconds);
    }
    const bool band = warmupEnd > 0;
    m_warmupBand->setVisible(band);
    m_warmupLabel->setVisible(band);
    if (band) {
        m_warmupBand->topLeft->setCoords(0, 0);
        m_warmupBand->bottomRight->setCoords(warmupEnd, 1);
        m_warmupLabel->position->setCoords(0, 0);
        m_warmupLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    markSteadyStates(warmupEnd);
    requestReplot();
}

void ThroughputPlot::markSteadyStates(double warmupEnd)
{
    for (QCPAbstractItem* item : m_steadyMarks)
        plot()->removeItem(item);
    m_steadyMarks.clear();
    int row = 0;
    for (const SampleSeries* s : shownSeries()) {
        std::size_t at = 0;
        while (at < s->samples.size() && s->samples[at].index != s->steadyStateIndex)
            ++at;
        if (s->steadyStateIndex < 0 || at == s->samples.size())
            continue;  // still measuring, or never settled
        const double start = at == 0 ? 0.0 : s->endSeconds[at - 1];
        QColor color = s->color;
        if (start > warmupEnd) {
            auto* settling = new QCPItemRect(plot());
            settling->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            settling->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            settling->topLeft->setCoords(warmupEnd, 0);
            settling->bottomRight->setCoords(start, 1);
            settling->setPen(Qt::NoPen);
            color.setAlpha(28);
            settling->setBrush(color);
            settling->setLayer(QStringLiteral("background"));
            m_steadyMarks.push_back(settling);
            color.setAlpha(255);
        }
        auto* line = new QCPItemStraightLine(plot());
        line->point1->setCoords(start, 0);
        line->point2->setCoords(start, 1);
        line->setPen(QPen(color, 1.2, Qt::DashLine));
        m_steadyMarks.push_back(line);
        auto* label = new QCPItemText(plot());
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(start, 0.08 + 0.07 * row++);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(3, 0, 3, 0));
        label->setText(start > warmupEnd ? tr("settled") : tr("steady"));
        label->setColor(color);
        m_steadyMarks.push_back(label);
    }
}

void ThroughputPlot::fitAxes()
{
    double maxKey = 0, minValue = 0, maxValue = 0;
    bool any = false;
    for (const Graphs& g : m_graphs) {
        if (!g.measured->visible() || g.drawn == 0)
            continue;
        minValue = any ? std::min(minValue, g.minValue) : g.minValue;
        maxValue = std::max(maxValue, g.maxValue);
        maxKey = std::max(maxKey, g.maxKey);
        any = true;
    }
    plot()->xAxis->setRange(0, std::max(maxKey * 1.03, 1e-3));
    if (logScale())
        plot()->yAxis->setRange(std::max(minValue / 1.5, 1e-3), std::max(maxValue * 1.5, 1.0));
    else
        plot()->yAxis->setRange(0, std::max(maxValue * 1.12, 1.0));
}

QString ThroughputPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const SampleSeries* s : shownSeries()) {
        for (const auto& g : m_graphs) {
            if (g.key != s->key || (plottable != g.warmup && plottable != g.measured))
                continue;
            const std::size_t sampleIndex = plottable == g.warmup ? index : g.warmupCount + index;
            if (sampleIndex >= s->samples.size())
                return {};
            const Sample& sample = s->samples[sampleIndex];
            const double perCall = sample.innerLoops > 0 ? double(sample.elapsedNs) / double(sample.innerLoops) : 0;
            return tr("%1\nsample %2%3\n%4 calls/s (%5 per call)\n%6 calls in %7, at %8 s")
                .arg(s->name)
                .arg(sample.index + 1)
                .arg(sample.warmup ? tr(" (warm-up)") : QString())
                .arg(QLocale().toString(s->callsPerSecond[sampleIndex], 'f', 0))
                .arg(QString::fromStdString(formatDuration(perCall)))
                .arg(sample.innerLoops)
                .arg(QString::fromStdString(formatDuration(double(sample.elapsedNs))))
                .arg(s->endSeconds[sampleIndex], 0, 'f', 3);
        }
    }
    return {};
}

} // namespace versus::gui
