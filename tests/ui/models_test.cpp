// Models under QAbstractItemModelTester, the parameter validator, box statistics, result export formats, the
// summary chart's CIs and claim bands, runtime colours, chart labels and the dark palette: no runtimes.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QLineEdit>
#include <QIcon>
#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QLineEdit>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "article_claims.h"
#include "box_statistics.h"
#include "catalog.h"
#include "chart_export_dialog.h"
#include "connection_memory_plot.h"
#include "custom_code_panel.h"
#include "distribution_plot.h"
#include "exporters.h"
#include "headline.h"
#include "memory_plot.h"
#include "parameter_editor.h"
#include "parameter_validator.h"
#include "result_analysis.h"
#include "results_export.h"
#include "results_file.h"
#include "results_model.h"
#include "run_panel.h"
#include "runtime_registry.h"
#include "scaling_plot.h"
#include "runtime_list_model.h"
#include "runtime_palette.h"
#include "sample_store.h"
#include "summary_plot.h"
#include "synthetic_results.h"
#include "text_format.h"
#include "throughput_plot.h"
#include "workload_tree_model.h"

using namespace versus;
using namespace versus::gui;

namespace {

Result okResult(int item, const std::string& workload, const std::string& runtime, double medianNs)
{
    Result r;
    r.itemIndex = item;
    r.workloadId = workload;
    r.workloadTitle = workload;
    r.runtimeId = runtime;
    r.runtimeName = runtime + " (test)";
    r.language = runtime == "native" ? "native" : runtime == "node" ? "javascript" : "python";
    r.embedded = true;
    r.flavour = "plain";
    r.params = {{"n", std::int64_t(10)}};
    r.summary.samples = 5;
    r.summary.medianNs = medianNs;
    r.summary.madNs = medianNs / 10;
    r.summary.callsPerSecond = 1e9 / medianNs;
    return r;
}

/// WCAG contrast ratio of two opaque colours.
double contrast(const QColor& a, const QColor& b)
{
    auto luminance = [](const QColor& c) {
        auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// What a dark desktop theme hands the application.
QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return dark;
}

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT
private slots:
    void workloadTreeChecksByCategory();
    void runtimeListGreysOutUnavailable();
    void resultsModelReplacesRunningRowsAndRanks();
    void validatorRefusesWithReason_data();
    void validatorRefusesWithReason();
    void boxStatistics_data();
    void boxStatistics();
    void resultsTableShowsTheMediansConfidenceInterval();
    void resultsTableMarksWarningsInTheStatusCell();
    void exportFormatsWriteTheirSignature_data();
    void exportFormatsWriteTheirSignature();
    void exportPicksFormatByLongestSuffixThenFilter();
    void exportRefusesUnknownFormats();
    void summaryErrorBarsAreTheBootstrapRatioCi();
    void windowHeadlineIsTheCliAndMarkdownHeadline();
    void summaryDrawsTheArticlesClaimedRange();
    void summaryAnswersPythonOrNodeWithNativeAsAReferenceLine();
    void throughputGoesLogWhenSeriesAreOverTenfoldApart();
    void snippetsSurviveARestartAndTravelAsFiles();
    void pngExportDialogSaysTheImageSize();
    void builtinRuntimesHaveDistinctLegibleColours();
    void throughputLabelsLeaveTheDataClear();
    void chartsReadOnADarkPalette();
    void codePanelFollowsThePaletteAndEndsWithTheRun();
    void distributionOfManySamplesIsThinnedNotChanged();
    void warmUpBandEndsWithTheFirstWarmUp();
    void runPanelExpandsSteppedWorkloads();
    void scalingPlotDrawsSpeedupsTheIdealAndTheCores();
    void connectionMemoryPlotDrawsStepsAndTheArticlesLines();

private:
    Catalog m_catalog = Catalog::load(workloadsDirectory());
};

void ModelsTest::workloadTreeChecksByCategory()
{
    QVERIFY2(m_catalog.find("fib"), "the catalog must hold fib");
    WorkloadTreeModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterRole(WorkloadTreeModel::SearchTextRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex fib = model.indexOf(QStringLiteral("fib"));
    QVERIFY(fib.isValid());
    QCOMPARE(model.workloadAt(fib)->id, std::string("fib"));
    QVERIFY(model.setData(fib, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedWorkloadIds(), QStringList{QStringLiteral("fib")});
    const QModelIndex category = fib.parent();
    QCOMPARE(model.data(category, Qt::DisplayRole).toString(), QStringLiteral("CPU"));
    const int siblings = model.rowCount(category);
    QCOMPARE(model.data(category, Qt::CheckStateRole).value<Qt::CheckState>(),
             siblings == 1 ? Qt::Checked : Qt::PartiallyChecked);
    QVERIFY(model.setData(category, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedWorkloadIds().size(), siblings);
    QVERIFY(model.setData(category, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model.checkedWorkloadIds().isEmpty());

    proxy.setFilterFixedString(QStringLiteral("fibonacci"));
    QCOMPARE(proxy.rowCount(), 1);  // the CPU category, kept for its matching child
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);

    // Every category is shown capitalised by one rule ("database" was shown as it is written in its manifests).
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString title = model.data(model.index(row, 0), Qt::DisplayRole).toString();
        titles << title;
        QVERIFY2(!title.isEmpty() && title.at(0).isUpper(), qPrintable(title));
    }
    QVERIFY2(titles.contains(QStringLiteral("Database")), qPrintable(titles.join(QStringLiteral(", "))));
    QCOMPARE(WorkloadTreeModel::categoryTitle("message_queues"), QStringLiteral("Message queues"));
}

void ModelsTest::runtimeListGreysOutUnavailable()
{
    RuntimeRegistry registry;
    RuntimeDescriptor ok;
    ok.info = {"python", "CPython (test)", "python", "3.11.2", "", true};
    RuntimeDescriptor missing;
    missing.info = {"pypy", "PyPy", "python", "7.3", "", false};
    missing.unavailableReason = "pypy3 is not installed; apt install pypy3";
    registry.add(ok);
    registry.add(missing);
    RuntimeListModel model(registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("CPython 3.11.2 (test)"));
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsEnabled);
    QVERIFY(!(model.flags(model.index(1)) & Qt::ItemIsEnabled));
    QVERIFY(model.data(model.index(1), Qt::ToolTipRole).toString().contains(QStringLiteral("apt install pypy3")));
    QVERIFY(!model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
    model.setCheckedRuntimeIds({QStringLiteral("python"), QStringLiteral("pypy")});
    QCOMPARE(model.checkedRuntimeIds(), QStringList{QStringLiteral("python")});
    QVERIFY(!registry.isCreated("python"));  // listing never creates a runtime
}

void ModelsTest::resultsModelReplacesRunningRowsAndRanks()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ResultsModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.addRunning(0, QStringLiteral("fib"), QStringLiteral("python (test)"), QStringLiteral("python"), {});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.isRunning(0));
    model.addResult(okResult(0, "fib", "python", 100000));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.isRunning(0));
    model.addResult(okResult(1, "fib", "node", 5000));
    Result failed = okResult(2, "fib", "native", 0);
    failed.status = ResultStatus::Failed;
    failed.failure = {FailureKind::ScriptError, "ZeroDivisionError at line 3 of fib.py: division by zero", "fib.py", 3};
    model.addResult(failed);
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(model.ratioToFastest(0), 20.0);
    QCOMPARE(model.ratioToFastest(1), 1.0);
    QVERIFY(std::isnan(model.ratioToFastest(2)));
    QCOMPARE(model.data(model.index(1, ResultsModel::RatioColumn)).toString(), QStringLiteral("fastest"));
    QVERIFY(model.data(model.index(2, ResultsModel::StatusColumn))
                .toString()
                .contains(QStringLiteral("ZeroDivisionError")));
    QVERIFY(model.data(model.index(2, ResultsModel::StatusColumn), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("line 3")));

    proxy.sort(ResultsModel::MedianColumn, Qt::AscendingOrder);  // numeric, not "100 us" < "5 us"
    QCOMPARE(proxy.data(proxy.index(0, ResultsModel::RuntimeColumn)).toString(), QStringLiteral("node (test)"));
    QCOMPARE(proxy.data(proxy.index(2, ResultsModel::RuntimeColumn)).toString(), QStringLiteral("native (test)"));
    QCOMPARE(model.results().size(), std::size_t(3));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void ModelsTest::validatorRefusesWithReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("in range") << "27" << int(QValidator::Acceptable) << "";
    QTest::newRow("lower limit") << "0" << int(QValidator::Acceptable) << "";
    QTest::newRow("above max") << "99" << int(QValidator::Intermediate) << "from 0 to 35";
    QTest::newRow("negative") << "-1" << int(QValidator::Intermediate) << "from 0 to 35";
    QTest::newRow("half typed") << "-" << int(QValidator::Intermediate) << "integer";
    QTest::newRow("letters") << "abc" << int(QValidator::Invalid) << "integer";
    QTest::newRow("fraction") << "2.5" << int(QValidator::Invalid) << "integer";
}

void ModelsTest::validatorRefusesWithReason()
{
    QFETCH(QString, text);
    QFETCH(int, state);
    QFETCH(QString, reasonContains);
    const Workload* fib = m_catalog.find("fib");
    QVERIFY(fib && fib->parameter("n"));
    ParameterValidator validator(*fib->parameter("n"));
    int pos = 0;
    QCOMPARE(int(validator.validate(text, pos)), state);
    const QString reason = validator.reason(text);
    if (reasonContains.isEmpty()) {
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    } else {
        QVERIFY2(reason.contains(reasonContains), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("'n'")), qPrintable(reason));  // names the parameter
    }
}

void ModelsTest::boxStatistics_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("q1");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("q3");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("outliers");
    QTest::newRow("empty") << QList<double>{} << 0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 0;
    QTest::newRow("one") << QList<double>{7} << 1 << 7.0 << 7.0 << 7.0 << 7.0 << 7.0 << 0;
    QTest::newRow("four") << QList<double>{4, 1, 3, 2} << 4 << 1.0 << 1.75 << 2.5 << 3.25 << 4.0 << 0;
    // q1 2, q3 4, IQR 2: the upper fence is 7, so 100 is an outlier and the whisker stops at 4.
    QTest::newRow("outlier") << QList<double>{1, 2, 3, 4, 100} << 5 << 1.0 << 2.0 << 3.0 << 4.0 << 4.0 << 1;
    QTest::newRow("not finite") << QList<double>{NAN, 5, 5} << 2 << 5.0 << 5.0 << 5.0 << 5.0 << 5.0 << 0;
}

void ModelsTest::boxStatistics()
{
    QFETCH(QList<double>, values);
    const BoxStatistics b = BoxStatistics::compute(std::vector<double>(values.begin(), values.end()));
    QTEST(b.count, "count");
    QTEST(b.lowerWhisker, "low");
    QTEST(b.q1, "q1");
    QTEST(b.median, "median");
    QTEST(b.q3, "q3");
    QTEST(b.upperWhisker, "high");
    QTEST(int(b.outliers.size()), "outliers");
}

void ModelsTest::resultsTableShowsTheMediansConfidenceInterval()
{
    ResultsModel model;
    const Result r = testing::syntheticResult(0, "fib", "python", 2e6);
    model.addResult(r);
    QCOMPARE(model.headerData(ResultsModel::CiColumn, Qt::Horizontal).toString(), QStringLiteral("95% CI"));
    const QString ci = model.data(model.index(0, ResultsModel::CiColumn)).toString();
    QCOMPARE(ci,
             QStringLiteral("%1 to %2")
                 .arg(QString::fromStdString(formatDuration(r.summary.ciLowNs)),
                      QString::fromStdString(formatDuration(r.summary.ciHighNs))));
    QVERIFY(r.summary.ciLowNs < r.summary.medianNs && r.summary.medianNs < r.summary.ciHighNs);
    QCOMPARE(model.data(model.index(0, ResultsModel::CiColumn), ResultsModel::SortRole).toDouble(), r.summary.ciLowNs);
}

void ModelsTest::resultsTableMarksWarningsInTheStatusCell()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Result warned = testing::syntheticResult(0, "fib", "python", 850);
    warned.warnings = {"each call takes 850 ns, of which about 143 ns is the harness's own loop: use a larger "
                       "parameter so the workload dominates"};
    const Result plain = testing::syntheticResult(1, "fib", "node", 2e6);
    model.addResult(warned);
    model.addResult(plain);
    const QModelIndex status = model.index(0, ResultsModel::StatusColumn);
    QCOMPARE(model.data(status).toString(), QStringLiteral("ok, 1 warning"));
    QVERIFY(!model.data(status, Qt::DecorationRole).value<QIcon>().isNull());
    const QString tip = model.data(status, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Warning: each call takes 850 ns, of which about 143 ns")), qPrintable(tip));

    const QModelIndex clean = model.index(1, ResultsModel::StatusColumn);
    QCOMPARE(model.data(clean).toString(), QStringLiteral("ok"));
    QVERIFY(model.data(clean, Qt::DecorationRole).isNull());
    QVERIFY(!model.data(clean, Qt::ToolTipRole).toString().contains(QStringLiteral("Warning")));

    warned.warnings.push_back("left a timer running");
    model.addResult(warned);  // the finished result replaces its row
    QCOMPARE(model.data(status).toString(), QStringLiteral("ok, 2 warnings"));
}

namespace {

ResultsDocument syntheticDocument()
{
    ResultsDocument d;
    d.versusVersion = "0.1.0";
    d.startedAtUtc = "2026-01-02T03:04:05Z";
    d.results = {testing::syntheticResult(0, "fib", "python", 7e6), testing::syntheticResult(1, "fib", "node", 1e6)};
    return d;
}

}  // namespace

void ModelsTest::exportFormatsWriteTheirSignature_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");
    QTest::addColumn<QByteArray>("contains");
    QTest::newRow("results json") << "r.json" << QByteArray("{") << QByteArray("\"schema_version\": 2");
    QTest::newRow("hyperfine") << "r.hyperfine.json" << QByteArray("{") << QByteArray("\"times\"");
    QTest::newRow("summaries csv") << "r.csv" << QByteArray("workload,params,runtime") << QByteArray("ci95_low_ns");
    QTest::newRow("samples csv") << "r.samples.csv" << QByteArray("workload,params,runtime")
                                 << QByteArray("sample_index");
    QTest::newRow("markdown") << "r.md" << QByteArray() << QByteArray("| ");
    QTest::newRow("html") << "r.html" << QByteArray("<!DOCTYPE html>") << QByteArray("<svg id=\"test-chart\"");
}

void ModelsTest::exportFormatsWriteTheirSignature()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    QFETCH(QByteArray, contains);
    QTemporaryDir dir;
    bool chartsRendered = false;
    const auto charts = [&chartsRendered] {
        chartsRendered = true;
        return std::vector<ChartSvg>{{"Test chart", "<svg id=\"test-chart\"></svg>"}};
    };
    QString error;
    QVERIFY2(ResultsExport::write(dir.filePath(file), syntheticDocument(), charts, &error), qPrintable(error));
    QFile written(dir.filePath(file));
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY2(bytes.startsWith(starts), bytes.left(80).constData());
    QVERIFY2(bytes.contains(contains), bytes.left(300).constData());
    QCOMPARE(chartsRendered, file.endsWith(QLatin1String(".html")));  // charts are drawn only for the report
}

void ModelsTest::exportPicksFormatByLongestSuffixThenFilter()
{
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("a.samples.csv"))->suffix, QStringLiteral("samples.csv"));
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("a.CSV"))->suffix, QStringLiteral("csv"));
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("a.hyperfine.json"))->suffix, QStringLiteral("hyperfine.json"));
    // The extension the user typed wins over the dialog's selected filter; the filter decides only without one.
    const ResultsExport::Format* samples = ResultsExport::formatFor(QStringLiteral("a.samples.csv"));
    const ResultsExport::Format* json = ResultsExport::formatFor(QStringLiteral("a.json"));
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("a.csv"), samples->filter())->suffix, QStringLiteral("csv"));
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("run.md"), json->filter())->suffix, QStringLiteral("md"));
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("run"), samples->filter()), samples);
    QCOMPARE(ResultsExport::formatFor(QStringLiteral("run")), nullptr);
    QVERIFY(ResultsExport::fileDialogFilter().contains(QStringLiteral("HTML report (*.html)")));
}

void ModelsTest::exportRefusesUnknownFormats()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!ResultsExport::write(dir.filePath(QStringLiteral("results.docx")), syntheticDocument(), {}, &error));
    QVERIFY2(error.contains(QStringLiteral(".json")) && error.contains(QStringLiteral(".html")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("results.docx"))));
}

void ModelsTest::summaryErrorBarsAreTheBootstrapRatioCi()
{
    SummaryPlot plot;
    const std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 7e6),
                                      testing::syntheticResult(1, "fib", "node", 1e6)};
    plot.setResults(results);
    QCPErrorBars* pythonBars = nullptr;
    for (int i = 0; i < plot.plot()->plottableCount(); ++i)
        if (auto* bars = qobject_cast<QCPErrorBars*>(plot.plot()->plottable(i)); bars && !pythonBars)
            pythonBars = bars;  // the first series is the first result's: python
    QVERIFY(pythonBars);
    const stats::Comparison c =
        stats::compareSamples(stats::perCallNs(results[0].samples), stats::perCallNs(results[1].samples));
    const double ratio = results[0].summary.medianNs / results[1].summary.medianNs;
    const QCPErrorBarsData bar = pythonBars->data()->at(0);
    QVERIFY(qFuzzyCompare(ratio - bar.errorMinus, c.ratioCi.low));
    QVERIFY(qFuzzyCompare(ratio + bar.errorPlus, c.ratioCi.high));
    QVERIFY(bar.errorPlus > 0 && bar.errorMinus > 0);
}

void ModelsTest::windowHeadlineIsTheCliAndMarkdownHeadline()
{
    const std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 1.2e6),
                                      testing::syntheticResult(1, "fib", "node", 1e6),
                                      testing::syntheticResult(2, "sort", "node", 1e6)};
    const ResultAnalysis analysis = ResultAnalysis::compute(results);
    QCOMPARE(analysis.headlines.size(), std::size_t(1));  // sort has one result: nothing to compare
    const std::string& sentence = analysis.headlines[0].sentence;
    QVERIFY2(formatResultsTable(results).find("  => " + sentence + "\n") != std::string::npos, sentence.c_str());
    QVERIFY2(markdownTable(results).find("- " + sentence + "\n") != std::string::npos, sentence.c_str());
    // The summary's error bar of the slower result is the headline's interval.
    const Headline h = compareWithFastest(results[0], results[1]);
    QCOMPARE(analysis.ratioCi[0].low, h.ratioCi.low);
    QCOMPARE(analysis.ratioCi[0].high, h.ratioCi.high);
}

void ModelsTest::summaryDrawsTheArticlesClaimedRange()
{
    QCOMPARE(articleClaimsFor("json_parse").size(), std::size_t(2));  // plain json and ujson differ
    QVERIFY(articleClaimsFor("no-such-workload").empty());
    SummaryPlot plot;
    const std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 7e6),
                                      testing::syntheticResult(1, "fib", "node", 1e6)};
    plot.setResults(results);
    QCOMPARE(plot.claimBandCount(), 0);  // no claims known yet
    plot.setWorkloadClaims({{"fib", "cpu-bound"}});
    plot.setResults(results);
    QCOMPARE(plot.claimBandCount(), 1);
    QCPItemRect* band = nullptr;
    for (int i = 0; i < plot.plot()->itemCount(); ++i)
        if (auto* rect = qobject_cast<QCPItemRect*>(plot.plot()->item(i)))
            band = rect;
    QVERIFY(band);
    // Node.js is the fastest (1x), so CPython would sit at 5x to 10x if the claim holds.
    QCOMPARE(band->topLeft->coords().y(), 10.0);
    QCOMPARE(band->bottomRight->coords().y(), 5.0);
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(plot.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/summary_claim_band.png"), nullptr, QSize(700, 420)));
}

void ModelsTest::summaryAnswersPythonOrNodeWithNativeAsAReferenceLine()
{
    SummaryPlot plot;
    plot.setWorkloadClaims({{"fib", "cpu-bound"}});
    std::vector<Result> results{testing::syntheticResult(0, "fib", "native", 0.1e6),
                                testing::syntheticResult(1, "fib", "python", 7e6),
                                testing::syntheticResult(2, "fib", "node", 1e6)};
    plot.setResults(results);
    QStringList graphs;
    for (int i = 0; i < plot.plot()->graphCount(); ++i)
        graphs << plot.plot()->graph(i)->name();
    QCOMPARE(graphs, QStringList({QStringLiteral("CPython (test)"), QStringLiteral("Node.js (test)")}));
    QStringList labels;
    QCPItemLine* reference = nullptr;
    QCPItemRect* band = nullptr;
    for (int i = 0; i < plot.plot()->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(plot.plot()->item(i)))
            labels << text->text();
        if (auto* line = qobject_cast<QCPItemLine*>(plot.plot()->item(i)))
            reference = line;
        if (auto* rect = qobject_cast<QCPItemRect*>(plot.plot()->item(i)))
            band = rect;
    }
    QVERIFY2(labels.contains(QStringLiteral("fastest")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(labels.contains(QStringLiteral("native 0.10x")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(labels.contains(QStringLiteral("article 5-10x")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY(reference);
    QVERIFY(std::abs(reference->start->coords().y() - 0.1) < 1e-6);  // a tenth of Node.js, the fastest contender
    QVERIFY(reference->property("toolTip").toString().contains(QStringLiteral("reference")));
    QVERIFY(band);  // the claim sits at 5-10x of Node.js, not of the native reference
    QCOMPARE(band->topLeft->coords().y(), 10.0);
    QVERIFY(band->property("toolTip").toString().contains(QStringLiteral("Node.js 5-10x faster than CPython")));
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(
        plot.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/summary_native_reference.png"), nullptr, QSize(700, 420)));

    // A failed Node.js result: CPython is alone, so neither the chart nor the table calls it fastest.
    results[2].status = ResultStatus::Failed;
    results[2].failure = {FailureKind::WrongAnswer, "answer differs", "", 0};
    plot.setResults(results);
    labels.clear();
    for (int i = 0; i < plot.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot.plot()->item(i)))
            labels << text->text();
    QVERIFY2(!labels.contains(QStringLiteral("fastest")), qPrintable(labels.join(QLatin1Char('|'))));
    ResultsModel model;
    for (const Result& r : results)
        model.addResult(r);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.data(model.index(row, ResultsModel::RatioColumn)).toString() != QStringLiteral("fastest"));
    const ResultAnalysis analysis = ResultAnalysis::compute(results);
    QCOMPARE(analysis.headlines.size(), std::size_t(1));
    QVERIFY2(analysis.headlines[0].sentence.find("Node.js (test) failed on fib (n=20) (wrong answer)") == 0,
             analysis.headlines[0].sentence.c_str());
}

void ModelsTest::pngExportDialogSaysTheImageSize()
{
    ChartExportDialog dialog(QSize(800, 600));
    QCOMPARE(dialog.chartSize(), QSize(800, 600));
    QCOMPARE(dialog.dotsPerInch(), 192.0);
    auto* pixels = dialog.findChild<QLabel*>(QStringLiteral("imagePixels"));
    QVERIFY(pixels);
    QCOMPARE(pixels->text(), QStringLiteral("1600 x 1200 pixels"));
    dialog.setDotsPerInch(96);
    QCOMPARE(pixels->text(), QStringLiteral("800 x 600 pixels"));
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(dialog.grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/png_export_dialog.png")));
}

void ModelsTest::builtinRuntimesHaveDistinctLegibleColours()
{
    // The ids of core/runtimes/builtin_runtimes.cpp and of the fake runtime. CPython (process) and PyPy (process)
    // once shared a colour.
    const QStringList ids{QStringLiteral("python"),  QStringLiteral("node"),         QStringLiteral("native"),
                          QStringLiteral("python3"), QStringLiteral("node-process"), QStringLiteral("pypy3"),
                          QStringLiteral("fake")};
    const QColor light(Qt::white), dark(0x2a, 0x2a, 0x2a);
    QSet<QRgb> used{RuntimePalette::neutral().rgb()};
    for (const QString& id : ids) {
        // A flavour (python + NumPy) is drawn next to its plain series and to other runtimes: its own colour too.
        for (const QString& flavour : {QStringLiteral("plain"), QStringLiteral("numpy")}) {
            const QColor c = RuntimePalette::color(id, flavour);
            const QString what = id + QLatin1Char('/') + flavour + QLatin1Char(' ') + c.name();
            QVERIFY2(!used.contains(c.rgb()), qPrintable(what + QStringLiteral(" is taken")));
            used.insert(c.rgb());
            QVERIFY2(contrast(c, light) >= 2.2 && contrast(c, dark) >= 2.2,
                     qPrintable(what + QStringLiteral(" is hard to see on a light or a dark background")));
        }
    }
    QCOMPARE(RuntimePalette::color(QStringLiteral("python")), RuntimePalette::color(QStringLiteral("python"), {}));
    for (const QString& user : {QStringLiteral("py312"), QStringLiteral("node22"), QStringLiteral("graalpy")}) {
        const QColor c = RuntimePalette::color(user);
        QVERIFY2(!used.contains(c.rgb()), qPrintable(user + QStringLiteral(" looks like a built-in runtime")));
        QVERIFY(contrast(c, light) >= 2.2 && contrast(c, dark) >= 2.2);
    }
}

void ModelsTest::throughputGoesLogWhenSeriesAreOverTenfoldApart()
{
    // CPython 2x and 40x slower than Node.js.
    for (const double pythonNs : {2e6, 40e6}) {
        SampleStore store;
        store.addMeasured(testing::syntheticResult(0, "fib", "python", pythonNs));
        store.addMeasured(testing::syntheticResult(1, "fib", "node", 1e6));
        ThroughputPlot chart(store);
        chart.showView(testing::syntheticView("fib"));
        QCOMPARE(chart.plot()->yAxis->scaleType(), pythonNs > 10e6 ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    }
    SampleStore wide;
    wide.addMeasured(testing::syntheticResult(0, "fib", "python", 40e6));
    wide.addMeasured(testing::syntheticResult(1, "fib", "node", 1e6));
    ThroughputPlot chart(wide);
    chart.showView(testing::syntheticView("fib"));
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(chart.plot()->yAxis->label().contains(QStringLiteral("log")));
    chart.setLogScale(true);
    chart.setLogScale(false);  // the box off: still log, the series are 40x apart
    chart.resetZoom();
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(chart.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/throughput_log_wide.png"), nullptr, QSize(700, 420)));
}

void ModelsTest::snippetsSurviveARestartAndTravelAsFiles()
{
    QTemporaryDir dir;
    const QString python = QStringLiteral("def run(params):\n    return 41 + 1\n");
    const QString javascript = QStringLiteral("exports.run = () => 42;\n");
    {
        CustomCodePanel panel;
        panel.setCode(python, javascript, QStringLiteral("42"));
        QCOMPARE(panel.expectedAnswer(), QStringLiteral("42"));
        QSettings settings(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat);
        panel.saveSettings(settings);
        QString error;
        QVERIFY2(panel.saveSnippets(dir.filePath(QStringLiteral("answer.json")), &error), qPrintable(error));
    }
    {
        CustomCodePanel restarted;  // a new window: the example until the settings are read
        QVERIFY(restarted.pythonEditor()->toPlainText() != python);
        const QSettings settings(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat);
        restarted.restoreSettings(settings);
        QCOMPARE(restarted.pythonEditor()->toPlainText(), python);
        QCOMPARE(restarted.javascriptEditor()->toPlainText(), javascript);
        QCOMPARE(restarted.expectedAnswer(), QStringLiteral("42"));
    }
    CustomCodePanel opened;
    QString error;
    QVERIFY2(opened.openSnippets(dir.filePath(QStringLiteral("answer.json")), &error), qPrintable(error));
    QCOMPARE(opened.pythonEditor()->toPlainText(), python);
    QCOMPARE(opened.expectedAnswer(), QStringLiteral("42"));
    QVERIFY(!opened.openSnippets(dir.filePath(QStringLiteral("versus.ini")), &error));
    QVERIFY2(error.contains(QStringLiteral("not a snippets file")), qPrintable(error));

    // Rewriting the code drops the answer given for the old code, and says so.
    opened.pythonEditor()->setPlainText(QStringLiteral("def run(params):\n    return 7\n"));
    QVERIFY(opened.expectedAnswer().isEmpty());
    auto* status = opened.findChild<QLabel*>(QStringLiteral("customStatus"));
    QVERIFY(status && status->text().contains(QStringLiteral("Expected answer cleared")));
    // An answer typed for the new code stays while the code stays.
    auto* expected = opened.findChild<QLineEdit*>(QStringLiteral("expectedAnswer"));
    QVERIFY(expected);
    QTest::keyClicks(expected, QStringLiteral("7"));
    QCOMPARE(opened.expectedAnswer(), QStringLiteral("7"));
    opened.javascriptEditor()->setPlainText(QStringLiteral("exports.run = () => 7;\n"));  // the other snippet too
    QVERIFY(opened.expectedAnswer().isEmpty());
}

void ModelsTest::throughputLabelsLeaveTheDataClear()
{
    SampleStore store;
    // CPython 16x slower than Node.js: one series along the bottom of the chart, the other along its top.
    store.addMeasured(testing::syntheticResult(0, "fib", "python", 16e6));
    store.addMeasured(testing::syntheticResult(1, "fib", "node", 1e6));
    ThroughputPlot chart(store);
    chart.showView(testing::syntheticView("fib"));
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    const QSize size(700, 420);
    QVERIFY(chart.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/throughput_labels.png"), nullptr, size, 1.0));
    QCustomPlot* plot = chart.plot();
    plot->setViewport(QRect(QPoint(0, 0), size));  // the geometry of the PNG
    plot->replot();

    // Every point and every line segment between points, as pixels.
    std::vector<QPointF> data;
    for (int g = 0; g < plot->graphCount(); ++g) {
        QCPGraph* graph = plot->graph(g);
        QPointF previous;
        for (int i = 0; i < graph->dataCount(); ++i) {
            const auto point = graph->data()->at(i);
            const QPointF pixel = graph->coordsToPixels(point->key, point->value);
            data.push_back(pixel);
            if (i > 0 && graph->lineStyle() != QCPGraph::lsNone)
                for (int step = 1; step < 10; ++step)
                    data.push_back(previous + (pixel - previous) * step / 10.0);
            previous = pixel;
        }
    }
    QVERIFY(data.size() > 40);
    int labels = 0;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        if (!text || !text->visible())
            continue;
        ++labels;
        const QRectF box = QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()).normalized();
        QVERIFY2(QRectF(plot->viewport()).contains(box), qPrintable(text->text()));
        const QRectF clearance = box.adjusted(-3, -3, 3, 3);  // markers are up to 7 px wide
        for (const QPointF& p : data)
            QVERIFY2(
                !clearance.contains(p),
                qPrintable(QStringLiteral("'%1' covers the data at %2, %3").arg(text->text()).arg(p.x()).arg(p.y())));
    }
    QVERIFY(labels >= 2);  // "warm-up" and where the steady state begins
}

void ModelsTest::chartsReadOnADarkPalette()
{
    const QPalette dark = darkPalette();
    // As when the system palette is dark from the start: palette first, then data.
    SampleStore store;
    ThroughputPlot throughput(store);
    MemoryPlot memory(store);
    DistributionPlot distribution(store);
    SummaryPlot summary;
    const std::vector<PlotWidget*> charts{&throughput, &memory, &distribution, &summary};
    for (PlotWidget* chart : charts)
        chart->setPalette(dark);
    const std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 7e6),
                                      testing::syntheticResult(1, "fib", "node", 1e6),
                                      testing::syntheticResult(2, "fib", "pypy3", 2e6)};
    for (const Result& r : results)
        store.addMeasured(r);
    memory.startRun(0);
    for (int i = 0; i < 20; ++i) {
        memory.addMemoryPoint("Versus process RSS", i * 100000000LL, (60 + i) * 1048576LL);
        memory.addGcEvent("Node.js (embedded)", i * 100000000LL + 50000000LL, 300000);
    }
    summary.setResults(results);
    const QStringList names{QStringLiteral("throughput"), QStringLiteral("memory"), QStringLiteral("distribution"),
                            QStringLiteral("summary")};
    for (std::size_t c = 0; c < charts.size(); ++c) {
        PlotWidget* chart = charts[c];
        if (auto* samples = qobject_cast<SamplePlot*>(chart))
            samples->showView(testing::syntheticView("fib"));
        const QString name = names[int(c)];
        const QString file = QStringLiteral(VERSUS_UI_ARTIFACTS "/dark_%1.png").arg(name);
        QVERIFY(chart->exportTo(file, nullptr, QSize(700, 420), 1.0));
        QCOMPARE(QImage(file).pixelColor(1, 1), dark.color(QPalette::Base));
        QCustomPlot* plot = chart->plot();
        QCOMPARE(plot->xAxis->tickLabelColor(), dark.color(QPalette::Text));
        // Text drawn on the chart (labels, the title) is legible on the dark background.
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->visible())
                QVERIFY2(contrast(text->color(), dark.color(QPalette::Base)) >= 3.0,
                         qPrintable(name + QStringLiteral(": '") + text->text() + QStringLiteral("' in ")
                                    + text->color().name()));
    }
}

void ModelsTest::codePanelFollowsThePaletteAndEndsWithTheRun()
{
    CustomCodePanel panel;
    QTextDocument* python = panel.pythonEditor()->document();
    QVERIFY(python->firstBlock().text().startsWith(QStringLiteral("def ")));
    auto keywordColour = [&] {
        for (const QTextLayout::FormatRange& range : python->firstBlock().layout()->formats())
            if (range.start == 0)
                return range.format.foreground().color();
        return QColor();
    };
    const QPalette light = panel.palette();
    QVERIFY(contrast(keywordColour(), light.color(QPalette::Base)) >= 4.5);
    // The desktop turns dark while the window is open.
    const QPalette dark = darkPalette();
    panel.setPalette(dark);
    QVERIFY2(contrast(keywordColour(), dark.color(QPalette::Base)) >= 4.5, qPrintable(keywordColour().name()));

    // Every run disables racing; the status must not say "Racing..." once it is over, whatever ran.
    auto* status = panel.findChild<QLabel*>(QStringLiteral("customStatus"));
    QVERIFY(status);
    panel.setRunning(true);
    QVERIFY(!status->text().isEmpty());
    panel.setRunning(false);
    QCOMPARE(status->text(), QString());

    // Your own code runs isolated unless the user says otherwise; the choice is fixed while a race runs.
    auto* isolate = panel.findChild<QCheckBox*>(QStringLiteral("isolateCustomCode"));
    QVERIFY(isolate);
    QVERIFY(panel.isolate());
    panel.setRunning(true);
    QVERIFY(!isolate->isEnabled());
    panel.setRunning(false);
    isolate->setChecked(false);
    QVERIFY(!panel.isolate());
}

// The window's plan steps a stepped workload like `versus run` does: one item per step and runtime; a user who sets
// the stepped parameter gets that one step.
void ModelsTest::runPanelExpandsSteppedWorkloads()
{
    const Workload* parallel = m_catalog.find("cpu_parallel");
    QVERIFY2(parallel, "the catalog must hold cpu_parallel");
    RuntimeRegistry registry;
    for (const char* id : {"python", "node"}) {
        RuntimeDescriptor d;
        d.info = {id, id, id == std::string("python") ? "python" : "javascript", "1", "", true};
        registry.add(d);
    }
    RunPanel panel(m_catalog, registry);
    panel.setCheckedWorkloads({QStringLiteral("cpu_parallel"), QStringLiteral("fib")});
    panel.setCheckedRuntimes({QStringLiteral("python"), QStringLiteral("node")});

    const auto workersOf = [](const RunPlan& plan, const Workload* w) {
        std::vector<std::int64_t> workers;
        for (const PlanItem& item : plan.items)
            if (item.workload == w && item.runtimeId == "python")
                workers.push_back(std::get<std::int64_t>(item.overrides.at("workers")));
        return workers;
    };
    std::vector<std::int64_t> expected;
    for (const ParamValues& step : parallel->stepOverrides({}, std::thread::hardware_concurrency()))
        expected.push_back(std::get<std::int64_t>(step.at("workers")));
    QVERIFY(expected.size() >= 1 && expected.front() == 1);

    auto plan = panel.checkedPlan();
    QVERIFY2(plan.ok(), plan ? "" : plan.error().c_str());
    QCOMPARE(workersOf(*plan, parallel), expected);
    QCOMPARE(plan->items.size(), 2 * expected.size() + 2);  // every step on both runtimes, and fib once on each
    QCOMPARE(std::count_if(plan->items.begin(), plan->items.end(),
                           [](const PlanItem& i) { return i.workload->id == "fib" && i.overrides.empty(); }),
             std::ptrdiff_t(2));

    panel.selectWorkload(QStringLiteral("cpu_parallel"));
    auto* workers = panel.parameterEditor()->findChild<QLineEdit*>(QStringLiteral("param_workers"));
    QVERIFY(workers);
    workers->setText(QStringLiteral("3"));
    plan = panel.checkedPlan();
    QVERIFY(plan.ok());
    QCOMPARE(workersOf(*plan, parallel), (std::vector<std::int64_t>{3}));
}

// cpu_parallel at 1 and 2 workers: each series' speed-up against its runtime's baseline at the same step.
void ModelsTest::scalingPlotDrawsSpeedupsTheIdealAndTheCores()
{
    using versus::gui::testing::syntheticResult;
    std::vector<Result> results;
    const auto add = [&](const std::string& runtime, const std::string& flavour, std::int64_t workers, double ns) {
        Result r = syntheticResult(int(results.size()), "cpu_parallel", runtime, ns, flavour);
        r.params = {{"limit", std::int64_t(100000)}, {"workers", workers}};
        results.push_back(r);
    };
    for (std::int64_t workers : {1, 2}) {
        add("python", "plain", workers, 1000);
        add("python", "threads", workers, 1000 * 1.05);  // the GIL: no faster
        add("python", "processes", workers, 1100.0 / double(workers));
        add("node", "plain", workers, 200);
        add("node", "worker_threads", workers, 220.0 / double(workers));
    }
    results.push_back(syntheticResult(99, "fib", "python", 5000));  // another workload: ignored
    ScalingPlot plot(2);
    plot.resize(900, 500);
    plot.setResults(results);
    QCOMPARE(plot.seriesCount(), 5);
    QCOMPARE(plot.plot()->graphCount(), 6);  // and the ideal line
    QCPGraph* processes = nullptr;
    for (int i = 0; i < plot.plot()->graphCount(); ++i)
        if (plot.plot()->graph(i)->name() == QStringLiteral("CPython (test) + processes"))
            processes = plot.plot()->graph(i);
    QVERIFY(processes);
    QCOMPARE(processes->dataCount(), 2);
    QVERIFY(std::abs(processes->data()->at(1)->value - 1000.0 / 550.0) < 1e-3);
    QVERIFY(std::abs(processes->data()->at(0)->value - 1000.0 / 1100.0) < 1e-3);
    QString error;
    QVERIFY2(plot.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/scaling_plot.png"), &error, QSize(900, 500)),
             qPrintable(error));
    plot.setResults({results.back()});
    QCOMPARE(plot.seriesCount(), 0);
    QCOMPARE(plot.plot()->graphCount(), 0);
}

// idle_connections: the RSS growth at each step per server model, fitted bytes in the legend, the article's lines.
void ModelsTest::connectionMemoryPlotDrawsStepsAndTheArticlesLines()
{
    using versus::gui::testing::syntheticResult;
    std::vector<Result> results;
    const auto add = [&](const std::string& runtime, const std::string& flavour, double bytesPerConnection) {
        Result r = syntheticResult(int(results.size()), "idle_connections", runtime, 1e6, flavour);
        r.params = {{"connections", std::int64_t(10000)}};
        r.reported["bytes_per_connection"] = bytesPerConnection;
        for (int count : {0, 2500, 5000, 7500, 10000})
            r.reported["rss_delta_bytes_at_" + std::to_string(count)] = bytesPerConnection * count;
        results.push_back(r);
    };
    add("python", "plain", 4800);
    add("python", "threads", 17000);
    add("node", "plain", 2100);
    ConnectionMemoryPlot plot;
    plot.resize(900, 500);
    plot.setResults(results);
    QCOMPARE(plot.seriesCount(), 3);
    QCOMPARE(plot.plot()->graphCount(), 5);  // and the 2 KB and 1 MB lines
    QCPGraph* threads = plot.plot()->graph(1);
    QVERIFY(threads->name().contains(QStringLiteral("16.6 KiB/conn.")));
    QCOMPARE(threads->dataCount(), 5);
    QVERIFY(std::abs(threads->data()->at(4)->value - 17000.0 * 10000 / (1024 * 1024)) < 1e-6);
    QString error;
    QVERIFY2(plot.exportTo(QStringLiteral(VERSUS_UI_ARTIFACTS "/connection_memory_plot.png"), &error, QSize(900, 500)),
             qPrintable(error));
}

QTEST_MAIN(ModelsTest)
void ModelsTest::distributionOfManySamplesIsThinnedNotChanged()
{
    // 20,000 samples per series, 50 of them 100 times slower (a GC pause, a preemption).
    Result slow = testing::syntheticResult(0, "fib", "python", 16e3, "plain", 0, 20000);
    for (int i = 0; i < 50; ++i)
        slow.samples[std::size_t(i * 397)].elapsedNs *= 100;
    SampleStore store;
    store.addMeasured(slow);
    store.addMeasured(testing::syntheticResult(1, "fib", "node", 1e3, "plain", 0, 20000));
    DistributionPlot chart(store);
    chart.showView(testing::syntheticView("fib"));
    chart.plot()->replot();

    // Bounded drawing: 1,500 dots per series and one box each, whatever the sample count.
    QCOMPARE(chart.dataPointCount(), 2 * 1500 + 2);
    auto* box = qobject_cast<QCPStatisticalBox*>(chart.plot()->plottable(0));
    QVERIFY(box);
    QVERIFY(box->data()->at(0)->outliers.size() <= 200);
    // ...but the statistics are those of every sample (the axis is in µs).
    const double median = stats::median(stats::perCallNs(slow.samples)) / 1e3;
    QVERIFY2(std::abs(box->data()->at(0)->median - median) < 1e-9 * median,
             qPrintable(QStringLiteral("%1 vs %2").arg(box->data()->at(0)->median).arg(median)));

    // The slow samples would squash the boxes: the axis follows the whiskers and a label counts the rest.
    const QCPRange range = chart.plot()->yAxis->range();
    QVERIFY2(range.upper < 16e3 * 100 / 1e3, qPrintable(QString::number(range.upper)));
    QVERIFY(range.upper > box->data()->at(0)->maximum);
    QString label;
    for (int i = 0; i < chart.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(chart.plot()->item(i)); text && text->visible())
            label += text->text();
    QVERIFY2(label.contains(QStringLiteral("50 above")), qPrintable(label));

    // A log axis has room for everything: no label.
    chart.setLogScale(true);
    chart.plot()->replot();
    QVERIFY(chart.plot()->yAxis->range().upper > 16e3 * 100 / 1e3);
    label.clear();
    for (int i = 0; i < chart.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(chart.plot()->item(i)); text && text->visible())
            label += text->text();
    QVERIFY2(!label.contains(QStringLiteral("above")), qPrintable(label));
}

void ModelsTest::warmUpBandEndsWithTheFirstWarmUp()
{
    // An interleaved plan: each round warms up again; the band covers the first warm-up only.
    SampleStore store;
    int index = 0;
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 4; ++i) {
            Sample s;
            s.index = index++;
            s.warmup = i < 2;
            s.innerLoops = 1;
            s.elapsedNs = 1'000'000'000;  // a second each: sample k ends at k + 1 s
            store.add(chartView("fib", {}), QStringLiteral("python"), QStringLiteral("plain"), s);
        }
    const auto series = store.seriesOf(QStringLiteral("fib"));
    QCOMPARE(series.size(), std::size_t(1));
    QCOMPARE(series.front()->warmupEndSeconds, 2.0);
    QCOMPARE(series.front()->warmupSampleCount, std::size_t(2));
}

#include "models_test.moc"
