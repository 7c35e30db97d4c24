// Box plots with Tukey whiskers (quartiles from BoxStatistics) and the raw samples jittered beside each box.
#include "distribution_plot.h"

#include <QFontMetricsF>
#include <QTimer>
#include <QVector>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "box_statistics.h"
#include "sample_store.h"
#include "series_label.h"
#include "statistics.h"
#include "text_format.h"

namespace versus::gui {

namespace {

/// Dots drawn per series, and outlier markers per box: beyond these, evenly spaced quantiles stand for them, so a
/// replot costs the same with 20,000 samples as with 1,500.
constexpr std::size_t kMaxDots = 1500;
constexpr std::size_t kMaxOutliers = 200;
/// Above this many samples on the chart, the boxes are recomputed at most every kMinRebuildIntervalMs.
constexpr std::size_t kThrottleAboveSamples = 4000;
constexpr int kMinRebuildIntervalMs = 250;
/// The slant of box names that do not fit under their boxes.
constexpr double kSlantDegrees = 35;

/// `count` values of sorted `values` at evenly spaced ranks, first and last included; all of them when fewer.
std::vector<double> evenlySpaced(const std::vector<double>& sorted, std::size_t count)
{
    if (sorted.size() <= count)
        return sorted;
    std::vector<double> out;
    out.reserve(count);
    for (std::size_t j = 0; j < count; ++j)
        out.push_back(sorted[std::size_t(std::llround(double(j) * double(sorted.size() - 1) / double(count - 1)))]);
    return out;
}

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

}  // namespace

DistributionPlot::DistributionPlot(const SampleStore& store, QWidget* parent)
    : SamplePlot(tr("Distribution of time per call"), store, parent)
{
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    plot()->legend->setVisible(false);  // the axis names the boxes
    m_deferred = new QTimer(this);
    m_deferred->setSingleShot(true);
    connect(m_deferred, &QTimer::timeout, this, [this] { rebuild(); });
    connect(plot(), &QCustomPlot::beforeReplot, this, &DistributionPlot::labelSamplesOutsideRange);
}

void DistributionPlot::clearSeries()
{
    for (const Series& m : m_series)
        plot()->removeItem(m.beyond);
    plot()->clearPlottables();
    m_series.clear();
    m_deferred->stop();
}

void DistributionPlot::drawNewSamples()
{
    bool changed = false;
    const auto series = shownSeries();
    if (series.size() != m_series.size())
        changed = true;
    std::size_t total = 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        changed = changed || series[i]->samples.size() != m_series[i].seen;
        total += series[i]->samples.size();
    }
    if (!changed)
        return;
    const qint64 since = m_sinceRebuild.isValid() ? m_sinceRebuild.elapsed() : kMinRebuildIntervalMs;
    if (total > kThrottleAboveSamples && since < kMinRebuildIntervalMs && series.size() == m_series.size()) {
        if (!m_deferred->isActive())
            m_deferred->start(int(kMinRebuildIntervalMs - since));
        return;
    }
    rebuild();
}

void DistributionPlot::rebuild()
{
    m_deferred->stop();
    m_sinceRebuild.start();
    for (const Series& m : m_series)
        plot()->removeItem(m.beyond);
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
    m_callName = callUnitName(series, false);
    plot()->yAxis->setLabel(tr("time per %1 (%2)").arg(m_callName, m_unitName));
    setTitle(tr("Distribution of time per %1").arg(m_callName));

    for (std::size_t i = 0; i < series.size(); ++i) {
        const SampleSeries* s = series[i];
        const double key = double(i + 1);
        Series m;
        m.key = s->key;
        m.name = s->name;
        m.seen = s->samples.size();
        std::vector<double> scaled;
        scaled.reserve(perCall[i].size());
        for (double ns : perCall[i])
            if (std::isfinite(ns))
                scaled.push_back(ns / m_unitNs);
        std::sort(scaled.begin(), scaled.end());
        const BoxStatistics b = BoxStatistics::compute(scaled);
        m.outlierCount = int(b.outliers.size());
        m.lowerWhisker = b.lowerWhisker;
        m.upperWhisker = b.upperWhisker;
        m.beyond = new QCPItemText(plot());
        m.beyond->setClipToAxisRect(false);
        m.beyond->position->setTypeX(QCPItemPosition::ptPlotCoords);
        m.beyond->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        m.beyond->position->setCoords(key + 0.15, 0);
        m.beyond->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        m.beyond->setColor(s->color.darker(130));
        QColor backdrop = palette().color(QPalette::Base);  // readable over the dots that reach the top
        backdrop.setAlpha(220);
        m.beyond->setBrush(backdrop);
        m.beyond->setPadding(QMargins(3, 1, 3, 1));
        m.beyond->setVisible(false);
        std::vector<double> outliers = b.outliers;
        std::sort(outliers.begin(), outliers.end());
        const std::vector<double> shown = evenlySpaced(scaled, kMaxDots);
        m.thinned = shown.size() < scaled.size();
        const BoxItems items =
            addBoxWithDots(key, 0.35, 0.3, s->name, s->style, b, evenlySpaced(outliers, kMaxOutliers), shown);
        m.box = items.box;
        m.dots = items.dots;
        m.sorted = std::move(scaled);
        tagSeries(m.box, s->key);
        tagSeries(m.dots, s->key);
        m_series.push_back(m);
    }
    requestReplot();
}

void DistributionPlot::adaptToSize(QSize size)
{
    SamplePlot::adaptToSize(size);
    const double slot = clearCategoryTicks(size);
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    const QFont font = plot()->xAxis->tickLabelFont();
    // Under each box on two lines when every name fits so, else on three when the chart is tall enough (a fifth of
    // its height), first whole, then without " (embedded)"; else slanted, without " (embedded)", each as long as the
    // plot keeping half of the chart's height allows (at most 30% of the height across, at least 50 px) and never
    // past the chart's left edge; elided beyond (the box's tooltip, and the name's, has the whole name).
    const QFontMetricsF metrics(font);
    const int maxLines = metrics.lineSpacing() * 3 <= std::max(50.0, size.height() * 0.2) ? 3 : 2;
    auto wrapAll = [&](bool compact, int lines, QStringList* out) {
        out->clear();
        for (const Series& m : m_series) {
            *out << wrapToWidth(compact ? compactSeriesLabel(m.name) : m.name, font, slot - 8, lines);
            if (out->back().contains(QChar(0x2026)))
                return false;
        }
        return true;
    };
    QStringList labels;
    const bool fit = wrapAll(false, 2, &labels) || (maxLines == 3 && wrapAll(false, 3, &labels))
        || (maxLines == 3 && wrapAll(true, 3, &labels));
    plot()->xAxis->setTickLabelRotation(fit ? 0 : -kSlantDegrees);
    const double slant = kSlantDegrees * M_PI / 180;
    double title = 0;
    if (QCPLayoutElement* element = plot()->plotLayout()->element(0, 0))
        title = element->outerRect().height();
    const double across = std::min(size.height() * 0.5 - title - 32, size.height() * 0.3);
    const double longest = std::max(50.0, (across - metrics.height() * std::cos(slant)) / std::sin(slant));
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const double key = double(i + 1);
        if (fit) {
            ticker->addTick(key, labels[int(i)]);
            continue;
        }
        // A slanted name ends at its tick and runs down to the left: it may reach the chart's left edge, no further.
        const double room = (plot()->xAxis->coordToPixel(key) - 4) / std::cos(slant);
        ticker->addTick(key,
                        metrics.elidedText(compactSeriesLabel(m_series[i].name), Qt::ElideRight,
                                           std::max(20.0, std::min(longest, room))));
    }
}

void DistributionPlot::fitAxes()
{
    plot()->xAxis->setRange(0.4, double(std::max<std::size_t>(m_series.size(), 1)) + 0.7);
    bool found = false;
    double low = 0, high = 0, whiskerLow = 0, whiskerHigh = 0;
    for (const auto& m : m_series) {
        if (m.sorted.empty())
            continue;
        low = found ? std::min(low, m.sorted.front()) : m.sorted.front();
        high = found ? std::max(high, m.sorted.back()) : m.sorted.back();
        whiskerLow = found ? std::min(whiskerLow, m.lowerWhisker) : m.lowerWhisker;
        whiskerHigh = found ? std::max(whiskerHigh, m.upperWhisker) : m.upperWhisker;
        found = true;
    }
    if (!found) {
        plot()->yAxis->setRange(logScale() ? 0.1 : 0, 1);
        return;
    }
    if (logScale()) {  // a log axis has room for every sample
        plot()->yAxis->setRange(low / 1.3, high * 1.3);
        return;
    }
    // A few slow samples (a GC pause, a preemption) would squash the boxes into a line at the bottom: when the
    // samples reach far beyond the whiskers, the range follows the whiskers and a label counts what it leaves out.
    const double whiskerSpan = std::max(whiskerHigh - whiskerLow, whiskerHigh * 0.05);
    if (high - low > 4 * whiskerSpan) {
        low = std::max(low, whiskerLow - whiskerSpan * 0.5);
        high = std::min(high, whiskerHigh + whiskerSpan * 1.5);
    }
    const double span = std::max(high - low, high * 0.05);
    plot()->yAxis->setRange(std::max(0.0, low - span * 0.15), high + span * 0.25);
}

void DistributionPlot::labelSamplesOutsideRange()
{
    const QCPRange range = plot()->yAxis->range();
    for (const Series& m : m_series) {
        const auto below = std::lower_bound(m.sorted.begin(), m.sorted.end(), range.lower) - m.sorted.begin();
        const auto above = m.sorted.end() - std::upper_bound(m.sorted.begin(), m.sorted.end(), range.upper);
        m.beyond->setVisible(above > 0 || below > 0);
        if (!m.beyond->visible())
            continue;
        QStringList parts;
        if (above > 0)
            parts << QStringLiteral("▲ ")
                    + tr("%1 above, up to %2")
                          .arg(above)
                          .arg(QString::fromStdString(formatDuration(m.sorted.back() * m_unitNs)));
        if (below > 0)
            parts << QStringLiteral("▼ ") + tr("%1 below").arg(below);
        m.beyond->setText(parts.join(QStringLiteral(", ")));
    }
}

QString DistributionPlot::describeAt(QPointF pos) const
{
    const QRect area = plot()->axisRect()->rect();
    if (pos.y() <= area.bottom() || pos.x() < area.left() || pos.x() > area.right())
        return {};
    const long index = std::lround(plot()->xAxis->pixelToCoord(pos.x())) - 1;
    return index >= 0 && std::size_t(index) < m_series.size() ? m_series[std::size_t(index)].name : QString();
}

QString DistributionPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const auto& m : m_series) {
        if (plottable == m.dots && index < m.dots->dataCount()) {
            const double v = m.dots->data()->at(index)->value;
            const QString value = QString::fromStdString(formatDuration(v * m_unitNs));
            if (m.thinned)
                return tr("%1\n%2 per %3\n(one of %4 evenly spaced quantiles standing for %5 samples)")
                    .arg(m.name, value, m_callName)
                    .arg(m.dots->dataCount())
                    .arg(m.sorted.size());
            return tr("%1\nsample: %2 per %3").arg(m.name, value, m_callName);
        }
        if (plottable == m.box && index < m.box->dataCount()) {
            auto d = m.box->data()->at(index);
            auto f = [this](double v) { return QString::fromStdString(formatDuration(v * m_unitNs)); };
            return tr("%1\nmedian %2\nquartiles %3 to %4\nwhiskers %5 to %6\n%7 outlier(s)")
                .arg(m.name, f(d->median), f(d->lowerQuartile), f(d->upperQuartile), f(d->minimum), f(d->maximum))
                .arg(m.outlierCount);
        }
    }
    return {};
}

}  // namespace versus::gui
