// Latency percentiles of the http workload's servers. GUI thread only, like all of QCustomPlot.
#include "http_latency_plot.h"

#include <QVector>

#include <algorithm>
#include <cmath>
#include <iterator>

#include <qcustomplot.h>

#include "http_article_figures.h"
#include "runtime_palette.h"

namespace versus::gui {

namespace {

const char* const kPercentiles[] = {"latency_p50_us", "latency_p90_us", "latency_p99_us", "latency_max_us"};
const char* const kPercentileLabels[] = {"p50", "p90", "p99", "max"};

QString formatRate(double perSecond)
{
    return perSecond >= 1e4 ? QStringLiteral("%1k").arg(perSecond / 1e3, 0, 'f', 1)
                            : QString::number(perSecond, 'f', 0);
}

QString seriesName(const Result& r)
{
    QString name = QStringLiteral("%1: %2 req/s")
                       .arg(QString::fromStdString(r.seriesName()), formatRate(r.summary.callsPerSecond));
    if (const auto figure = httpArticleFigureFor(r.workloadId, r.flavour))
        name += QStringLiteral(" (article ~%1 req/s)").arg(formatRate(figure->requestsPerSecond));
    return name;
}

/// A result that reports wrk's latency percentiles (the http workload's, whatever its id).
bool isHttpResult(const Result& r)
{
    return r.ok() && std::all_of(std::begin(kPercentiles), std::end(kPercentiles), [&](const char* name) {
               return r.reported.count(name) > 0;
           });
}

}  // namespace

HttpLatencyPlot::HttpLatencyPlot(QWidget* parent) : PlotWidget(tr("HTTP latency under load (last wrk slice)"), parent)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < 4; ++i)
        ticker->addTick(i + 1, QString::fromLatin1(kPercentileLabels[i]));
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setLabel(tr("percentile of the requests of the last slice"));
    plot()->yAxis->setLabel(tr("latency (ms)"));
    setValueAxisLogarithmic(plot()->yAxis, true);
    setEmptyMessage(tr("No HTTP results yet: run the http workload"));
    fitAxes();
}

void HttpLatencyPlot::showResults(const std::vector<Result>& results)
{
    m_results.clear();
    for (const Result& r : results)
        if (isHttpResult(r))
            m_results.push_back(r);
    rebuild();
}

void HttpLatencyPlot::addResult(const Result& result)
{
    if (!isHttpResult(result))
        return;
    m_results.push_back(result);
    rebuild();
}

void HttpLatencyPlot::clear()
{
    m_results.clear();
    rebuild();
}

QStringList HttpLatencyPlot::seriesNames() const
{
    QStringList names;
    for (const Result& r : m_results)
        names << seriesName(r);
    return names;
}

void HttpLatencyPlot::rebuild()
{
    plot()->clearPlottables();
    for (const Result& r : m_results) {
        QVector<double> keys;
        QVector<double> values;
        for (int i = 0; i < 4; ++i) {
            keys << i + 1;
            values << r.reported.at(kPercentiles[i]) / 1e3;
        }
        QCPGraph* graph = plot()->addGraph();
        graph->setName(seriesName(r));
        // The series' style in every chart: a shade of its runtime's colour, a dash pattern and a marker per flavour.
        const SeriesStyle style =
            RuntimePalette::style(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour));
        graph->setPen(style.pen(1.5));
        graph->setScatterStyle(style.marker(7));
        graph->setData(keys, values, true);
        tagSeries(graph,
                  RuntimePalette::seriesKey(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour)));
    }
    fitAxes();
    requestReplot();
}

QString HttpLatencyPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    auto* graph = qobject_cast<QCPGraph*>(plottable);
    if (!graph || index < 0 || index >= 4)
        return {};
    const double ms = graph->data()->at(index)->value;
    return QStringLiteral("%1\n%2: %3 ms")
        .arg(seriesNameOf(graph), QString::fromLatin1(kPercentileLabels[index]),
             QString::number(ms, 'f', ms < 10 ? 2 : 1));
}

void HttpLatencyPlot::fitAxes()
{
    plot()->xAxis->setRange(0.6, 4.4);
    double low = INFINITY;
    double high = 0;
    for (const Result& r : m_results)
        for (const char* name : kPercentiles) {
            const double ms = r.reported.at(name) / 1e3;
            if (ms > 0) {
                low = std::min(low, ms);
                high = std::max(high, ms);
            }
        }
    if (high > 0)
        plot()->yAxis->setRange(low / 1.5, high * 1.5);
    else
        plot()->yAxis->setRange(0.1, 100);
}

}  // namespace versus::gui
