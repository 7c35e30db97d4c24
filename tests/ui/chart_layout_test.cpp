// Charts stay readable at the sizes a 1280x720 and a 1920x1080 window give them: labels never overlap, empty charts
// show a readable message and no meaningless ticks, box names fit their slots, legends fit without squeezing the
// plot, and raced results say so. Off-screen, no runtimes; every chart is also written as a PNG to look at.
#include <QDir>

#include <cmath>
#include <QFontMetricsF>
#include <QTest>

#include <qcustomplot.h>

#include "distribution_plot.h"
#include "memory_plot.h"
#include "sample_store.h"
#include "series_label.h"
#include "summary_plot.h"
#include "synthetic_results.h"
#include "throughput_plot.h"

using namespace versus;
using namespace versus::gui;

namespace {

/// The summary chart's size in a 1280x720 window, in a 1920x1080 one, and the exports' default.
const QList<QSize> kChartSizes{QSize(470, 240), QSize(800, 420), QSize(700, 420)};

QString sizeName(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

/// Writes `chart` at `size` as a PNG to look at, then lays it out at that size (as on screen) for the checks.
void drawAt(PlotWidget& chart, QSize size, const QString& name)
{
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(chart.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/") + name + QLatin1Char('_') + sizeName(size)
                               + QStringLiteral(".png"),
                           nullptr, size, 1.0));
    chart.plot()->setViewport(QRect(QPoint(0, 0), size));
    chart.resetZoom();
    chart.plot()->replot();
}

/// The text's box, without the padding that keeps a label off its point.
QRectF boxOf(QCPItemText* text)
{
    const QMargins pad = text->padding();
    return QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition())
        .normalized()
        .adjusted(pad.left(), pad.top(), -pad.right(), -pad.bottom());
}

/// Every visible text item of `chart` (value labels, band labels, reference labels...).
std::vector<QCPItemText*> visibleTexts(const PlotWidget& chart)
{
    std::vector<QCPItemText*> texts;
    for (int i = 0; i < chart.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(chart.plot()->item(i)); text && text->visible())
            texts.push_back(text);
    return texts;
}

/// Pixel extents of the tick labels of `axis` after the latest layout.
std::vector<QRectF> tickLabelBoxes(QCPAxis* axis)
{
    std::vector<QRectF> boxes;
    if (!axis->tickLabels())
        return boxes;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const auto ticks = axis->tickVector();
    const auto labels = axis->tickVectorLabels();
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis->range().contains(ticks[i]))
            continue;
        const QRectF text = metrics.boundingRect(QRectF(0, 0, 10000, 10000), Qt::AlignLeft | Qt::AlignTop, labels[i]);
        const double at = axis->coordToPixel(ticks[i]);
        boxes.push_back(axis->orientation() == Qt::Horizontal
                            ? QRectF(at - text.width() / 2, 0, text.width(), text.height())
                            : QRectF(0, at - text.height() / 2, text.width(), text.height()));
    }
    return boxes;
}

void verifyTicksApart(const PlotWidget& chart, const QString& what)
{
    for (QCPAxis* axis : chart.plot()->axisRect()->axes()) {
        if (!axis->visible() || axis->tickLabelRotation() != 0)
            continue;  // slanted labels are checked by their own test
        const auto boxes = tickLabelBoxes(axis);
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                QVERIFY2(!boxes[i].intersects(boxes[j]),
                         qPrintable(QStringLiteral("%1: tick labels '%2' and '%3' overlap")
                                        .arg(what, axis->tickVectorLabels().value(int(i)),
                                             axis->tickVectorLabels().value(int(j)))));
    }
}

/// Every legend entry of `chart` lies inside the chart and is drawn whole; `entries` counts them.
void verifyLegendInView(const PlotWidget& chart, QSize size, int* entries)
{
    QCPLegend* legend = chart.plot()->legend;
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPAbstractLegendItem* item = legend->item(i);
        if (!item)
            continue;
        ++*entries;
        const QRect box = item->outerRect();
        QVERIFY2(QRect(chart.plot()->viewport()).contains(box),
                 qPrintable(QStringLiteral("%1: legend entry %2 is cut off").arg(sizeName(size)).arg(i)));
        QVERIFY2(box.width() + 1 >= item->minimumOuterSizeHint().width(),
                 qPrintable(QStringLiteral("legend entry %1 is truncated at %2").arg(i).arg(sizeName(size))));
    }
}

std::vector<Result> sixRuntimes()
{
    return {testing::syntheticResult(0, "fib", "native", 0.12e6),
            testing::syntheticResult(1, "fib", "python", 7e6),
            testing::syntheticResult(2, "fib", "node", 1e6),
            testing::syntheticResult(3, "fib", "python3", 7.3e6),
            testing::syntheticResult(4, "fib", "node-process", 1.28e6),
            testing::syntheticResult(5, "fib", "pypy3", 1.3e6)};
}

}  // namespace

class ChartLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void summaryLabelsNeverOverlap_data();
    void summaryLabelsNeverOverlap();
    void emptyChartsShowAReadableMessageAndNoTicks();
    void distributionNamesFitTheirSlots();
    void aLongLegendWrapsAndLeavesThePlotItsHeight();
    void racedSeriesAreLabelledOnTheCharts();
    void longGroupLabelsStayApartWithTheWholeTextInATooltip();
    void sevenLongSeriesNamesFitTheLegendAndTheBoxes();
};

void ChartLayoutTest::summaryLabelsNeverOverlap_data()
{
    QTest::addColumn<QSize>("size");
    for (const QSize size : kChartSizes)
        QTest::newRow(qPrintable(sizeName(size))) << size;
}

void ChartLayoutTest::summaryLabelsNeverOverlap()
{
    QFETCH(QSize, size);
    SummaryPlot plot;
    plot.setWorkloadClaims({{"fib", "cpu-bound"}});
    plot.setResults(sixRuntimes());
    drawAt(plot, size, QStringLiteral("summary_labels"));
    const auto texts = visibleTexts(plot);
    QStringList shown;
    for (QCPItemText* t : texts)
        shown << t->text();
    QVERIFY2(shown.contains(QStringLiteral("article 5-10x")), qPrintable(shown.join(QLatin1Char('|'))));
    QVERIFY2(shown.contains(QStringLiteral("fastest")), qPrintable(shown.join(QLatin1Char('|'))));
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            QVERIFY2(!boxOf(texts[i]).intersects(boxOf(texts[j])),
                     qPrintable(QStringLiteral("'%1' overlaps '%2'").arg(texts[i]->text(), texts[j]->text())));
    verifyTicksApart(plot, QStringLiteral("summary"));
}

void ChartLayoutTest::emptyChartsShowAReadableMessageAndNoTicks()
{
    SampleStore store;
    ThroughputPlot throughput(store);
    MemoryPlot memory(store);
    DistributionPlot distribution(store);
    SummaryPlot summary;
    const std::vector<std::pair<PlotWidget*, QString>> charts{{&throughput, QStringLiteral("throughput")},
                                                              {&memory, QStringLiteral("memory")},
                                                              {&distribution, QStringLiteral("distribution")},
                                                              {&summary, QStringLiteral("summary")}};
    for (const auto& [chart, name] : charts) {
        for (const QSize size : {QSize(320, 200), QSize(470, 240)}) {
            drawAt(*chart, size, QStringLiteral("empty_") + name);
            const auto texts = visibleTexts(*chart);
            QCOMPARE(texts.size(), std::size_t(1));  // the message, and nothing else
            const QRectF message = boxOf(texts.front());
            QVERIFY2(QRectF(chart->plot()->viewport()).contains(message),
                     qPrintable(name + QStringLiteral(": the message is cut: ") + texts.front()->text()));
            for (QCPAxis* axis : chart->plot()->axisRect()->axes())
                QVERIFY2(!axis->visible() || !axis->tickLabels(), qPrintable(name));
        }
    }
    // With data, the ticks come back, apart from each other.
    store.addMeasured(testing::syntheticResult(0, "fib", "python", 7e6));
    store.addMeasured(testing::syntheticResult(1, "fib", "node", 1e6));
    throughput.showView(testing::syntheticView("fib"));
    distribution.showView(testing::syntheticView("fib"));
    for (PlotWidget* chart : std::vector<PlotWidget*>{&throughput, &distribution}) {
        drawAt(*chart, QSize(320, 200), QStringLiteral("small_") + chart->title().section(QLatin1Char(' '), 0, 0));
        QVERIFY(chart->plot()->xAxis->tickLabels());
        verifyTicksApart(*chart, chart->title());
    }
}

void ChartLayoutTest::distributionNamesFitTheirSlots()
{
    SampleStore store;
    int item = 0;
    for (const char* runtime : {"python", "node", "python3", "node-process", "pypy3", "native"})
        for (const char* flavour : {"plain", "numpy"})
            if (std::string(flavour) == "plain" || std::string(runtime) == "python") {
                Result r = testing::syntheticResult(item, "fib", runtime, 1e6 * (item + 1), flavour);
                ++item;
                r.runtimeName += " (embedded, a long name)";
                store.addMeasured(r);
            }
    DistributionPlot chart(store);
    chart.showView(testing::syntheticView("fib"));
    for (const QSize size : kChartSizes) {
        drawAt(chart, size, QStringLiteral("distribution_names"));
        QCPAxis* x = chart.plot()->xAxis;
        const QFontMetricsF metrics(x->tickLabelFont());
        const auto ticks = x->tickVector();
        const auto labels = x->tickVectorLabels();
        QCOMPARE(ticks.size(), 7);
        const double slant = std::abs(x->tickLabelRotation()) * M_PI / 180;
        for (int i = 0; i + 1 < ticks.size(); ++i) {
            const double gap = x->coordToPixel(ticks[i + 1]) - x->coordToPixel(ticks[i]);
            if (slant > 0) {  // slanted labels are apart when a line's height, measured across, fits the gap
                QVERIFY2(metrics.height() / std::sin(slant) < gap, qPrintable(sizeName(size)));
                QVERIFY(metrics.horizontalAdvance(labels[i]) * std::sin(slant) < size.height() * 0.34);
                continue;
            }
            for (const QString& line : labels[i].split(QLatin1Char('\n')) + labels[i + 1].split(QLatin1Char('\n')))
                QVERIFY2(metrics.horizontalAdvance(line) < gap,
                         qPrintable(QStringLiteral("'%1' is wider than its slot (%2 px)").arg(line).arg(gap)));
        }
        verifyTicksApart(chart, QStringLiteral("distribution"));
    }
}

void ChartLayoutTest::aLongLegendWrapsAndLeavesThePlotItsHeight()
{
    // Six runtimes: per runtime its RSS and its GC markers, and the process's own RSS (13 series).
    SampleStore store;
    MemoryPlot chart(store);
    chart.startRun(0);
    const QStringList runtimes{QStringLiteral("CPython (embedded)"), QStringLiteral("Node.js (embedded)"),
                               QStringLiteral("CPython (process)"),  QStringLiteral("Node.js (process)"),
                               QStringLiteral("PyPy (process)"),     QStringLiteral("Native C++")};
    for (int t = 0; t < 20; ++t) {
        chart.addMemoryPoint("Versus process RSS", std::int64_t(t) * 100'000'000, 200'000'000 + t * 1'000'000);
        for (int r = 0; r < runtimes.size(); ++r) {
            chart.addMemoryPoint((runtimes[r] + QStringLiteral(" RSS")).toStdString(), std::int64_t(t) * 100'000'000,
                                 (50 + 10 * r + t) * 1'000'000);
            if (t % 5 == 0)
                chart.addGcEvent(runtimes[r].toStdString(), std::int64_t(t) * 100'000'000, 1'000'000);
        }
    }
    for (const QSize size : kChartSizes) {
        drawAt(chart, size, QStringLiteral("memory_legend"));
        QCPLegend* legend = chart.plot()->legend;
        int entries = 0;
        verifyLegendInView(chart, size, &entries);
        QCOMPARE(entries, 8);  // the GC ticks of every runtime share one entry
        const QRect plotArea = chart.plot()->axisRect()->rect();
        QVERIFY2(plotArea.height() >= size.height() * 0.4,
                 qPrintable(QStringLiteral("the plot keeps %1 px of %2").arg(plotArea.height()).arg(size.height())));
        QVERIFY(!legend->outerRect().intersects(plotArea));
    }
}

void ChartLayoutTest::racedSeriesAreLabelledOnTheCharts()
{
    std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 7e6),
                                testing::syntheticResult(1, "fib", "node", 1e6)};
    for (Result& r : results)
        r.order = "race";
    SampleStore store;
    for (const Result& r : results)
        store.addMeasured(r);
    ThroughputPlot throughput(store);
    throughput.showView(testing::syntheticView("fib"));
    SummaryPlot summary;
    summary.setResults(results);
    for (PlotWidget* chart : std::vector<PlotWidget*>{&throughput, &summary}) {
        drawAt(*chart, QSize(700, 420), QStringLiteral("raced_") + chart->title().section(QLatin1Char(' '), 0, 0));
        QStringList legend;
        for (int i = 0; i < chart->plot()->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(chart->plot()->legend->item(i)))
                legend << item->plottable()->name();
        QVERIFY(!legend.isEmpty());
        for (const QString& name : legend)
            QVERIFY2(name.endsWith(QStringLiteral(", raced")),
                     qPrintable(chart->title() + QStringLiteral(": ") + name));
    }
    QCOMPARE(seriesLabel(results[0]), QStringLiteral("CPython (test), raced"));
    results[0].order = "interleaved";
    QCOMPARE(seriesLabel(results[0]), QStringLiteral("CPython (test)"));
}

void ChartLayoutTest::longGroupLabelsStayApartWithTheWholeTextInATooltip()
{
    // Six groups named "Database: insert in a transaction / clients=8, pgbench=true, pool=1, queries=200": their
    // labels were drawn over each other into a smear.
    SummaryPlot plot;
    plot.setResults(testing::syntheticDatabaseRun());
    for (const QSize size : kChartSizes + QList<QSize>{QSize(540, 330)}) {
        drawAt(plot, size, QStringLiteral("summary_long_groups"));
        QCPAxis* x = plot.plot()->xAxis;
        QCOMPARE(x->tickLabelRotation(), 0.0);
        const auto ticks = x->tickVector();
        const auto labels = x->tickVectorLabels();
        QCOMPARE(ticks.size(), 6);
        const QFontMetricsF metrics(x->tickLabelFont());
        for (int i = 0; i + 1 < ticks.size(); ++i) {
            const double gap = x->coordToPixel(ticks[i + 1]) - x->coordToPixel(ticks[i]);
            for (const QString& line : labels[i].split(QLatin1Char('\n')) + labels[i + 1].split(QLatin1Char('\n')))
                QVERIFY2(
                    metrics.horizontalAdvance(line) < gap,
                    qPrintable(
                        QStringLiteral("%1: '%2' is wider than its slot (%3 px)").arg(sizeName(size), line).arg(gap)));
        }
        verifyTicksApart(plot, QStringLiteral("summary ") + sizeName(size));
        // Where there is room, the pool sizes tell the groups of one workload apart on the axis itself.
        if (size.width() >= 800)
            QVERIFY2(labels[0].contains(QStringLiteral("pool=1")) && labels[1].contains(QStringLiteral("pool=8")),
                     qPrintable(labels[0] + QStringLiteral(" | ") + labels[1]));
        QVERIFY2(
            plot.plot()->axisRect()->height() * 2 >= size.height(),
            qPrintable(QStringLiteral("%1: plot %2 px").arg(sizeName(size)).arg(plot.plot()->axisRect()->height())));
        // Where a slot cannot hold the whole title on two lines, the family all six share ("Database: ") gives way to the words
        // that tell them apart ("Da… ins… po…" was seen at 1400x900).
        if (metrics.horizontalAdvance(QStringLiteral("Database: insert in a transaction"))
            > 2 * (x->coordToPixel(ticks[1]) - x->coordToPixel(ticks[0])))
            QVERIFY2(labels[0].startsWith(QLatin1Char('i')), qPrintable(sizeName(size) + QLatin1Char(' ') + labels[0]));
    }
    QCOMPARE(plot.groupLabel(3),
             QStringLiteral("Database: filtered list with a join\nclients=8, pgbench=true, pool=8, queries=200"));
}

void ChartLayoutTest::sevenLongSeriesNamesFitTheLegendAndTheBoxes()
{
    // Seven runtime/ORM series of a database workload: the throughput legend was cut off under its plot and the box
    // names were elided to "CPyth...".
    SampleStore store;
    std::vector<Result> results = testing::syntheticDatabaseRun();
    for (const Result& r : results)
        if (r.workloadId == "db_insert" && std::get<std::int64_t>(r.params.at("pool")) == 1)
            store.addMeasured(r);
    ThroughputPlot throughput(store);
    throughput.showView(chartViewOf(results.front()).id);
    DistributionPlot distribution(store);
    distribution.showView(chartViewOf(results.front()).id);
    for (const QSize size : {QSize(470, 240), QSize(540, 330), QSize(800, 420)}) {
        drawAt(throughput, size, QStringLiteral("throughput_seven"));
        int entries = 0;
        verifyLegendInView(throughput, size, &entries);
        QCOMPARE(entries, 7);
        QVERIFY2(
            throughput.plot()->axisRect()->height() * 2 >= size.height(),
            qPrintable(
                QStringLiteral("%1: plot %2 px").arg(sizeName(size)).arg(throughput.plot()->axisRect()->height())));
        drawAt(distribution, size, QStringLiteral("distribution_seven"));
        QCPAxis* x = distribution.plot()->xAxis;
        const auto labels = x->tickVectorLabels();
        QCOMPARE(labels.size(), 7);
        // At a usual chart size every name is readable: wrapped under its box, or slanted and long enough to say
        // more than the runtime ("CPyth..." once).
        if (size.height() >= 300)
            for (const QString& label : labels)
                QVERIFY2(!label.contains(QChar(0x2026)) || label.size() >= 15,
                         qPrintable(sizeName(size) + QStringLiteral(": ") + label));
        verifyTicksApart(distribution, QStringLiteral("distribution ") + sizeName(size));
    }
}

QTEST_MAIN(ChartLayoutTest)
#include "chart_layout_test.moc"
