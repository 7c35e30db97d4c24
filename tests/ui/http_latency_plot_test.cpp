// The http workload's latency chart: one series per successful http result with its four percentiles, named with
// its requests/s and the article's figure where it gives one; other workloads and failed results are left out.
// Rendered to build/tests/ui/artifacts/http_latency.png for a look.
#include <QTest>

#include <qcustomplot.h>

#include "http_latency_plot.h"

namespace versus::gui {

class HttpLatencyPlotTest : public QObject {
    Q_OBJECT
private slots:
    void drawsOneSeriesPerHttpResultWithTheArticlesFigure();
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

}  // namespace

void HttpLatencyPlotTest::drawsOneSeriesPerHttpResultWithTheArticlesFigure()
{
    Result failed = httpResult("python", "CPython (embedded)", "flask", "Flask", 0, 1);
    failed.status = ResultStatus::Failed;
    Result other = httpResult("node", "Node.js (embedded)", "plain", "", 10, 1);
    other.workloadId = "fib";
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

}  // namespace versus::gui

QTEST_MAIN(versus::gui::HttpLatencyPlotTest)
#include "http_latency_plot_test.moc"
