// The http workload's charts (issues 14 and 16): the latency chart, one series per successful http result with its
// four percentiles, named with its requests/s and the article's figure where it gives one; the throughput chart in
// requests per second with the article's figures marked; every flavour of one runtime in a style of its own, the same
// in every chart; the HTML report holding the latency chart. Rendered to build/tests/ui/artifacts/http_*.png.
#include <QSet>
#include <QTest>

#include <cmath>
#include <map>
#include <tuple>

#include <qcustomplot.h>

#include "catalog.h"
#include "chart_render.h"
#include "exporters.h"
#include "http_latency_plot.h"
#include "runtime_palette.h"
#include "sample_store.h"
#include "synthetic_results.h"
#include "throughput_plot.h"

namespace versus::gui {

class HttpLatencyPlotTest : public QObject {
    Q_OBJECT
private slots:
    void drawsOneSeriesPerHttpResultWithTheArticlesFigure();
    void flavoursOfOneRuntimeAreDrawnApartInEveryChart();
    void throughputIsInRequestsPerSecondBesideTheArticlesFigures();
    void htmlReportOfAnHttpRunHoldsEveryChartTheWindowShows();
};

namespace {

Result httpResult(const std::string& runtime, const std::string& name, const std::string& flavour,
                  const std::string& label, double reqPerS, double p50Us)
{
    Result r;
    r.workloadId = "http";
    r.runtimeId = runtime;
    r.runtimeName = name;
    r.flavour = flavour;
    r.flavourLabel = label;
    r.summary.callsPerSecond = reqPerS;
    r.reported = {{"latency_p50_us", p50Us},
                  {"latency_p90_us", p50Us * 1.6},
                  {"latency_p99_us", p50Us * 3},
                  {"latency_max_us", p50Us * 8}};
    return r;
}

/// (pen colour, pen style, marker shape) of a graph: what tells a series apart on the chart and in its legend icon.
QString lookOf(const QCPGraph* graph)
{
    return QStringLiteral("%1 %2 %3")
        .arg(graph->pen().color().name())
        .arg(int(graph->pen().style()))
        .arg(int(graph->scatterStyle().shape()));
}

}  // namespace

void HttpLatencyPlotTest::drawsOneSeriesPerHttpResultWithTheArticlesFigure()
{
    Result failed = httpResult("python", "CPython (embedded)", "flask", "Flask", 0, 1);
    failed.status = ResultStatus::Failed;
    Result other = httpResult("node", "Node.js (embedded)", "plain", "", 10, 1);
    other.workloadId = "fib";
    other.reported.clear();  // what wrk reports makes a result an http one, not the workload's name
    const std::vector<Result> results{httpResult("node", "Node.js (embedded)", "fastify", "Fastify", 14200, 3800),
                                      httpResult("node", "Node.js (embedded)", "express", "Express", 6100, 9500),
                                      httpResult("python", "CPython (embedded)", "plain", "asyncio", 5200, 11800),
                                      failed, other};
    HttpLatencyPlot plot;
    plot.resize(900, 500);
    plot.showResults(results);
    QVERIFY(plot.hasResults());
    const QStringList names = plot.seriesNames();
    QCOMPARE(names.size(), 3);
    QVERIFY2(names[0].contains(QStringLiteral("14.2k req/s")) && names[0].contains(QStringLiteral("article ~30.0k")),
             qPrintable(names[0]));
    QVERIFY2(names[1].contains(QStringLiteral("article ~15.0k")), qPrintable(names[1]));
    QVERIFY2(!names[2].contains(QStringLiteral("article")), qPrintable(names[2]));  // asyncio: no figure
    QCOMPARE(plot.plot()->graphCount(), 3);
    QCOMPARE(plot.plot()->graph(0)->data()->size(), 4);
    QCOMPARE(plot.plot()->graph(0)->data()->at(2)->value, 3800 * 3 / 1e3);  // p99 in ms
    QVERIFY(plot.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/http_latency.png"), nullptr, QSize(900, 500), 1.0));

    plot.clear();
    QVERIFY(!plot.hasResults());
    QCOMPARE(plot.plot()->graphCount(), 0);
}

void HttpLatencyPlotTest::flavoursOfOneRuntimeAreDrawnApartInEveryChart()
{
    // Express, Fastify and http on one Node.js, four servers on one CPython: once all in one colour per runtime.
    const std::vector<Result> results = testing::syntheticHttpRun();
    HttpLatencyPlot latency;
    latency.resize(900, 500);
    latency.showResults(results);
    SampleStore store;
    for (const Result& r : results)
        store.addMeasured(r);
    ThroughputPlot throughput(store);
    throughput.resize(900, 500);
    throughput.showView(chartViewOf(testing::syntheticHttpRun().front()).id);
    QCOMPARE(latency.plot()->graphCount(), int(results.size()));
    QSet<QString> latencyLooks, throughputColours;
    for (int i = 0; i < latency.plot()->graphCount(); ++i)
        latencyLooks.insert(lookOf(latency.plot()->graph(i)));
    QCOMPARE(latencyLooks.size(), int(results.size()));
    int measured = 0;
    for (int i = 0; i < throughput.plot()->graphCount(); ++i) {
        const QCPGraph* graph = throughput.plot()->graph(i);
        if (graph->lineStyle() == QCPGraph::lsNone)
            continue;  // the warm-up markers of a series
        ++measured;
        throughputColours.insert(graph->pen().color().name());
        // The same series looks the same on both charts.
        QVERIFY2(latencyLooks.contains(lookOf(graph)), qPrintable(graph->name() + QLatin1Char(' ') + lookOf(graph)));
    }
    QCOMPARE(measured, int(results.size()));
    QCOMPARE(throughputColours.size(), int(results.size()));  // colour alone, too

    // Every flavour of every workload of the catalog, on each built-in runtime: a colour of its own within its
    // workload and runtime, legible on a light and a dark background, and a marker unlike the plain series'.
    const Catalog catalog = Catalog::load(workloadsDirectory());
    QVERIFY(!catalog.workloads().empty());
    auto luminance = [](const QColor& c) {
        auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    for (const QString& runtime : {QStringLiteral("python"), QStringLiteral("node"), QStringLiteral("python3"),
                                   QStringLiteral("node-process"), QStringLiteral("pypy3")})
        for (const Workload& w : catalog.workloads()) {
            QSet<QRgb> colours;
            QSet<QString> looks;
            int flavours = 0;
            for (const Implementation& impl : w.implementations) {
                if ((impl.language == "python") != runtime.startsWith(QLatin1String("p")) || impl.language == "native")
                    continue;
                const SeriesStyle style = RuntimePalette::style(runtime, QString::fromStdString(impl.flavour));
                const QString what = QStringLiteral("%1 %2/%3 %4")
                                         .arg(QString::fromStdString(w.id), runtime,
                                              QString::fromStdString(impl.flavour), style.color.name());
                ++flavours;
                colours.insert(style.color.rgb());
                looks.insert(QStringLiteral("%1 %2").arg(int(style.pen(1).style())).arg(int(style.marker(6).shape())));
                const double y = luminance(style.color);
                QVERIFY2((1.05 / (y + 0.05)) >= 2.2 && (y + 0.05) / (luminance(QColor(0x2a, 0x2a, 0x2a)) + 0.05) >= 2.2,
                         qPrintable(what + QStringLiteral(" is hard to see on a light or a dark background")));
            }
            QCOMPARE(colours.size(), flavours);
            QCOMPARE(looks.size(), flavours);
        }
}

void HttpLatencyPlotTest::throughputIsInRequestsPerSecondBesideTheArticlesFigures()
{
    SampleStore store;
    // What a call is comes from the manifests: http's says its calls are requests, fib's says nothing.
    store.setCallUnits(callUnitsOf(Catalog::load(workloadsDirectory())));
    for (const Result& r : testing::syntheticHttpRun())
        store.addMeasured(r);
    store.addMeasured(testing::syntheticResult(7, "fib", "node", 1e6));  // a workload whose calls are calls
    ThroughputPlot throughput(store);
    throughput.resize(900, 500);
    throughput.showView(chartViewOf(testing::syntheticHttpRun().front()).id);
    throughput.resetZoom();
    QVERIFY2(throughput.plot()->yAxis->label().startsWith(QStringLiteral("requests per second")),
             qPrintable(throughput.plot()->yAxis->label()));
    // Each framework the article gives a figure for: a labelled line at that figure, in the framework's colour.
    QStringList labels;
    for (int i = 0; i < throughput.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(throughput.plot()->item(i)); text && text->visible())
            if (text->text().startsWith(QStringLiteral("article: "))) {
                labels << text->text();
                static const std::map<QString, std::pair<QString, QString>> kSeries{
                    {QStringLiteral("Express"), {QStringLiteral("node"), QStringLiteral("express")}},
                    {QStringLiteral("Fastify"), {QStringLiteral("node"), QStringLiteral("fastify")}},
                    {QStringLiteral("FastAPI"), {QStringLiteral("python"), QStringLiteral("fastapi")}},
                    {QStringLiteral("Flask"), {QStringLiteral("python"), QStringLiteral("flask")}}};
                QString runtime, flavour;
                for (const auto& [name, series] : kSeries)
                    if (text->text().contains(name))
                        std::tie(runtime, flavour) = series;
                QCOMPARE(text->color(), RuntimePalette::color(runtime, flavour));
            }
    labels.sort();
    QCOMPARE(labels.size(), 4);
    QVERIFY2(labels.join(QLatin1Char(',')).contains(QStringLiteral("Fastify ~30k req/s")),
             qPrintable(labels.join(',')));
    // The figures are in view: 30k req/s against a slowest series of 250 req/s makes the axis logarithmic.
    QVERIFY(throughput.plot()->yAxis->range().contains(30000));
    QCOMPARE(throughput.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(
        throughput.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/http_throughput.png"), nullptr, QSize(900, 500), 1.0));

    throughput.showView(testing::syntheticView("fib"));
    throughput.resetZoom();
    QVERIFY2(throughput.plot()->yAxis->label().startsWith(QStringLiteral("calls per second")),
             qPrintable(throughput.plot()->yAxis->label()));
    for (int i = 0; i < throughput.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(throughput.plot()->item(i)))
            QVERIFY2(!text->text().startsWith(QStringLiteral("article: ")), qPrintable(text->text()));
}

void HttpLatencyPlotTest::htmlReportOfAnHttpRunHoldsEveryChartTheWindowShows()
{
    ResultsDocument document;
    document.results = testing::syntheticHttpRun();
    const auto charts = renderReportCharts(document);
    QVERIFY2(charts, charts ? "" : charts.error().c_str());
    QStringList titles;
    for (const ChartSvg& chart : *charts)
        titles << QString::fromStdString(chart.title);
    const QString all = titles.join(QStringLiteral(" | "));
    for (const QString& wanted :
         {QStringLiteral("Summary"), QStringLiteral("throughput over time"), QStringLiteral("Memory over time"),
          QStringLiteral("Distribution"), QStringLiteral("HTTP latency under load")})
        QVERIFY2(all.contains(wanted), qPrintable(wanted + QStringLiteral(" missing from ") + all));
    const std::string html = htmlReport(document, *charts);
    QVERIFY(html.find("HTTP latency under load") != std::string::npos);
    QVERIFY(html.find("requests per second") != std::string::npos);  // the throughput chart's axis, as SVG text

    // A page of them, as the window's "All charts on one page" draws it, for a look.
    QVERIFY(renderChartPage(document, VERSUS_UI_ARTIFACTS "/http_report_page.png", 1400, 900, 96,
                            ChartSet::Contents::Report, false));
}

}  // namespace versus::gui

QTEST_MAIN(versus::gui::HttpLatencyPlotTest)
#include "http_latency_plot_test.moc"
