// Dot plot of speed ratios: one column per workload (and parameter set), one colour per runtime series, error bars
// of the bootstrap 95% CI of the ratio to the fastest Python or Node.js run, the ratio written next to each dot, a
// dashed line at 1x, the native reference as a line across its column, and the article's claimed range as a labelled
// band where the claimed CPython series would sit.
#include "summary_plot.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QVector>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "article_claims.h"
#include "headline.h"
#include "result_analysis.h"
#include "runtime_palette.h"
#include "sample_store.h"
#include "series_label.h"
#include "statistics.h"
#include "text_format.h"

namespace versus::gui {

namespace {

std::string seriesOf(const Result& r)
{
    return r.runtimeId + "/" + r.flavour;
}

}  // namespace

SummaryPlot::SummaryPlot(QWidget* parent)
    : PlotWidget(tr("Summary: times slower than the fastest Python or Node.js run"), parent)
{
    setValueAxisLogarithmic(plot()->yAxis, true);
    plot()->yAxis->setLabel(tr("median / fastest (log), 95% CI"));
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    setEmptyMessage(tr("Speed ratios appear here when two runtimes finished a workload"));
}

void SummaryPlot::setWorkloadClaims(std::map<std::string, std::string> workloadClaims)
{
    m_workloadClaims = std::move(workloadClaims);
}

QCPItemText* SummaryPlot::addLabel(double x, double y, const QString& text, const QColor& color, Qt::Alignment align,
                                   qreal pointSize)
{
    auto* label = new QCPItemText(plot());
    m_items.push_back(label);
    label->position->setCoords(x, y);
    label->setPositionAlignment(align);
    label->setText(text);
    label->setColor(color);
    QFont f = font();
    f.setPointSizeF(pointSize);
    label->setFont(f);
    keepClear(label);  // value, reference and claim labels never write over each other
    return label;
}

void SummaryPlot::setResults(const std::vector<Result>& results)
{
    setAnalysis(ResultAnalysis::compute(results));
}

void SummaryPlot::changeEvent(QEvent* event)
{
    PlotWidget::changeEvent(event);
    // The ratio labels and the 1x line take the palette's text colour when drawn: draw them again in the new one.
    if (event->type() == QEvent::PaletteChange && m_lastAnalysis)
        setAnalysis(m_lastAnalysis);
}

void SummaryPlot::setAnalysis(const ResultAnalysis& analysis)
{
    setAnalysis(std::make_shared<const ResultAnalysis>(analysis));
}

void SummaryPlot::setAnalysis(std::shared_ptr<const ResultAnalysis> shared)
{
    m_lastAnalysis = std::move(shared);
    const ResultAnalysis& analysis = *m_lastAnalysis;
    const std::vector<Result>& results = analysis.results;
    plot()->clearPlottables();
    for (QCPAbstractItem* item : m_items)
        plot()->removeItem(item);  // only our own: the base class keeps its empty-chart message
    m_items.clear();
    m_points.clear();
    m_maxRatio = 1;
    m_minRatio = 1;
    m_claimBands = 0;

    // Groups: workload + parameters, in order of appearance, each with its fastest result (fastestOf(): never the
    // native reference, which is drawn as a line of its own).
    std::vector<std::string> groups;
    std::map<std::string, const Result*> fastest;
    std::map<std::string, std::vector<Result>> members;
    std::map<std::string, QString> groupText;
    std::map<std::string, int> contenders;  // comparable results other than the reference, per group
    for (const auto& [key, group] : groupByWorkload(results)) {
        const Result* best = fastestOf(group);
        if (!best)
            continue;
        groups.push_back(key);
        fastest[key] = best;
        const Result& r = *group.front();
        const QString title = QString::fromStdString(r.workloadTitle.empty() ? r.workloadId : r.workloadTitle);
        const QString params = QString::fromStdString(formatParams(r.params));
        groupText[key] = params.isEmpty() ? title : title + QLatin1Char('\n') + params;
        for (const Result* member : group)
            if (isComparable(*member)) {
                members[key].push_back(*member);
                contenders[key] += contenderOf(*member) != Contender::Reference;
            }
    }
    m_groups = int(groups.size());
    auto isDot = [](const Result& r) { return isComparable(r) && contenderOf(r) != Contender::Reference; };

    // Series: runtime + flavour, in order of appearance; each is one graph plus its error bars.
    std::vector<std::string> seriesOrder;
    for (const Result& r : results)
        if (isDot(r) && std::find(seriesOrder.begin(), seriesOrder.end(), seriesOf(r)) == seriesOrder.end())
            seriesOrder.push_back(seriesOf(r));
    const double n = double(seriesOrder.size());
    const double spacing = n > 1 ? std::min(0.5 / n, 0.18) : 0;
    const QColor text = palette().color(QPalette::Text);
    for (std::size_t s = 0; s < seriesOrder.size(); ++s) {
        const double offset = (double(s) - (n - 1) / 2) * spacing;
        QCPGraph* graph = nullptr;
        QCPErrorBars* bars = nullptr;
        std::vector<Point> points;
        QVector<double> keys, values, minus, plus;
        for (std::size_t i = 0; i < results.size(); ++i) {
            const Result& r = results[i];
            if (!isDot(r) || seriesOf(r) != seriesOrder[s])
                continue;
            const std::string g = comparisonKey(r.workloadId, r.params);
            const auto it = std::find(groups.begin(), groups.end(), g);
            if (!graph) {
                const SeriesStyle style =
                    RuntimePalette::style(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour));
                const QColor color = style.color;
                graph = plot()->addGraph();
                graph->setName(seriesLabel(r));
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(style.marker(10));
                bars = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
                bars->removeFromLegend();
                bars->setPen(QPen(color, 1.5));
                bars->setWhiskerWidth(8);
                bars->setDataPlottable(graph);
                tagSeries(graph, QString::fromStdString(seriesOrder[s]));
                tagSeries(bars, QString::fromStdString(seriesOrder[s]));
            }
            const double x = double(it - groups.begin()) + offset;
            const double fastestNs = fastest[g]->summary.medianNs;
            const double ratio = r.summary.medianNs / fastestNs;
            const stats::Interval ci = analysis.ratioCi[i];
            keys.push_back(x);
            values.push_back(ratio);
            minus.push_back(std::clamp(ratio - ci.low, 0.0, ratio * 0.9));  // a log axis cannot show values <= 0
            plus.push_back(std::max(ci.high - ratio, 0.0));
            points.push_back({groupText[g], seriesLabel(r), r.summary.medianNs, ratio, ci.low, ci.high});
            m_maxRatio = std::max(m_maxRatio, std::max(ratio, ci.high));
            // "fastest" only when something else finished to be slower than it; a raced result says so.
            QString ratioText =
                ratio < 1.005 && contenders[g] > 1 ? tr("fastest") : QString::fromStdString(formatRatio(ratio));
            if (!racedNote(r).empty())
                ratioText += tr(" (raced)");
            // Labels alternate left and right of their dots, so neighbours of one workload never write over each
            // other.
            const bool left = s % 2 == 0 && seriesOrder.size() > 1;
            QCPItemText* label =
                addLabel(x, ratio, ratioText, text, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                         font().pointSizeF());
            label->setPadding(left ? QMargins(0, 0, 9, 0) : QMargins(9, 0, 0, 0));
            label->setFont(QFont(font().family(), font().pointSize(), QFont::DemiBold));
            if (!racedNote(r).empty())
                label->setProperty("toolTip", QString::fromStdString(racedNote(r)));
        }
        graph->setData(keys, values, true);
        bars->setData(minus, plus);
        m_points.emplace_back(graph, std::move(points));
    }
    for (int g = 0; g < m_groups; ++g) {
        const std::string& id = groups[std::size_t(g)];
        drawReferenceLines(members[id], g, fastest[id]->summary.medianNs);
        drawClaimBands(members[id], groupText[id], g, fastest[id]->summary.medianNs, std::max(spacing * 0.45, 0.07),
                       seriesOrder, spacing);
    }

    // Tick labels: fitted to their slots by adaptToSize(); the parameters that tell a workload's groups apart.
    m_ticks.clear();
    std::vector<ChartView> views;
    for (int g = 0; g < m_groups; ++g)
        views.push_back(chartViewOf(*fastest[groups[std::size_t(g)]]));
    for (int g = 0; g < m_groups; ++g) {
        const Result& r = *fastest[groups[std::size_t(g)]];
        const ChartView& view = views[std::size_t(g)];
        m_ticks.push_back({QString::fromStdString(r.workloadTitle.empty() ? r.workloadId : r.workloadTitle),
                           view.params, distinctParameters(view, views)});
    }
    auto* one = new QCPItemStraightLine(plot());
    m_items.push_back(one);
    one->point1->setCoords(-1, 1);
    one->point2->setCoords(1, 1);
    QColor lineColor = text;
    lineColor.setAlpha(110);
    one->setPen(QPen(lineColor, 0, Qt::DashLine));
    resetZoom();
}

void SummaryPlot::drawReferenceLines(const std::vector<Result>& group, double x0, double fastestNs)
{
    QColor color = palette().color(QPalette::Text);
    color.setAlpha(170);
    for (const Result& r : group) {
        if (contenderOf(r) != Contender::Reference)
            continue;
        const double ratio = r.summary.medianNs / fastestNs;
        auto* line = new QCPItemLine(plot());
        m_items.push_back(line);
        line->start->setCoords(x0 - 0.42, ratio);
        line->end->setCoords(x0 + 0.42, ratio);
        line->setPen(QPen(color, 1.5, Qt::DashDotLine));
        const QString name = seriesLabel(r);
        const QString ratioText = QString::fromStdString(formatRatio(ratio));
        QCPItemText* label = addLabel(x0 - 0.42, ratio, tr("%1 %2").arg(name, ratioText), color,
                                      Qt::AlignLeft | Qt::AlignTop, font().pointSizeF() * 0.85);
        const QString tip = tr("%1: median %2 per call, %3 the time of the fastest Python or Node.js run. A reference "
                               "line, not a contender.")
                                .arg(name, QString::fromStdString(formatDuration(r.summary.medianNs)), ratioText);
        label->setProperty("toolTip", tip);
        line->setProperty("toolTip", tip);
        m_minRatio = std::min(m_minRatio, ratio);
        m_maxRatio = std::max(m_maxRatio, ratio);
    }
}

void SummaryPlot::drawClaimBands(const std::vector<Result>& group, const QString& groupLabel, double x0,
                                 double fastestNs, double halfWidth, const std::vector<std::string>& seriesOrder,
                                 double seriesSpacing)
{
    const auto claimId = m_workloadClaims.find(group.front().workloadId);
    if (claimId == m_workloadClaims.end())
        return;
    const auto node = std::find_if(group.begin(), group.end(),
                                   [](const Result& r) { return r.runtimeId == "node" && r.flavour == "plain"; });
    if (node == group.end())
        return;
    const double n = double(seriesOrder.size());
    for (const ArticleClaim* claim : articleClaimsFor(group.front().workloadId)) {
        if (!claim->aboutTime)
            continue;
        const auto python = std::find_if(group.begin(), group.end(), [claim](const Result& r) {
            return r.runtimeId == "python" && r.flavour == claim->pythonFlavour;
        });
        if (python == group.end())
            continue;
        const auto s = std::find(seriesOrder.begin(), seriesOrder.end(), seriesOf(*python)) - seriesOrder.begin();
        const double x = x0 + (double(s) - (n - 1) / 2) * seriesSpacing;
        // The CPython dot sits at nodePosition * (CPython time / Node.js time): the claim's range, moved to where
        // Node.js is on this axis.
        const double nodePosition = node->summary.medianNs / fastestNs;
        const double low = nodePosition * std::max(claim->minSlowdown, 1e-3);
        const double high = nodePosition * claim->maxSlowdown;
        QColor color =
            RuntimePalette::color(QString::fromStdString(python->runtimeId), QString::fromStdString(python->flavour));
        auto* band = new QCPItemRect(plot());
        m_items.push_back(band);
        band->topLeft->setCoords(x - halfWidth, high);
        band->bottomRight->setCoords(x + halfWidth, low);
        band->setLayer(QStringLiteral("background"));
        band->setPen(QPen(color, 1, Qt::DashLine));
        color.setAlpha(50);
        band->setBrush(color);
        color.setAlpha(255);
        const QString range = claim->minSlowdown > 0
            ? tr("article %1-%2x").arg(claim->minSlowdown).arg(claim->maxSlowdown)
            : tr("article: CPython faster");
        // Above the band, over its series: the label names what the band is wherever the band is drawn (a "CPython
        // faster" band reaches below the axis).
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        QCPItemText* label = addLabel(x, high, range, dark ? color.lighter(140) : color.darker(130),
                                      Qt::AlignHCenter | Qt::AlignBottom, font().pointSizeF() * 0.85);
        label->setPadding(QMargins(0, 0, 0, 2));
        const QString tip =
            tr("The article claims: %1. The band is where %2 would sit if the claim held, given where "
               "Node.js sits.")
                .arg(QString::fromStdString(claim->statement), QString::fromStdString(python->seriesName()));
        label->setProperty("toolTip", tip);
        band->setProperty("toolTip", tip);
        m_maxRatio = std::max(m_maxRatio, high);
        ++m_claimBands;

        const double measuredSlowdown = python->summary.medianNs / node->summary.medianNs;
        const bool holds = measuredSlowdown >= claim->minSlowdown && measuredSlowdown <= claim->maxSlowdown;
        for (auto& [plottable, points] : m_points)
            for (Point& p : points)
                if (p.series == seriesLabel(*python) && p.workload == groupLabel)
                    p.claim = tr("Article: %1. Measured: CPython takes %2 the time of Node.js: %3.")
                                  .arg(QString::fromStdString(claim->statement),
                                       QString::fromStdString(formatRatio(measuredSlowdown)),
                                       holds ? tr("within the claim") : tr("outside the claim"));
    }
}

QString SummaryPlot::groupLabel(int index) const
{
    if (index < 0 || std::size_t(index) >= m_ticks.size())
        return {};
    const GroupTick& t = m_ticks[std::size_t(index)];
    return t.params.isEmpty() ? t.title : t.title + QLatin1Char('\n') + t.params;
}

QString SummaryPlot::sharedFamily() const
{
    if (m_ticks.size() < 2)
        return {};
    const QString& first = m_ticks.front().title;
    const int colon = first.indexOf(QLatin1String(": "));
    if (colon <= 0)
        return {};
    const QString family = first.left(colon + 2);
    for (const GroupTick& t : m_ticks)
        if (!t.title.startsWith(family) || t.title.size() == family.size())
            return {};
    return family;
}

void SummaryPlot::adaptToSize(QSize size)
{
    PlotWidget::adaptToSize(size);
    const double slot = clearCategoryTicks(size);
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    const double width = std::max(slot - 10, 12.0);
    const QFont font = plot()->xAxis->tickLabelFont();
    const QFontMetricsF metrics(font);
    // The title on two lines where a fifth of the chart's height holds three; else on one, elided.
    const int titleLines = metrics.lineSpacing() * 3 <= size.height() * 0.2 ? 2 : 1;
    // A family every group shares ("Database: ") tells groups apart no better than nothing: narrow slots drop it
    // (the tooltip keeps the whole title).
    const QString shared = sharedFamily();
    for (std::size_t g = 0; g < m_ticks.size(); ++g) {
        const GroupTick& t = m_ticks[g];
        const QString title = !shared.isEmpty() && metrics.horizontalAdvance(t.title) > width * titleLines
            ? t.title.mid(shared.size())
            : t.title;
        QString label = wrapToWidth(title, font, width, titleLines);
        QString params = t.params;
        if (metrics.horizontalAdvance(params) > width && !t.distinct.isEmpty())
            params = t.distinct;
        if (!params.isEmpty())
            label += QLatin1Char('\n') + metrics.elidedText(params, Qt::ElideRight, width);
        ticker->addTick(double(g), label);
    }
}

QString SummaryPlot::describeAt(QPointF pos) const
{
    // Under the plot, over a group's tick label: its whole label.
    const QRect area = plot()->axisRect()->rect();
    if (pos.y() <= area.bottom() || pos.x() < area.left() || pos.x() > area.right())
        return {};
    return groupLabel(int(std::lround(plot()->xAxis->pixelToCoord(pos.x()))));
}

void SummaryPlot::fitAxes()
{
    plot()->xAxis->setRange(-0.6, std::max(m_groups, 1) - 0.4);
    // More than 1.6 decades, or QCPAxisTickerLog falls back to linear tick values.
    plot()->yAxis->setRange(std::min(0.5, m_minRatio / 2), std::max(m_maxRatio * 2.5, 30.0));
}

QString SummaryPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const auto& [p, points] : m_points) {
        if (p != plottable || index < 0 || std::size_t(index) >= points.size())
            continue;
        const Point& pt = points[std::size_t(index)];
        QString text =
            tr("%1\n%2\nmedian %3 per call\n%4 the fastest, 95% CI %5 to %6")
                .arg(pt.series, QString(pt.workload).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                     QString::fromStdString(formatDuration(pt.medianNs)),
                     pt.ratio < 1.005 ? tr("is") : QString::fromStdString(formatRatio(pt.ratio)) + tr(" slower than"),
                     QString::fromStdString(formatRatio(pt.ciLow)), QString::fromStdString(formatRatio(pt.ciHigh)));
        if (!pt.claim.isEmpty())
            text += QLatin1Char('\n') + pt.claim;
        return text;
    }
    return {};
}

}  // namespace versus::gui
