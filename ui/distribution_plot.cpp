// Box plots with Tukey whiskers (quartiles from BoxStatistics) and the raw samples jittered beside each box.
#include "distribution_plot.h"

#include <QVector>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "box_statistics.h"
#include "sample_store.h"
#include "statistics.h"
#include "text_format.h"

namespace versus::gui {

namespace {

/// A display unit for per-call times around `ns`: the same unit on the whole axis keeps boxes comparable.
std::pair<double, QString> unitFor(double ns)
{
    if (ns >= 1e9)
        return {1e9, QStringLiteral("s")};
    if (ns >= 1e6)
        return {1e6, QStringLiteral("ms")};
    if (ns >= 1e3)
        return {1e3, QStringLiteral("µs")};
    return {1, QStringLiteral("ns")};
}

/// Deterministic jitter in [-0.5, 0.5) so that repeated replots do not move the dots.
double jitter(std::size_t i)
{
    return std::fmod(double(i) * 0.618033988749895, 1.0) - 0.5;
}

} // namespace

DistributionPlot::DistributionPlot(const SampleStore& store, QWidget* parent)
    : SamplePlot(tr("Distribution of time per call"), store, parent)
{
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    plot()->legend->setVisible(false);  // the axis names the boxes
}

void DistributionPlot::clearSeries()
{
    plot()->clearPlottables();
    m_series.clear();
}

void DistributionPlot::drawNewSamples()
{
    bool changed = false;
    const auto series = shownSeries();
    if (series.size() != m_series.size())
        changed = true;
    for (std::size_t i = 0; !changed && i < series.size(); ++i)
        changed = series[i]->samples.size() != m_series[i].seen;
    if (changed)
        rebuild();
}

void DistributionPlot::rebuild()
{
    plot()->clearPlottables();
    m_series.clear();
    const auto series = shownSeries();
    std::vector<std::vector<double>> perCall;
    double largestMedian = 0;
    for (const SampleSeries* s : series) {
        perCall.push_back(stats::perCallNs(s->samples));
        if (!perCall.back().empty())
            largestMedian = std::max(largestMedian, stats::median(perCall.back()));
    }
    std::tie(m_unitNs, m_unitName) = unitFor(largestMedian);
    plot()->yAxis->setLabel(tr("time per call (%1)").arg(m_unitName));

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    ticker->clear();
    for (std::size_t i = 0; i < series.size(); ++i) {
        const SampleSeries* s = series[i];
        const double key = double(i + 1);
        ticker->addTick(key, s->name);
        Series m;
        m.key = s->key;
        m.name = s->name;
        m.seen = s->samples.size();
        m.box = new QCPStatisticalBox(plot()->xAxis, plot()->yAxis);
        m.box->setName(s->name);
        QColor fill = s->color;
        fill.setAlpha(70);
        m.box->setBrush(fill);
        m.box->setPen(QPen(s->color.darker(120), 1.2));
        m.box->setMedianPen(QPen(s->color.darker(150), 2.5));
        m.box->setWhiskerPen(QPen(s->color.darker(120), 1.2, Qt::SolidLine));
        m.box->setWhiskerBarPen(QPen(s->color.darker(120), 1.2));
        m.box->setWidth(0.35);
        m.box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, s->color, 6));
        std::vector<double> scaled;
        for (double ns : perCall[i])
            scaled.push_back(ns / m_unitNs);
        const BoxStatistics b = BoxStatistics::compute(scaled);
        if (b.count > 0)
            m.box->addData(key, b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker,
                           QVector<double>(b.outliers.begin(), b.outliers.end()));
        m.dots = new QCPGraph(plot()->xAxis, plot()->yAxis);
        m.dots->setName(s->name);
        m.dots->setLineStyle(QCPGraph::lsNone);
        QColor dot = s->color;
        dot.setAlpha(170);
        m.dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dot, dot, 4));
        QVector<double> keys, values;
        for (std::size_t k = 0; k < scaled.size(); ++k) {
            keys.push_back(key + 0.3 + 0.08 * jitter(k));
            values.push_back(scaled[k]);
        }
        m.dots->setData(keys, values);
        tagSeries(m.box, s->key);
        tagSeries(m.dots, s->key);
        m_series.push_back(m);
    }
    requestReplot();
}

void DistributionPlot::fitAxes()
{
    plot()->xAxis->setRange(0.4, double(std::max<std::size_t>(m_series.size(), 1)) + 0.7);
    bool found = false;
    QCPRange values;
    for (const auto& m : m_series) {
        bool ok = false;
        const QCPRange dots = m.dots->getValueRange(ok);
        if (!ok)
            continue;
        values = found ? QCPRange(std::min(values.lower, dots.lower), std::max(values.upper, dots.upper)) : dots;
        found = true;
    }
    if (!found) {
        plot()->yAxis->setRange(logScale() ? 0.1 : 0, 1);
        return;
    }
    const double span = std::max(values.upper - values.lower, values.upper * 0.05);
    if (logScale())
        plot()->yAxis->setRange(values.lower / 1.3, values.upper * 1.3);
    else
        plot()->yAxis->setRange(std::max(0.0, values.lower - span * 0.15), values.upper + span * 0.15);
}

QString DistributionPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const auto& m : m_series) {
        if (plottable == m.dots && index < m.dots->dataCount()) {
            const double v = m.dots->data()->at(index)->value;
            return tr("%1\nsample: %2 per call").arg(m.name, QString::fromStdString(formatDuration(v * m_unitNs)));
        }
        if (plottable == m.box && index < m.box->dataCount()) {
            auto d = m.box->data()->at(index);
            auto f = [this](double v) { return QString::fromStdString(formatDuration(v * m_unitNs)); };
            return tr("%1\nmedian %2\nquartiles %3 to %4\nwhiskers %5 to %6\n%7 outlier(s)")
                .arg(m.name, f(d->median), f(d->lowerQuartile), f(d->upperQuartile), f(d->minimum), f(d->maximum))
                .arg(d->outliers.size());
        }
    }
    return {};
}

} // namespace versus::gui
