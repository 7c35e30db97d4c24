// Throughput over time. Warm-up samples are hollow markers inside a shaded band; measured ones a line with dots;
// dashed lines in the series' colour where the steady state detected by core's statistics begins. Their labels sit in
// a strip above the plot area, in one row laid out after every layout of the chart.
#include "throughput_plot.h"

#include <QFontMetricsF>
#include <QVector>

#include <algorithm>
#include <limits>

#include <qcustomplot.h>

#include "http_article_figures.h"
#include "sample_store.h"
#include "text_format.h"

namespace versus::gui {

namespace {

const QMargins kLabelPadding(3, 1, 3, 2);

}  // namespace

ThroughputPlot::ThroughputPlot(const SampleStore& store, QWidget* parent)
    : SamplePlot(tr("Throughput over time"), store, parent)
{
    plot()->xAxis->setLabel(tr("sampling time (s)"));
    plot()->yAxis->setLabel(tr("%1 per second").arg(tr("calls")));

    m_warmupBand = new QCPItemRect(plot());
    m_warmupBand->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_warmupBand->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_warmupBand->topLeft->setCoords(0, 0);
    m_warmupBand->bottomRight->setCoords(0, 1);
    m_warmupBand->setPen(Qt::NoPen);
    m_warmupBand->setBrush(QColor(128, 128, 128, 40));
    m_warmupBand->setLayer(QStringLiteral("background"));

    m_warmupLabel = addLabel(tr("warm-up"), QColor(128, 128, 128));
    // The labels get a strip of their own above the plot area, so that they never cover a sample.
    const int strip = QFontMetrics(m_warmupLabel->font()).height() + kLabelPadding.top() + kLabelPadding.bottom();
    plot()->axisRect()->setMinimumMargins(QMargins(0, strip, 0, 0));
    connect(plot(), &QCustomPlot::afterLayout, this, &ThroughputPlot::placeLabels);
    clear();
}

QCPItemText* ThroughputPlot::addLabel(const QString& text, const QColor& color)
{
    auto* label = new QCPItemText(plot());
    label->setClipToAxisRect(false);
    label->position->setTypeX(QCPItemPosition::ptAbsolute);  // placeLabels sets the pixel
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0, 0);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setPadding(kLabelPadding);
    label->setText(text);
    label->setColor(color);
    return label;
}

void ThroughputPlot::placeLabels()
{
    // Left to right, each at its time or just after the label before it; none for a time outside the x range.
    std::vector<Label> labels;
    if (m_warmupShown)
        labels.push_back({m_warmupLabel, 0.0});
    labels.insert(labels.end(), m_steadyLabels.begin(), m_steadyLabels.end());
    std::stable_sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.key < b.key; });
    const QCPRange range = plot()->xAxis->range();
    double right = -std::numeric_limits<double>::infinity();
    for (const Label& l : labels) {
        const bool inside = range.contains(l.key);
        l.item->setVisible(inside);
        if (!inside)
            continue;
        const double left = std::max(plot()->xAxis->coordToPixel(l.key), right);
        l.item->position->setCoords(left, 0);
        right = left + QFontMetricsF(l.item->font()).horizontalAdvance(l.item->text()) + kLabelPadding.left()
            + kLabelPadding.right();
    }
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
    m_steadyLabels.clear();
    for (QCPAbstractItem* item : m_figureMarks)
        plot()->removeItem(item);
    m_figureMarks.clear();
    m_figures.clear();
    m_figuresForSeries = 0;
    m_warmupBand->setVisible(false);
    m_warmupShown = false;
    m_warmupLabel->setVisible(false);
}

ThroughputPlot::Graphs& ThroughputPlot::graphsFor(const QString& key, const QString& name, const SeriesStyle& style)
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
    g.measured->setPen(style.pen(1.5));
    g.measured->setScatterStyle(style.marker(style.shade == 0 ? 5 : 6));
    g.warmup = plot()->addGraph();
    g.warmup->setName(name + tr(" (warm-up)"));
    g.warmup->setLineStyle(QCPGraph::lsNone);
    g.warmup->setScatterStyle(style.marker(7, false));
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
        Graphs& g = graphsFor(s->key, s->name, s->style);
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
        dropMarkersWhenLong(g.measured, s->color);
        warmupEnd = std::max(warmupEnd, s->warmupEndSeconds);
    }
    m_warmupShown = warmupEnd > 0;
    m_warmupBand->setVisible(m_warmupShown);
    m_warmupLabel->setVisible(m_warmupShown);
    if (m_warmupShown) {
        m_warmupBand->topLeft->setCoords(0, 0);
        m_warmupBand->bottomRight->setCoords(warmupEnd, 1);
    }
    markSteadyStates(warmupEnd);
    markArticleFigures();
    requestReplot();
}

void ThroughputPlot::markArticleFigures()
{
    const std::vector<const SampleSeries*> series = shownSeries();
    if (series.size() == m_figuresForSeries)
        return;
    m_figuresForSeries = series.size();
    for (QCPAbstractItem* item : m_figureMarks)
        plot()->removeItem(item);
    m_figureMarks.clear();
    m_figures.clear();
    std::vector<std::string> marked;  // one line per figure, in the colour of the first series it is about
    for (const SampleSeries* s : series) {
        const auto figure = httpArticleFigureFor(s->workloadId.toStdString(), s->flavour.toStdString());
        if (!figure || std::find(marked.begin(), marked.end(), figure->flavour) != marked.end())
            continue;
        marked.push_back(figure->flavour);
        m_figures.push_back(figure->requestsPerSecond);
        auto* line = new QCPItemStraightLine(plot());
        line->point1->setCoords(0, figure->requestsPerSecond);
        line->point2->setCoords(1, figure->requestsPerSecond);
        QPen pen = s->style.pen(1.2);
        pen.setStyle(Qt::DashLine);
        QColor faint = s->color;
        faint.setAlpha(190);
        pen.setColor(faint);
        line->setPen(pen);
        line->setLayer(QStringLiteral("background"));
        const QString tip = tr("The article: %1 (single process, on its machine). Measured here: the %2 line.")
                                .arg(QString::fromStdString(figure->statement), s->name);
        line->setProperty("toolTip", tip);
        auto* label = new QCPItemText(plot());
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.99, figure->requestsPerSecond);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setPadding(QMargins(2, 0, 2, 1));
        label->setText(tr("article: %1").arg(QString::fromStdString(figure->statement)));
        label->setColor(s->color);
        QColor backdrop = palette().color(QPalette::Base);  // readable over the lines it crosses
        backdrop.setAlpha(200);
        label->setBrush(backdrop);
        label->setProperty("toolTip", tip);
        keepClear(label);
        m_figureMarks.push_back(line);
        m_figureMarks.push_back(label);
    }
}

void ThroughputPlot::markSteadyStates(double warmupEnd)
{
    for (QCPAbstractItem* item : m_steadyMarks)
        plot()->removeItem(item);
    m_steadyMarks.clear();
    m_steadyLabels.clear();
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
        QCPItemText* label = addLabel(start > warmupEnd ? tr("settled") : tr("steady"), color);
        m_steadyMarks.push_back(label);
        m_steadyLabels.push_back({label, start});
    }
}

void ThroughputPlot::fitAxes()
{
    double maxKey = 0, minValue = 0, maxValue = 0;
    double lowestPeak = 0;  // the slowest series' best calls/s
    bool any = false;
    for (const Graphs& g : m_graphs) {
        if (!g.measured->visible() || g.drawn == 0)
            continue;
        minValue = any ? std::min(minValue, g.minValue) : g.minValue;
        lowestPeak = any ? std::min(lowestPeak, g.maxValue) : g.maxValue;
        maxValue = std::max(maxValue, g.maxValue);
        maxKey = std::max(maxKey, g.maxKey);
        any = true;
    }
    // The article's figures stay in view: they are what the series are read against.
    for (const double figure : m_figures) {
        maxValue = std::max(maxValue, figure);
        minValue = any ? std::min(minValue, figure) : figure;
    }
    // Series more than 10x apart (or 10x from an article figure) get a log axis whatever the Log scale box says: on a
    // linear one the slower series lies flat on zero and its own variation is invisible.
    const bool wide = any && lowestPeak > 0 && maxValue / lowestPeak > 10;
    const bool logarithmic = logScale() || wide;
    if (logarithmic != (plot()->yAxis->scaleType() == QCPAxis::stLogarithmic))
        setValueAxisLogarithmic(plot()->yAxis, logarithmic);
    const QString perSecond = tr("%1 per second").arg(callUnitName(shownSeries(), true));
    plot()->yAxis->setLabel(wide && !logScale() ? tr("%1 (log)").arg(perSecond) : perSecond);
    plot()->xAxis->setRange(0, std::max(maxKey * 1.03, 1e-3));
    if (logarithmic)
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
            return tr("%1\nsample %2%3\n%4 %9/s (%5 each)\n%6 %9 in %7, at %8 s")
                .arg(s->name)
                .arg(sample.index + 1)
                .arg(sample.warmup ? tr(" (warm-up)") : QString())
                .arg(QLocale().toString(s->callsPerSecond[sampleIndex], 'f', 0))
                .arg(QString::fromStdString(formatDuration(perCall)))
                .arg(sample.innerLoops)
                .arg(QString::fromStdString(formatDuration(double(sample.elapsedNs))))
                .arg(s->endSeconds[sampleIndex], 0, 'f', 3)
                .arg(callUnitName(shownSeries(), true));
        }
    }
    return {};
}

}  // namespace versus::gui
