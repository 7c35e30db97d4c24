// Dot plot of speed ratios: one column per workload (and parameter set), one colour per runtime series,
// error bars of +-1 MAD, the ratio written next to each dot, a dashed line at 1x (the fastest).
#include "summary_plot.h"

#include <QVector>

#include <algorithm>
#include <cmath>
#include <map>

#include <qcustomplot.h>

#include "runtime_palette.h"
#include "text_format.h"

namespace versus::gui {

SummaryPlot::SummaryPlot(QWidget* parent) : PlotWidget(tr("Summary: times slower than the fastest"), parent)
{
    setValueAxisLogarithmic(plot()->yAxis, true);
    plot()->yAxis->setLabel(tr("median time per call / fastest (log)"));
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    setEmptyMessage(tr("Speed ratios appear here when two runtimes finished a workload"));
}

void SummaryPlot::setResults(const std::vector<Result>& results)
{
    plot()->clearPlottables();
    for (QCPAbstractItem* item : m_items)
        plot()->removeItem(item);  // only our own: the base class keeps its empty-chart message
    m_items.clear();
    m_points.clear();
    m_maxRatio = 1;

    // Groups: workload + parameters, in order of appearance; fastest median per group.
    std::vector<std::string> groups;
    std::map<std::string, double> fastest;
    std::map<std::string, QString> groupLabel;
    auto groupOf = [](const Result& r) { return r.workloadId + "|" + formatParams(r.params); };
    for (const Result& r : results) {
        if (!r.ok() || r.summary.samples == 0 || r.summary.medianNs <= 0)
            continue;
        const std::string g = groupOf(r);
        if (!fastest.count(g)) {
            groups.push_back(g);
            fastest[g] = r.summary.medianNs;
            const QString title = QString::fromStdString(r.workloadTitle.empty() ? r.workloadId : r.workloadTitle);
            groupLabel[g] = title + QLatin1Char('\n') + QString::fromStdString(formatParams(r.params));
        }
        fastest[g] = std::min(fastest[g], r.summary.medianNs);
    }
    m_groups = int(groups.size());

    // Series: runtime + flavour, in order of appearance; each is one graph plus its error bars.
    std::vector<std::string> seriesOrder;
    for (const Result& r : results)
        if (r.ok() && fastest.count(groupOf(r))) {
            const std::string key = r.runtimeId + "/" + r.flavour;
            if (std::find(seriesOrder.begin(), seriesOrder.end(), key) == seriesOrder.end())
                seriesOrder.push_back(key);
        }
    const double n = double(seriesOrder.size());
    QColor text = palette().color(QPalette::Text);
    for (std::size_t s = 0; s < seriesOrder.size(); ++s) {
        const double offset = n > 1 ? (double(s) - (n - 1) / 2) * std::min(0.5 / n, 0.18) : 0;
        QCPGraph* graph = nullptr;
        QCPErrorBars* bars = nullptr;
        std::vector<Point> points;
        QVector<double> keys, values, errors;
        for (const Result& r : results) {
            if (!r.ok() || r.runtimeId + "/" + r.flavour != seriesOrder[s])
                continue;
            const std::string g = groupOf(r);
            auto it = std::find(groups.begin(), groups.end(), g);
            if (it == groups.end())
                continue;
            if (!graph) {
                const QColor color = RuntimePalette::color(QString::fromStdString(r.runtimeId),
                                                           QString::fromStdString(r.flavour));
                graph = plot()->addGraph();
                graph->setName(QString::fromStdString(r.seriesName()));
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 10));
                bars = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
                bars->removeFromLegend();
                bars->setPen(QPen(color, 1.5));
                bars->setWhiskerWidth(8);
                bars->setDataPlottable(graph);
                tagSeries(graph, QString::fromStdString(seriesOrder[s]));
                tagSeries(bars, QString::fromStdString(seriesOrder[s]));
            }
            const double x = double(it - groups.begin()) + offset;
            const double ratio = r.summary.medianNs / fastest[g];
            const double error = r.summary.madNs / fastest[g];
            keys.push_back(x);
            values.push_back(ratio);
            errors.push_back(error);
            points.push_back({groupLabel[g], QString::fromStdString(r.seriesName()), r.summary.medianNs,
                              r.summary.madNs, ratio});
            m_maxRatio = std::max(m_maxRatio, ratio + error);

            auto* label = new QCPItemText(plot());
            m_items.push_back(label);
            label->position->setCoords(x, ratio);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(9, 0, 0, 0));
            label->setText(ratio < 1.005 ? tr("fastest") : QString::fromStdString(formatRatio(ratio)));
            label->setColor(text);
            label->setFont(QFont(font().family(), font().pointSize(), QFont::DemiBold));
        }
        if (!graph)
            continue;
        graph->setData(keys, values, true);
        QVector<double> minus;
        for (int i = 0; i < errors.size(); ++i)
            minus.push_back(std::min(errors[i], values[i] * 0.9));  // a log axis cannot show values <= 0
        bars->setData(minus, errors);
        m_points.emplace_back(graph, std::move(points));
    }

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    ticker->clear();
    for (int g = 0; g < m_groups; ++g)
        ticker->addTick(g, groupLabel[groups[std::size_t(g)]]);
    auto* one = new QCPItemStraightLine(plot());
    m_items.push_back(one);
    one->point1->setCoords(-1, 1);
    one->point2->setCoords(1, 1);
    QColor lineColor = text;
    lineColor.setAlpha(110);
    one->setPen(QPen(lineColor, 0, Qt::DashLine));
    resetZoom();
}

void SummaryPlot::fitAxes()
{
    plot()->xAxis->setRange(-0.6, std::max(m_groups, 1) - 0.4);
    // More than 1.6 decades, or QCPAxisTickerLog falls back to linear tick values.
    plot()->yAxis->setRange(0.5, std::max(m_maxRatio * 2.5, 30.0));
}

QString SummaryPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const auto& [p, points] : m_points) {
        if (p != plottable || index < 0 || std::size_t(index) >= points.size())
            continue;
        const Point& pt = points[std::size_t(index)];
        return tr("%1\n%2\nmedian %3 per call (MAD %4)\n%5 the fastest")
            .arg(pt.series, QString(pt.workload).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                 QString::fromStdString(formatDuration(pt.medianNs)), QString::fromStdString(formatDuration(pt.madNs)),
                 pt.ratio < 1.005 ? tr("is") : QString::fromStdString(formatRatio(pt.ratio)) + tr(" slower than"));
    }
    return {};
}

} // namespace versus::gui
