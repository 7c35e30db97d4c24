// renderCharts and renderReportCharts as versus-gui calls them for the CLI: in a process without a Qt application or a display.
// The test's own main() creates no application; renderCharts must create one on the offscreen platform.
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "chart_render.h"
#include "synthetic_results.h"

using namespace versus;
using namespace versus::gui;

class ChartRenderTest : public QObject {
    Q_OBJECT
private slots:
    void pngIsSizedByDpiAndNotBlank();
    void svgAndPdfHaveTheirSignature();
    void unknownExtensionIsRefused();
    void svgTextForHtmlReports();
    void allChartsPageHoldsEveryChartWithTheScreensAxes();

private:
    static std::vector<Result> results();
    QTemporaryDir m_dir;
};

std::vector<Result> ChartRenderTest::results()
{
    // Two workloads: the summary, then a row of two throughput charts.
    return {testing::syntheticResult(0, "fib", "python", 7e6), testing::syntheticResult(1, "fib", "node", 1e6),
            testing::syntheticResult(2, "json_parse", "python", 4e6),
            testing::syntheticResult(3, "json_parse", "python", 1.8e6, "ujson"),
            testing::syntheticResult(4, "json_parse", "node", 1e6)};
}

void ChartRenderTest::pngIsSizedByDpiAndNotBlank()
{
    QVERIFY(!QCoreApplication::instance());
    const QString file = m_dir.filePath(QStringLiteral("charts.png"));
    const auto drawn = renderCharts(results(), file.toStdString(), 800, 600, 192);
    QVERIFY2(drawn.ok(), drawn.error().c_str());
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    QVERIFY(QFile(file).size() > 20000);
    const QImage image(file);
    QCOMPARE(image.size(), QSize(1600, 1200));  // 800 x 600 logical pixels at 2 device pixels each
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
    // Not blank: the grey levels vary (text, axes, dots), and plenty of pixels differ from the background.
    double sum = 0, sumSquares = 0;
    int differing = 0;
    const QRgb background = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const double grey = qGray(image.pixel(x, y));
            sum += grey;
            sumSquares += grey * grey;
            differing += image.pixel(x, y) != background;
        }
    const double n = double(image.width() / 2) * double(image.height() / 2);
    const double variance = sumSquares / n - (sum / n) * (sum / n);
    QVERIFY2(variance > 100, qPrintable(QString::number(variance)));
    QVERIFY2(differing > n / 50, qPrintable(QString::number(differing)));
    QFile::remove(QStringLiteral(VERSUS_UI_ARTIFACTS "/cli_charts.png"));
    QVERIFY(QFile::copy(file, QStringLiteral(VERSUS_UI_ARTIFACTS "/cli_charts.png")));
}

void ChartRenderTest::svgAndPdfHaveTheirSignature()
{
    const QString svg = m_dir.filePath(QStringLiteral("charts.svg"));
    const auto svgDrawn = renderCharts(results(), svg.toStdString(), 800, 600, 96);
    QVERIFY2(svgDrawn.ok(), svgDrawn.error().c_str());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgBytes = svgFile.readAll();
    QVERIFY(svgBytes.contains("<svg"));
    QVERIFY(svgBytes.size() > 10000);

    const QString pdf = m_dir.filePath(QStringLiteral("charts.pdf"));
    const auto pdfDrawn = renderCharts(results(), pdf.toStdString(), 800, 600, 96);
    QVERIFY2(pdfDrawn.ok(), pdfDrawn.error().c_str());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF"));
    QVERIFY(pdfBytes.size() > 5000);
}

void ChartRenderTest::unknownExtensionIsRefused()
{
    const QString file = m_dir.filePath(QStringLiteral("charts.bmp"));
    const auto bmp = renderCharts(results(), file.toStdString(), 800, 600, 96);
    QVERIFY(!bmp.ok());
    QVERIFY2(bmp.error().find(".png, .svg or .pdf") != std::string::npos, bmp.error().c_str());
    QVERIFY(!QFile::exists(file));
    const auto missing =
        renderCharts(results(), m_dir.filePath(QStringLiteral("no/such/dir/c.png")).toStdString(), 800, 600, 96);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().find("Cannot write") != std::string::npos, missing.error().c_str());
}

void ChartRenderTest::svgTextForHtmlReports()
{
    ResultsDocument document;
    document.results = results();
    const auto charts = renderReportCharts(document);
    QVERIFY2(charts.ok(), charts.error().c_str());
    QCOMPARE(charts->size(), std::size_t(7));  // the summary, then throughput, memory, distribution per workload
    for (const ChartSvg& chart : *charts) {
        QVERIFY(!chart.title.empty());
        QVERIFY(chart.svg.find("<svg") < 200);
        QVERIFY(chart.svg.find("<?xml") == std::string::npos);  // htmlReport inserts it verbatim into the page
    }
    QVERIFY(charts->at(1).title.find("Fibonacci") != std::string::npos
            || charts->at(1).svg.find("Fibonacci") != std::string::npos);
}

int main(int argc, char** argv)
{
    ChartRenderTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "chart_render_test.moc"

void ChartRenderTest::allChartsPageHoldsEveryChartWithTheScreensAxes()
{
    ResultsDocument document;
    document.results = results();
    // Two workloads: the summary, then throughput, memory and distribution of each, two per row: 1 + 3 rows.
    const QString file = m_dir.filePath(QStringLiteral("all.png"));
    const auto drawn = renderChartPage(document, file.toStdString(), 800, 600, 96, ChartSet::Contents::Report, true);
    QVERIFY2(drawn.ok(), drawn.error().c_str());
    const QImage image(file);
    QCOMPARE(image.size(), QSize(800, 4 * 300));
    const ChartSet charts(document, {}, ChartSet::Contents::Report);
    QCOMPARE(charts.plots().size(), std::size_t(1 + 2 * 3));
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(image.save(QStringLiteral(VERSUS_UI_ARTIFACTS "/all_charts_page.png")));
}
