// The window over the real embedded runtimes, off-screen: run, stop, refuse, export, race your own code, open,
// compare and recover results files, screenshot.
// One process for all: embedded CPython is initialised once per process, so the registry outlives every window.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QProcess>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "builtin_runtimes.h"
#include "compare_dialog.h"
#include "charts_page.h"
#include "custom_code_panel.h"
#include "distribution_plot.h"
#include "journal.h"
#include "journal_location.h"
#include "instrument_check_dialog.h"
#include "main_window.h"
#include "memory_plot.h"
#include "parameter_editor.h"
#include "result_analyzer.h"
#include "output_file.h"
#include "results_actions.h"
#include "results_file.h"
#include "results_model.h"
#include "run_log.h"
#include "run_panel.h"
#include "runtime_list_model.h"
#include "runtime_registry.h"
#include "startup_view.h"
#include "statistics.h"
#include "summary_plot.h"
#include "synthetic_results.h"
#include "http_latency_plot.h"
#include "throughput_plot.h"
#include "plot_widget.h"
#include "verdict_pane.h"
#include "workload_tree_model.h"

using namespace versus;
using namespace versus::gui;

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void windowComesUpWithoutInterpreters();
    void runButtonFillsTableAndPlots();
    void runButtonIsInViewAtSmallWindowSizes();
    void menusHaveSaveStartupAndChartGuideShortcuts();
    void stopStopsQuickly();
    void invalidParameterIsRefusedAtTheField();
    void exportWritesPngSvgPdfAndJson();
    void customCodeRacesAndMarksTheErrorLine();
    void isolatedCustomCodeSurvivesASegfault();
    void openedResultsFileFillsTableAndPlots();
    void httpResultsReadAtBothSizesAndExportTheirLatency();
    void headlineNamesPythonAgainstNodeNotTheNativeReference();
    void corruptFileShowsAnErrorAndKeepsTheWindow();
    void twoFilesOpenTheComparison();
    void everyExportFormatHasItsSignature();
    void exportAfterARunRecordsTheEnvironment();
    void journalOfACrashedRunIsRecovered();
    void screenshotAfterTinyRun();
    void sequentialWithTargetCiLabelsTheResults();
    void memoryPlotShowsProcessRssAfterATinyRun();
    void addedInterpreterAppearsInTheRuntimeList();
    void analysisOfLargeResultsLeavesTheEventLoopFree();
    void progressCountsTheWarmUpOfEveryRound();
    void startupTabMeasuresColdStartAndEmbeddedParts();
    void instrumentCheckShowsTheSelftestReportAndExcludesRuns();
    void windowRunsAreJournalledAndASigkilledRunIsRecovered();
    void theSameFileNameGivesTheSameBytesFromTheWindowAndTheCli();
    void theSameRunGivesTheSameDocumentFromTheWindowAndTheCli();
    void fileDialogsStartInTheFolderOfTheLastFilePicked();
    void chartsFillTheirPlaceAndARaceIsLabelledAtBothSizes();
    void manyVerdictsKeepTheWindowSizeAndThePlotsTheirRoom();

private:
    /// Waits for the plan to finish; false on timeout.
    bool waitForPlan(int timeoutMs = 120000);
    void tinyFib(const QStringList& runtimes);

    std::unique_ptr<RuntimeRegistry> m_registry;
    std::unique_ptr<MainWindow> m_window;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_registry = std::make_unique<RuntimeRegistry>();
    registerBuiltinRuntimes(*m_registry);
}

void MainWindowTest::init()
{
    m_window = std::make_unique<MainWindow>(*m_registry, Catalog::load(workloadsDirectory()),
                                            MainWindow::Options{false, QStringLiteral(VERSUS_EXECUTABLE)});
    m_window->resize(1400, 900);
    m_window->show();
}

void MainWindowTest::cleanup()
{
    m_window.reset();
}

bool MainWindowTest::waitForPlan(int timeoutMs)
{
    QSignalSpy done(m_window.get(), &MainWindow::planFinished);
    return done.count() > 0 || done.wait(timeoutMs);
}

void MainWindowTest::tinyFib(const QStringList& runtimes)
{
    m_window->runPanel()->setCheckedWorkloads({QStringLiteral("fib")});
    m_window->runPanel()->setCheckedRuntimes(runtimes);
    m_window->runPanel()->selectWorkload(QStringLiteral("fib"));
    m_window->runPanel()->useTinyParameters();
    m_window->runPanel()->setSampling(2, 4, 5);
}

void MainWindowTest::windowComesUpWithoutInterpreters()
{
    // The first test of the process: nothing has run yet, and showing the window must not have started anything.
    for (const auto& d : m_registry->descriptors())
        QVERIFY2(!m_registry->isCreated(d.info.id), d.info.id.c_str());
    QVERIFY(m_window->runPanel()->runtimeModel()->rowCount() >= 2);
    QVERIFY(m_window->runPanel()->workloadModel()->indexOf(QStringLiteral("fib")).isValid());
}

void MainWindowTest::runButtonIsInViewAtSmallWindowSizes()
{
    for (const QSize size : {QSize(1280, 720), QSize(1600, 1000)}) {
        m_window->resize(size);
        QCoreApplication::processEvents();
        auto* run = m_window->findChild<QPushButton*>(QStringLiteral("runButton"));
        QVERIFY(run && run->isVisible());
        const QRect inWindow(run->mapTo(m_window.get(), QPoint(0, 0)), run->size());
        QVERIFY2(m_window->rect().contains(inWindow),
                 qPrintable(QStringLiteral("Run at %1,%2 in a %3x%4 window")
                                .arg(inWindow.x())
                                .arg(inWindow.y())
                                .arg(size.width())
                                .arg(size.height())));
        QVERIFY(!run->visibleRegion().isEmpty());  // not scrolled away or covered
        QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
        QVERIFY(m_window->grab().save(
            QStringLiteral(VERSUS_UI_ARTIFACTS "/first_launch_%1x%2.png").arg(size.width()).arg(size.height())));
    }
}

void MainWindowTest::menusHaveSaveStartupAndChartGuideShortcuts()
{
    auto actionWithShortcut = [this](const QKeySequence& keys) -> QAction* {
        for (QAction* action : m_window->findChildren<QAction*>())
            if (action->shortcuts().contains(keys))
                return action;
        return nullptr;
    };
    QAction* save = actionWithShortcut(QKeySequence::Save);
    QVERIFY(save);
    QVERIFY2(save->text().contains(QStringLiteral("Export results")), qPrintable(save->text()));
    QAction* startup = actionWithShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY(startup);
    QVERIFY2(startup->text().contains(QStringLiteral("start-up")), qPrintable(startup->text()));
    QAction* guide = actionWithShortcut(QKeySequence::HelpContents);
    QVERIFY(guide);
    guide->trigger();
    auto* page = m_window->findChild<QDialog*>(QStringLiteral("chartGuide"));
    QVERIFY(page && page->isVisible());
    const QString text = page->findChild<QLabel*>()->text();
    QVERIFY(text.contains(QStringLiteral("README")));
    QVERIFY(text.contains(QStringLiteral("reference")));
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(page->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/chart_guide.png")));
    page->close();
}

void MainWindowTest::runButtonFillsTableAndPlots()
{
    QAbstractItemModelTester tester(m_window->resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(m_window->resultsProxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    QSignalSpy done(m_window.get(), &MainWindow::planFinished);
    auto* run = m_window->findChild<QPushButton*>(QStringLiteral("runButton"));
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(m_window->isRunning());
    QVERIFY(done.wait(120000));
    QCOMPARE(done.first().first().toBool(), false);

    ResultsModel* results = m_window->resultsModel();
    QCOMPARE(results->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const Result& r = results->resultAt(row);
        QVERIFY2(r.ok(), r.failure.message.c_str());
        QCOMPARE(r.summary.samples, 4);
    }
    // 2 runtimes x (2 warm-up + 4 measured) samples, each a point.
    QCOMPARE(m_window->chartsPage()->throughputPlot()->dataPointCount(), 12);
    QVERIFY(m_window->chartsPage()->distributionPlot()->dataPointCount() > 0);
    QVERIFY(m_window->chartsPage()->summaryPlot()->dataPointCount() == 2);
    QVERIFY(m_window->chartsPage()->memoryPlot()->dataPointCount() > 0);
    QVERIFY(m_window->logView()->toPlainText().contains(QStringLiteral("Finished: 2 ok")));
}

void MainWindowTest::stopStopsQuickly()
{
    m_window->runPanel()->setCheckedWorkloads({QStringLiteral("fib")});
    m_window->runPanel()->setCheckedRuntimes({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->selectWorkload(QStringLiteral("fib"));
    auto* n = m_window->runPanel()->parameterEditor()->findChild<QLineEdit*>(QStringLiteral("param_n"));
    QVERIFY(n);
    n->setText(QStringLiteral("32"));  // about a second per call in CPython: the run would last minutes
    m_window->runPanel()->setSampling(3, 1000, 50);
    QSignalSpy done(m_window.get(), &MainWindow::planFinished);
    QVERIFY(m_window->startRun());
    QTest::qWait(700);  // let the item start inside the interpreter
    QVERIFY(m_window->isRunning());
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(done.wait(5000));
    const qint64 stoppedAfterMs = clock.elapsed();
    QVERIFY2(stoppedAfterMs < 1000, qPrintable(QStringLiteral("stopped after %1 ms").arg(stoppedAfterMs)));
    QCOMPARE(done.first().first().toBool(), true);
    QVERIFY(!m_window->isRunning());
    // The running item reports itself stopped; the node item never started and keeps a row marked "not run".
    const auto results = m_window->resultsModel()->results();
    QCOMPARE(results.size(), std::size_t(2));
    QCOMPARE(int(results.front().status), int(ResultStatus::Cancelled));
    QCOMPARE(results.back().runtimeId, std::string("node"));
    QCOMPARE(int(results.back().status), int(ResultStatus::Cancelled));
    QVERIFY2(results.back().failure.message.rfind("not run", 0) == 0, results.back().failure.message.c_str());
    // The bar stays where Stop found the run (it does not jump to 100%) and says how the run ended.
    auto* bar = m_window->findChild<QProgressBar*>(QStringLiteral("progress"));
    QVERIFY(bar);
    QVERIFY(bar->value() < bar->maximum());
    QVERIFY2(m_window->runPanel()->progressText().startsWith(QStringLiteral("Stopped: 0 finished, 1 failed")),
             qPrintable(m_window->runPanel()->progressText()));
    QVERIFY(m_window->runPanel()->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/run_panel_stopped.png")));
}

void MainWindowTest::invalidParameterIsRefusedAtTheField()
{
    m_window->runPanel()->setCheckedWorkloads({QStringLiteral("fib")});
    m_window->runPanel()->setCheckedRuntimes({QStringLiteral("python")});
    m_window->runPanel()->selectWorkload(QStringLiteral("fib"));
    auto* n = m_window->runPanel()->parameterEditor()->findChild<QLineEdit*>(QStringLiteral("param_n"));
    auto* error = m_window->runPanel()->parameterEditor()->findChild<QLabel*>(QStringLiteral("error_n"));
    QVERIFY(n && error);
    n->clear();
    QTest::keyClicks(n, QStringLiteral("abc"));
    QCOMPARE(n->text(), QString());  // letters never reach the field
    QTest::keyClicks(n, QStringLiteral("99"));
    QCOMPARE(n->text(), QStringLiteral("99"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("from 0 to 35")), qPrintable(error->text()));

    QVERIFY(!m_window->startRun());
    QVERIFY(!m_window->isRunning());
    QVERIFY2(m_window->runPanel()->runMessage().contains(QStringLiteral("from 0 to 35")),
             qPrintable(m_window->runPanel()->runMessage()));
    QCOMPARE(m_window->resultsModel()->rowCount(), 0);

    n->setText(QStringLiteral("12"));
    QVERIFY(!error->isVisible());
    QVERIFY(m_window->runPanel()->runMessage().isEmpty());
}

void MainWindowTest::exportWritesPngSvgPdfAndJson()
{
    tinyFib({QStringLiteral("node")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    QVERIFY(m_window->chartsPage()->throughputPlot()->dataPointCount() > 0);
    const QString dir = QStringLiteral(VERSUS_UI_ARTIFACTS);
    QVERIFY(QDir().mkpath(dir));
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString file = dir + QStringLiteral("/throughput.") + QLatin1String(suffix);
        QFile::remove(file);
        QString error;
        QVERIFY2(m_window->chartsPage()->throughputPlot()->exportTo(file, &error, QSize(800, 500)), qPrintable(error));
        QVERIFY2(QFileInfo(file).size() > 1000, qPrintable(file));
    }
    QFile svg(dir + QStringLiteral("/throughput.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    QString error;
    QVERIFY(!m_window->chartsPage()->summaryPlot()->exportTo(dir + QStringLiteral("/summary.bmp2"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(m_window->resultsActions()->exportResults(dir + QStringLiteral("/results.json"), &error),
             qPrintable(error));
    QVERIFY(QFileInfo(dir + QStringLiteral("/results.json")).size() > 100);
}

void MainWindowTest::customCodeRacesAndMarksTheErrorLine()
{
    m_window->runPanel()->setCheckedRuntimes({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->setSampling(1, 3, 5);
    CustomCodePanel* panel = m_window->customCodePanel();
    // A Python error on line 3 (at run time, so the harness reports where), a JavaScript version that works.
    panel->setCode(QStringLiteral("def run(params):\n    total = 1\n    return total / 0\n"),
                   QStringLiteral("exports.run = (params) => {\n  return 6 * 7;\n};\n"), QString());
    QVERIFY(m_window->startCustomRace());
    QVERIFY(waitForPlan());
    const auto results = m_window->resultsModel()->results();
    QCOMPARE(results.size(), std::size_t(2));
    const Result& python = results[0].runtimeId == "python" ? results[0] : results[1];
    const Result& node = results[0].runtimeId == "node" ? results[0] : results[1];
    QVERIFY(!python.ok());
    QCOMPARE(python.failure.line, 3);
    QVERIFY2(node.ok(), node.failure.message.c_str());
    const auto marks = panel->pythonEditor()->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.block().blockNumber(), 2);  // 0-based block of line 3
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/custom_code_error.png")));

    // Fixed code with a matching expected answer runs clean on both.
    panel->setCode(QStringLiteral("def run(params):\n    return 6 * 7\n"),
                   QStringLiteral("exports.run = (params) => 6 * 7;\n"), QStringLiteral("42"));
    QVERIFY(m_window->startCustomRace());
    QVERIFY(waitForPlan());
    for (const Result& r : m_window->resultsModel()->results())
        QVERIFY2(r.ok(), r.failure.message.c_str());
    QVERIFY(panel->pythonEditor()->extraSelections().isEmpty());
}

void MainWindowTest::isolatedCustomCodeSurvivesASegfault()
{
    m_window->runPanel()->setCheckedRuntimes({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->setSampling(1, 3, 5);
    CustomCodePanel* panel = m_window->customCodePanel();
    QVERIFY(panel->isolate());  // the default for your own code
    // Reading address 0 kills the process that runs it: the isolated worker, not this window.
    panel->setCode(QStringLiteral("import ctypes\ndef run(params):\n    return ctypes.string_at(0)\n"),
                   QStringLiteral("exports.run = (params) => 6 * 7;\n"), QString());
    QVERIFY(m_window->startCustomRace());
    QVERIFY(waitForPlan());
    const auto results = m_window->resultsModel()->results();
    QCOMPARE(results.size(), std::size_t(2));
    const Result& python = results[0].runtimeId == "python" ? results[0] : results[1];
    const Result& node = results[0].runtimeId == "node" ? results[0] : results[1];
    QVERIFY(!python.ok());
    QVERIFY2(python.failure.message.find("signal 11") != std::string::npos, python.failure.message.c_str());
    QVERIFY2(python.runtimeName.find("isolated") != std::string::npos, python.runtimeName.c_str());
    QVERIFY2(node.ok(), node.failure.message.c_str());
}

namespace {

/// Writes a results document of a CPython and a Node.js fib result with the given environment warnings.
QString writeSyntheticFile(const QString& folder, const QString& name, double pythonMedianNs,
                           std::vector<std::string> warnings = {})
{
    ResultsDocument d;
    d.versusVersion = "0.1.0";
    d.startedAtUtc = "2026-01-02T03:04:05Z";
    d.warnings = std::move(warnings);
    d.results = {testing::syntheticResult(0, "fib", "python", pythonMedianNs),
                 testing::syntheticResult(1, "fib", "node", 1e6)};
    const QString file = folder + QLatin1Char('/') + name;
    return writeOutputFile(file.toStdString(), writeResultsDocument(d)).ok() ? file : QString();
}

/// Runs `check` on the first modal dialog that opens (a message box run with exec()), then closes it.
void whenModalOpens(const std::function<void(QWidget*)>& check)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, check] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            check(modal);
            if (auto* box = qobject_cast<QMessageBox*>(modal))
                box->button(QMessageBox::Ok) ? box->button(QMessageBox::Ok)->click() : box->reject();
            else if (auto* dialog = qobject_cast<QDialog*>(modal); dialog && dialog->isVisible())
                dialog->reject();  // unless `check` closed it
        }
    });
    timer->start();
}

}  // namespace

void MainWindowTest::headlineNamesPythonAgainstNodeNotTheNativeReference()
{
    QTemporaryDir dir;
    ResultsDocument d;
    d.versusVersion = "0.1.0";
    d.results = {testing::syntheticResult(0, "fib", "native", 0.05e6),
                 testing::syntheticResult(1, "fib", "python", 6e6), testing::syntheticResult(2, "fib", "node", 1e6)};
    // The file lists each runtime once; reading it gives every result its language and kind back.
    for (const Result& r : d.results) {
        RuntimeInfo info;
        info.id = r.runtimeId;
        info.name = r.runtimeName;
        info.language = r.language;
        info.embedded = r.embedded;
        d.runtimes.push_back(info);
    }
    const QString file = dir.path() + QStringLiteral("/native.json");
    QVERIFY(writeOutputFile(file.toStdString(), writeResultsDocument(d)).ok());
    QVERIFY(m_window->resultsActions()->openResultsFiles({file}));
    QTRY_VERIFY(!m_window->chartsPage()->analysisPending());
    auto* headline = m_window->findChild<QLabel*>(QStringLiteral("headline"));
    QVERIFY(headline);
    QVERIFY2(headline->text().startsWith(QStringLiteral("Node.js (test) is 6.")), qPrintable(headline->text()));
    QVERIFY2(headline->text().contains(QStringLiteral("faster than CPython (test) on fib")),
             qPrintable(headline->text()));
    QVERIFY2(!headline->text().contains(QStringLiteral("native")), qPrintable(headline->text()));
    QCOMPARE(m_window->resultsModel()->data(m_window->resultsModel()->index(2, ResultsModel::RatioColumn)).toString(),
             QStringLiteral("fastest"));
    const QString native =
        m_window->resultsModel()->data(m_window->resultsModel()->index(0, ResultsModel::RatioColumn)).toString();
    QVERIFY2(native.endsWith(QStringLiteral("(reference)")), qPrintable(native));  // faster, yet not "fastest"
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/headline_python_vs_node.png")));
}

void MainWindowTest::httpResultsReadAtBothSizesAndExportTheirLatency()
{
    // Seven servers: three flavours on one Node.js, four on one CPython.
    QTemporaryDir dir;
    ResultsDocument d;
    d.versusVersion = "0.1.0";
    d.startedAtUtc = "2026-01-02T03:04:05Z";
    d.results = testing::syntheticHttpRun();
    const QString file = dir.path() + QStringLiteral("/http.json");
    QVERIFY(writeOutputFile(file.toStdString(), writeResultsDocument(d)).ok());
    QVERIFY(m_window->resultsActions()->openResultsFiles({file}));
    QTRY_VERIFY(!m_window->chartsPage()->analysisPending());
    ChartsPage* page = m_window->chartsPage();
    QVERIFY(!page->httpLatencyPlot()->isHidden());
    for (const QSize size : {QSize(1280, 720), QSize(1600, 1000)}) {
        m_window->resize(size);
        QTest::qWait(100);  // layout, then the queued replots
        const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        QCustomPlot* throughput = page->throughputPlot()->plot();
        const QString axis = QString(throughput->yAxis->label()).replace(QLatin1Char('\n'), QLatin1Char(' '));
        QVERIFY2(axis.startsWith(QStringLiteral("requests per second")), qPrintable(axis));
        // The flavours of one runtime in colours of their own, in the chart and its legend.
        std::map<QString, QColor> colours;
        for (int i = 0; i < throughput->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(throughput->legend->item(i)))
                colours[item->plottable()->name()] = item->plottable()->pen().color();
        QCOMPARE(colours.size(), int(d.results.size()));
        QVERIFY(colours.count(QStringLiteral("Node.js (test) + Express"))
                && colours.count(QStringLiteral("Node.js (test) + Fastify")));
        QVERIFY(colours[QStringLiteral("Node.js (test) + Express")]
                != colours[QStringLiteral("Node.js (test) + Fastify")]);
        QVERIFY(colours[QStringLiteral("CPython (test) + Flask")]
                != colours[QStringLiteral("CPython (test) + FastAPI")]);
        std::vector<PlotWidget*> charts = page->plots();
        charts.push_back(page->httpLatencyPlot());
        for (PlotWidget* chart : charts)
            QVERIFY2(chart->plot()->axisRect()->height() * 2 >= chart->plot()->height(),
                     qPrintable(QStringLiteral("%1, %2: plot %3 px of %4")
                                    .arg(name, chart->title())
                                    .arg(chart->plot()->axisRect()->height())
                                    .arg(chart->plot()->height())));
        QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/http_window_%1.png").arg(name)));
    }
    // The HTML report of these results holds the latency chart the window shows.
    const QString html = dir.path() + QStringLiteral("/http.html");
    QString error;
    QVERIFY2(m_window->resultsActions()->exportResults(html, &error), qPrintable(error));
    QFile report(html);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray text = report.readAll();
    QVERIFY(text.contains("HTTP latency under load"));
    QVERIFY(text.contains("requests per second"));
}

void MainWindowTest::openedResultsFileFillsTableAndPlots()
{
    QTemporaryDir dir;
    const QString file = writeSyntheticFile(dir.path(), QStringLiteral("fib.json"), 7e6,
                                            {"The CPU frequency governor is 'powersave': set it to 'performance'."});
    QVERIFY(!file.isEmpty());
    QVERIFY(m_window->resultsActions()->openResultsFiles({file}));
    QTRY_VERIFY(!m_window->chartsPage()->analysisPending());  // the summary's CIs are bootstrapped off the GUI thread
    QCOMPARE(m_window->resultsModel()->rowCount(), 2);
    QCOMPARE(m_window->resultsModel()->resultAt(0).summary.samples, 20);
    QCOMPARE(m_window->chartsPage()->throughputPlot()->dataPointCount(), 2 * 23);  // every sample, warm-up included
    QCOMPARE(m_window->chartsPage()->summaryPlot()->dataPointCount(), 2);
    QVERIFY(m_window->chartsPage()->distributionPlot()->dataPointCount() > 0);
    QVERIFY(m_window->chartsPage()->memoryPlot()->dataPointCount() > 0);
    QCOMPARE(m_window->chartsPage()->summaryPlot()->claimBandCount(), 1);  // fib speaks to the cpu-bound claim
    QVERIFY2(m_window->chartsPage()->environmentBannerText().contains(QStringLiteral("powersave")),
             qPrintable(m_window->chartsPage()->environmentBannerText()));
    const QString ci =
        m_window->resultsModel()->data(m_window->resultsModel()->index(0, ResultsModel::CiColumn)).toString();
    QVERIFY2(ci.contains(QStringLiteral(" to ")), qPrintable(ci));
    QTest::qWait(100);  // queued replots
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/opened_results.png")));
}

void MainWindowTest::corruptFileShowsAnErrorAndKeepsTheWindow()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.json"));
    QFile broken(file);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"schema_version\": 2, \"results\": [{\"workload\": ");
    broken.close();
    QString shown;
    whenModalOpens([&shown](QWidget* modal) {
        if (auto* box = qobject_cast<QMessageBox*>(modal))
            shown = box->text();
        modal->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/open_error.png"));
    });
    QVERIFY(!m_window->resultsActions()->openResultsFiles({file}));
    QVERIFY2(shown.contains(QStringLiteral("broken.json")), qPrintable(shown));
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->resultsModel()->rowCount(), 0);
    // The window still works: a good file opens after the bad one.
    QVERIFY(m_window->resultsActions()->openResultsFiles(
        {writeSyntheticFile(dir.path(), QStringLiteral("good.json"), 7e6)}));
    QCOMPARE(m_window->resultsModel()->rowCount(), 2);
}

void MainWindowTest::twoFilesOpenTheComparison()
{
    QTemporaryDir dir;
    const QString before = writeSyntheticFile(dir.path(), QStringLiteral("before.json"), 7e6);
    const QString after = writeSyntheticFile(dir.path(), QStringLiteral("after.json"), 3.5e6);
    QVERIFY(m_window->resultsActions()->openResultsFiles({before, after}));
    auto* dialog = m_window->findChild<CompareDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->text().contains(QStringLiteral("faster")), qPrintable(dialog->text()));
    QVERIFY(dialog->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/compare_dialog.png")));
    dialog->close();
}

void MainWindowTest::everyExportFormatHasItsSignature()
{
    QTemporaryDir dir;
    QVERIFY(
        m_window->resultsActions()->openResultsFiles({writeSyntheticFile(dir.path(), QStringLiteral("in.json"), 7e6)}));
    const std::vector<std::pair<QString, QByteArray>> expected{
        {QStringLiteral("out.json"), QByteArray("\"schema_version\": 2")},
        {QStringLiteral("out.hyperfine.json"), QByteArray("\"times\"")},
        {QStringLiteral("out.csv"), QByteArray("ci95_low_ns")},
        {QStringLiteral("out.samples.csv"), QByteArray("sample_index")},
        {QStringLiteral("out.md"), QByteArray("| ")},
        {QStringLiteral("out.html"), QByteArray("<svg")},
    };
    for (const auto& [name, signature] : expected) {
        QString error;
        QVERIFY2(m_window->resultsActions()->exportResults(dir.filePath(name), &error), qPrintable(error));
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().contains(signature), qPrintable(name));
    }
    // The JSON reads back as the document shown, environment included.
    const auto back = readResultsFile(dir.filePath(QStringLiteral("out.json")).toStdString());
    QVERIFY2(back.ok(), back.error().c_str());
    QCOMPARE(back->results.size(), std::size_t(2));
    QCOMPARE(back->startedAtUtc, std::string("2026-01-02T03:04:05Z"));
    // The report holds every chart: the summary, then throughput, heap and distribution of fib.
    QFile html(dir.filePath(QStringLiteral("out.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QCOMPARE(html.readAll().count("<svg"), 4);
    QFile::copy(dir.filePath(QStringLiteral("out.html")), QStringLiteral(VERSUS_UI_ARTIFACTS "/report.html"));
}

void MainWindowTest::exportAfterARunRecordsTheEnvironment()
{
    tinyFib({QStringLiteral("node")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    const ResultsDocument d = m_window->currentDocument();
    QCOMPARE(d.results.size(), std::size_t(1));
    QVERIFY(!d.startedAtUtc.empty() && !d.finishedAtUtc.empty());
    QVERIFY(d.environment.logicalCores > 0);
    QCOMPARE(d.options.samples, 4);
    QVERIFY(std::any_of(d.runtimes.begin(), d.runtimes.end(), [](const RuntimeInfo& r) { return r.id == "node"; }));
}

void MainWindowTest::journalOfACrashedRunIsRecovered()
{
    QTemporaryDir dir;
    const QString journalFile = dir.filePath(QStringLiteral("journal.jsonl"));
    {
        Journal journal(journalFile.toStdString());
        QVERIFY2(journal.ok(), journal.error().c_str());
        ResultsDocument header;
        header.startedAtUtc = "2026-01-02T03:04:05Z";
        journal.planStarted(header);
        journal.record(FinishedEvent{testing::syntheticResult(0, "fib", "python", 7e6)});
        const Result running = testing::syntheticResult(1, "fib", "node", 1e6);
        journal.record(StartedEvent{{1, "fib", "node", "plain"}, "Node.js (test)", "1.0", running.params});
        for (int i = 0; i < 5; ++i)
            journal.record(SampleEvent{{1, "fib", "node", "plain"}, running.samples[std::size_t(i)]});
    }  // no plan_done: the run "crashed"
    QString error;
    QVERIFY2(m_window->resultsActions()->recoverJournal(journalFile, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(journalFile));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("recovered-*.json")}).size(), 1);
    QCOMPARE(m_window->resultsModel()->rowCount(), 2);
    QCOMPARE(int(m_window->resultsModel()->resultAt(1).status), int(ResultStatus::Cancelled));
    QVERIFY(m_window->chartsPage()->throughputPlot()->dataPointCount() >= 23 + 5);
    QVERIFY(!m_window->resultsActions()->recoverJournal(dir.filePath(QStringLiteral("missing.jsonl")), &error));
    QVERIFY(!error.isEmpty());
}

void MainWindowTest::screenshotAfterTinyRun()
{
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->setSampling(3, 10, 10);
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    QTest::qWait(100);  // queued replots
    QVERIFY(m_window->chartsPage()->throughputPlot()->dataPointCount() > 0);
    QVERIFY(m_window->chartsPage()->memoryPlot()->dataPointCount() > 0);
    QVERIFY(m_window->chartsPage()->distributionPlot()->dataPointCount() > 0);
    QVERIFY(m_window->chartsPage()->summaryPlot()->dataPointCount() > 0);
    const QPixmap shot = m_window->grab();
    QCOMPARE(shot.size(), QSize(1400, 900) * shot.devicePixelRatio());
    const QString dir = QStringLiteral(VERSUS_UI_ARTIFACTS);
    QVERIFY(QDir().mkpath(dir));
    const QString file = dir + QStringLiteral("/main_window.png");
    QVERIFY(shot.save(file));
    QVERIFY(QFileInfo(file).size() > 10000);
}

void MainWindowTest::sequentialWithTargetCiLabelsTheResults()
{
    auto* order = m_window->findChild<QComboBox*>(QStringLiteral("runOrder"));
    auto* targetCi = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("targetCi"));
    auto* budget = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("timeBudget"));
    QVERIFY(order && targetCi && budget);
    QCOMPARE(order->currentData().toString(), QStringLiteral("interleaved"));  // the default
    const int race = order->findData(QStringLiteral("race"));
    QVERIFY(race >= 0);
    QVERIFY(order->itemData(race, Qt::ToolTipRole).toString().contains(QStringLiteral("labelled race")));
    QVERIFY(targetCi->toolTip().contains(QStringLiteral("95% CI")));

    // The widgets, as a user would set them.
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    order->setCurrentIndex(order->findData(QStringLiteral("sequential")));
    targetCi->setValue(50.0);  // generous: a few samples reach it
    budget->setValue(20);
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    const auto results = m_window->resultsModel()->results();
    QCOMPARE(results.size(), std::size_t(2));
    for (const Result& r : results) {
        QVERIFY2(r.ok(), r.failure.message.c_str());
        QCOMPARE(QString::fromStdString(r.order), QStringLiteral("sequential"));
        QVERIFY2(r.stopReason == "ci-target" || r.stopReason == "time-budget", r.stopReason.c_str());
    }
    // The order and the stop reason are shown: in the table's tooltip and in the log.
    const QString tip =
        m_window->resultsModel()->data(m_window->resultsModel()->index(0, 0), Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("sequential order")), qPrintable(tip));
    QVERIFY(m_window->logView()->toPlainText().contains(QStringLiteral("(sequential order, stopped by ")));
}

void MainWindowTest::memoryPlotShowsProcessRssAfterATinyRun()
{
    tinyFib({QStringLiteral("python")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    QTest::qWait(50);
    MemoryPlot* memory = m_window->chartsPage()->memoryPlot();
    QVERIFY(memory->sampledPointCount(QStringLiteral("Versus process RSS")) > 0);
    // The per-sample heap series is still there, on the same (run) time axis.
    QVERIFY(memory->dataPointCount() > memory->sampledPointCount(QStringLiteral("Versus process RSS")));
    // A new run starts the sampler series afresh; long enough for several sampler points (10 Hz).
    m_window->runPanel()->setSampling(2, 15, 20);
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    const int rss = memory->sampledPointCount(QStringLiteral("Versus process RSS"));
    QVERIFY(rss > 2);

    // Saved with the results and shown again when the file is opened: the same sampler points, on the run's clock.
    const QString file = QStringLiteral(VERSUS_UI_ARTIFACTS "/memory.json");  // kept as an artefact
    QVERIFY(m_window->resultsActions()->exportResults(file));
    QVERIFY(m_window->resultsActions()->openResultsFiles({file}));
    QTRY_VERIFY(!m_window->chartsPage()->analysisPending());
    QCOMPARE(memory->sampledPointCount(QStringLiteral("Versus process RSS")), rss);
    QStringList graphs;
    for (int i = 0; i < memory->plot()->graphCount(); ++i)
        if (memory->plot()->graph(i)->dataCount() > 0)
            graphs << memory->plot()->graph(i)->name();
    QVERIFY2(graphs.contains(QStringLiteral("CPython (embedded) heap")), qPrintable(graphs.join(QLatin1Char(','))));
    // The per-sample heap (known only on the sampling-time axis) is left out beside the run-clock series.
    QVERIFY2(!graphs.contains(QStringLiteral("CPython (embedded)")), qPrintable(graphs.join(QLatin1Char(','))));
    QTest::qWait(50);  // queued replots
    QVERIFY(memory->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/opened_memory.png")));
}

void MainWindowTest::addedInterpreterAppearsInTheRuntimeList()
{
    if (!QFileInfo(QStringLiteral("/usr/bin/python3.11")).isExecutable())
        QSKIP("needs /usr/bin/python3.11");
    RuntimeListModel* model = m_window->runPanel()->runtimeModel();
    const auto rowOf = [model](const QString& id) {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row).data(RuntimeListModel::RuntimeIdRole).toString() == id)
                return row;
        return -1;
    };
    const int rowsBefore = model->rowCount();

    QString error;
    QVERIFY(!m_window->addInterpreter(QStringLiteral("broken"), QStringLiteral("/nonexistent/python9"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(model->rowCount(), rowsBefore);
    QCOMPARE(rowOf(QStringLiteral("broken")), -1);
    error.clear();
    QVERIFY(!m_window->addInterpreter(QStringLiteral("bad name"), QStringLiteral("/usr/bin/python3.11"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(model->rowCount(), rowsBefore);

    QVERIFY2(m_window->addInterpreter(QStringLiteral("mypy"), QStringLiteral("/usr/bin/python3.11"), &error),
             qPrintable(error));
    QCOMPARE(model->rowCount(), rowsBefore + 1);
    const int row = rowOf(QStringLiteral("mypy"));
    QVERIFY(row >= 0);
    QVERIFY(model->index(row).data(Qt::DisplayRole).toString().contains(QStringLiteral("3.11")));
    QCOMPARE(model->index(row).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(model->checkedRuntimeIds().contains(QStringLiteral("mypy")));

    // The same name again is refused.
    QVERIFY(!m_window->addInterpreter(QStringLiteral("mypy"), QStringLiteral("/usr/bin/python3.11"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(model->rowCount(), rowsBefore + 1);
}

void MainWindowTest::instrumentCheckShowsTheSelftestReportAndExcludesRuns()
{
    InstrumentCheckDialog* check = m_window->instrumentCheck();
    QVERIFY(check);
    QSignalSpy finished(check, &InstrumentCheckDialog::finished);
    QVERIFY(check->start(true));
    // While it measures, a benchmark run would share its interpreters and disturb it: refused with the reason.
    tinyFib({QStringLiteral("python")});
    QVERIFY(!m_window->startRun());
    QVERIFY2(m_window->runPanel()->runMessage().contains(QStringLiteral("instrument check is running")),
             qPrintable(m_window->runPanel()->runMessage()));
    QVERIFY(finished.wait(120000));
    const QString report = check->reportText();
    for (const char* section :
         {"Embedded against the same interpreter as a process", "Harness cost per call", "timeit", "Cancel latency"})
        QVERIFY2(report.contains(QLatin1String(section)), qPrintable(report));
    check->resize(1000, 700);
    check->show();
    QVERIFY(check->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/instrument_check.png")));

    // And the reverse: no check while a run goes.
    QVERIFY(m_window->startRun());
    QVERIFY(!check->start(true));
    QVERIFY(waitForPlan());
    check->close();
}

void MainWindowTest::windowRunsAreJournalledAndASigkilledRunIsRecovered()
{
    // A window run writes the journal, like the CLI's, through the one run session.
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    const auto finished = recoverJournal(gui::defaultJournalPath().string());
    QVERIFY2(finished.ok(), finished.error().c_str());
    QVERIFY(finished->complete);
    QCOMPARE(int(finished->document.results.size()), 2);

    // The real binary, killed with SIGKILL while it measures: everything journalled before the kill comes back.
    QTemporaryDir data;
    QProcess versusProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    versusProcess.setProcessEnvironment(env);
    versusProcess.start(QStringLiteral(VERSUS_EXECUTABLE), {QStringLiteral("--screenshot"), data.filePath("shot.png")});
    QVERIFY(versusProcess.waitForStarted());
    const QString journalFile = data.filePath(QStringLiteral("Versus/Versus/journal.jsonl"));
    QElapsedTimer waited;
    waited.start();
    bool sampled = false;
    while (!sampled && waited.elapsed() < 60000 && versusProcess.state() == QProcess::Running) {
        QFile file(journalFile);
        sampled = file.open(QIODevice::ReadOnly) && file.readAll().contains("\"event\":\"sample\"");
        QTest::qWait(10);
    }
    QVERIFY2(sampled, "the window's run journalled no sample");
    versusProcess.kill();  // SIGKILL: no destructor, no flush
    QVERIFY(versusProcess.waitForFinished(10000));
    const auto killed = recoverJournal(journalFile.toStdString());
    QVERIFY2(killed.ok(), killed.error().c_str());
    QVERIFY(!killed->complete);
    QVERIFY(!killed->document.results.empty());
    QVERIFY(!killed->document.results.front().samples.empty());
    QString error;
    QVERIFY2(m_window->resultsActions()->recoverJournal(journalFile, &error), qPrintable(error));
    QVERIFY(!m_window->resultsModel()->results().empty());
}

void MainWindowTest::theSameFileNameGivesTheSameBytesFromTheWindowAndTheCli()
{
    tinyFib({QStringLiteral("python")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_window->resultsActions()->exportResults(dir.filePath(QStringLiteral("run.json")), &error),
             qPrintable(error));
    // One format table in core: each name means the same format, and the same bytes, in both front ends.
    for (const char* name : {"copy.json", "run.hyperfine.json", "run.csv", "run.samples.csv", "run.md"}) {
        const QString fromWindow = dir.filePath(QStringLiteral("window-") + QLatin1String(name));
        const QString fromCli = dir.filePath(QStringLiteral("cli-") + QLatin1String(name));
        QVERIFY2(m_window->resultsActions()->exportResults(fromWindow, &error), qPrintable(error));
        QProcess cli;
        cli.start(QStringLiteral(VERSUS_EXECUTABLE),
                  {QStringLiteral("export"), dir.filePath(QStringLiteral("run.json")), QStringLiteral("-o"), fromCli});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QFile a(fromWindow), b(fromCli);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }
}

namespace {

/// A results document without what differs between two runs of the same plan: times, measurements, the machine's
/// momentary state.
nlohmann::json withoutMeasurements(nlohmann::json document)
{
    auto& metadata = document["metadata"];
    for (const char* key : {"started_at", "finished_at", "environment"})
        metadata.erase(key);
    // Components list every runtime registered (the window's include interpreters added in earlier sessions) and the
    // Qt that draws the window's charts (the headless CLI loads none): compare those of the runtimes that ran.
    nlohmann::json ran = nlohmann::json::object();
    for (const auto& runtime : metadata["runtimes"])
        if (metadata["components"].contains(runtime["id"].get<std::string>()))
            ran[runtime["id"].get<std::string>()] = metadata["components"][runtime["id"].get<std::string>()];
    metadata["components"] = ran;
    // The load average is the machine's at each start, not the run's.
    auto& warnings = metadata["warnings"];
    warnings.erase(
        std::remove_if(warnings.begin(), warnings.end(),
                       [](const nlohmann::json& w) { return w.get<std::string>().rfind("Load average", 0) == 0; }),
        warnings.end());
    document.erase("memory");
    document.erase("gc_events");
    for (auto& r : document["results"])
        for (const char* key : {"samples", "summary", "wall_s", "inner_loops", "harness_overhead_ns", "warnings",
                                "reported", "output", "output_dropped_bytes"})
            r.erase(key);
    return document;
}

nlohmann::json readJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
}

}  // namespace

void MainWindowTest::theSameRunGivesTheSameDocumentFromTheWindowAndTheCli()
{
    // One run session under both front ends: the same plan gives the same document, header and results alike.
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    QTemporaryDir dir;
    QString error;
    const QString fromWindow = dir.filePath(QStringLiteral("window.json"));
    QVERIFY2(m_window->resultsActions()->exportResults(fromWindow, &error), qPrintable(error));
    const QString fromCli = dir.filePath(QStringLiteral("cli.json"));
    QProcess cli;
    cli.start(QStringLiteral(VERSUS_EXECUTABLE),
              {QStringLiteral("run"), QStringLiteral("-w"), QStringLiteral("fib"), QStringLiteral("-r"),
               QStringLiteral("python"), QStringLiteral("-r"), QStringLiteral("node"), QStringLiteral("--tiny"),
               QStringLiteral("--warmup"), QStringLiteral("2"), QStringLiteral("--samples"), QStringLiteral("4"),
               QStringLiteral("--min-sample-time"), QStringLiteral("5"), QStringLiteral("-q"), QStringLiteral("--json"),
               fromCli});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const nlohmann::json window = withoutMeasurements(readJsonFile(fromWindow));
    const nlohmann::json command = withoutMeasurements(readJsonFile(fromCli));
    QVERIFY(!window.is_discarded() && !command.is_discarded());
    // Kept for reading when they differ (QCOMPARE's message is cut short).
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    for (const auto& [name, document] : {std::pair{"same-run-window.json", &window}, {"same-run-cli.json", &command}}) {
        QFile out(QStringLiteral(VERSUS_UI_ARTIFACTS "/") + QLatin1String(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(document->dump(1)));
    }
    QCOMPARE(window["results"].size(), std::size_t(2));
    for (const char* part : {"schema_version", "plan"})
        QVERIFY2(window[part] == command[part], (window[part].dump(1) + "\n---\n" + command[part].dump(1)).c_str());
    QVERIFY2(window["metadata"] == command["metadata"],
             (window["metadata"].dump(1) + "\n---\n" + command["metadata"].dump(1)).c_str());
    QVERIFY2(window["results"] == command["results"],
             (window["results"].dump(1) + "\n---\n" + command["results"].dump(1)).c_str());
}

void MainWindowTest::fileDialogsStartInTheFolderOfTheLastFilePicked()
{
    QTemporaryDir dir;
    const QString file = writeSyntheticFile(dir.path(), QStringLiteral("picked.json"), 7e6);
    QVERIFY(!file.isEmpty());
    ResultsActions* actions = m_window->resultsActions();
    QCOMPARE(actions->folder(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    whenModalOpens([&file](QWidget* modal) {
        auto* dialog = qobject_cast<QFileDialog*>(modal);
        QVERIFY(dialog);
        // Typed and closed as picked: selectFile() and accept() go through a model filled on another thread.
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(file);
        static_cast<QDialog*>(dialog)->done(QDialog::Accepted);
    });
    actions->openWithDialog();
    QCOMPARE(m_window->resultsModel()->rowCount(), 2);  // the picked file is shown
    QCOMPARE(actions->folder(), QFileInfo(file).absolutePath());
    // Every dialog of File > Open and the exports starts there now.
    QString startedIn;
    whenModalOpens([&startedIn](QWidget* modal) {
        if (auto* dialog = qobject_cast<QFileDialog*>(modal))
            startedIn = dialog->directory().absolutePath();
    });
    actions->exportResultsWithDialog();
    QCOMPARE(startedIn, QFileInfo(file).absolutePath());
}

void MainWindowTest::analysisOfLargeResultsLeavesTheEventLoopFree()
{
    // Two 20,000-sample results: bootstrapping their ratio takes seconds, which the GUI thread must not wait for.
    std::vector<Result> results{testing::syntheticResult(0, "fib", "python", 3000, "plain", 0, 20000),
                                testing::syntheticResult(1, "fib", "node", 1000, "plain", 0, 20000)};
    ResultAnalyzer analyzer;
    std::vector<quint64> delivered;
    std::shared_ptr<const ResultAnalysis> last;
    connect(&analyzer, &ResultAnalyzer::ready, this, [&](quint64 ticket, std::shared_ptr<const ResultAnalysis> a) {
        delivered.push_back(ticket);
        last = std::move(a);
    });
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
    tick.start(5);
    const quint64 first = analyzer.request(results);
    const quint64 second = analyzer.request({results[0]});  // supersedes the first if it has not started
    const quint64 third = analyzer.request(results);
    QVERIFY(first < second && second < third);
    QVERIFY(!analyzer.idle());
    QTRY_VERIFY_WITH_TIMEOUT(analyzer.idle(), 60000);
    QVERIFY2(ticks >= 3, "the event loop ran while the analyses were computed");
    QVERIFY(!delivered.empty() && delivered.size() <= 2);  // coalesced: at most the one computing and the newest
    QCOMPARE(delivered.back(), third);
    QVERIFY(std::is_sorted(delivered.begin(), delivered.end()));

    // Node.js is the fastest: its CI holds 1; CPython's is the bootstrap of the two per-call sample sets.
    QCOMPARE(last->ratioCi.size(), std::size_t(2));
    QVERIFY(last->ratioCi[1].low <= 1.0 && last->ratioCi[1].high >= 1.0);
    const stats::Comparison c =
        stats::compareSamples(stats::perCallNs(results[0].samples), stats::perCallNs(results[1].samples));
    QCOMPARE(last->ratioCi[0].low, c.ratioCi.low);
    QCOMPARE(last->ratioCi[0].high, c.ratioCi.high);
    QVERIFY(last->ratioCi[0].low > 2.5 && last->ratioCi[0].high < 3.5);
    QCOMPARE(last->headlines.size(), std::size_t(1));
}

void MainWindowTest::progressCountsTheWarmUpOfEveryRound()
{
    // Interleaved rounds of 5 measured samples repeat the warm-up: 12 samples are 3 rounds, so each result takes
    // 12 + 3 x 2 = 18 samples and two results 36.
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->setSampling(2, 12, 1);
    m_window->runPanel()->setRunPlanOptions(RunOrder::Interleaved, 0, 0);
    QStringList seen;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] { seen << m_window->runPanel()->progressText(); });
    watch.start(1);
    QVERIFY(m_window->startRun());
    seen << m_window->runPanel()->progressText();
    QVERIFY(waitForPlan());
    watch.stop();
    QVERIFY2(seen.first().contains(QStringLiteral("0 of 36 samples")), qPrintable(seen.first()));
    const bool midway = std::any_of(seen.begin(), seen.end(), [](const QString& t) {
        return t.contains(QStringLiteral(" of 36 samples")) && !t.contains(QStringLiteral("\n0 of"));
    });
    QVERIFY2(midway, qPrintable(seen.join(QStringLiteral(" | "))));
    int samples = 0;
    for (int row = 0; row < m_window->resultsModel()->rowCount(); ++row)
        samples += int(m_window->resultsModel()->resultAt(row).samples.size());
    QCOMPARE(samples, 36);  // a result keeps the warm-up samples of every round: what the progress counted

    // A target CI plans an upper bound and says so.
    m_window->runPanel()->setRunPlanOptions(RunOrder::Sequential, 50, 0, 10);
    QVERIFY(m_window->startRun());
    QVERIFY2(m_window->runPanel()->progressText().contains(QStringLiteral("at most")),
             qPrintable(m_window->runPanel()->progressText()));
    QVERIFY(waitForPlan());
}

void MainWindowTest::startupTabMeasuresColdStartAndEmbeddedParts()
{
    StartupView* startup = m_window->startupView();
    QVERIFY(startup);
    QCOMPARE(startup->commandBoxCount(), 0);  // nothing is measured before the user asks
    startup->setCounts(2, 0, 1);
    QSignalSpy finished(startup, &StartupView::finished);
    QVERIFY(startup->start({"python3"}));
    QVERIFY(finished.wait(60000));
    QVERIFY2(startup->commandBoxCount() >= 3, qPrintable(startup->messageText()));  // /bin/true and two python3
    QVERIFY2(startup->embeddedBoxCount() > 0, qPrintable(startup->messageText()));
    QVERIFY(!m_window->isRunning());  // the benchmark plan is not involved

    // One at a time: a start-up measurement and a benchmark run would disturb each other.
    QVERIFY(startup->start({"python3"}));
    tinyFib({QStringLiteral("python")});
    QVERIFY(!m_window->startRun());
    QVERIFY2(m_window->runPanel()->runMessage().contains(QStringLiteral("Start-up is being measured")),
             qPrintable(m_window->runPanel()->runMessage()));
    startup->stop();
    QVERIFY(finished.wait(10000));
    // The warning goes with its cause, before anyone presses Run again.
    QVERIFY2(m_window->runPanel()->runMessage().isEmpty(), qPrintable(m_window->runPanel()->runMessage()));
    QVERIFY(m_window->startRun());
    QVERIFY(!startup->start({"python3"}));
    QVERIFY2(startup->statusText().contains(QStringLiteral("benchmark run is in progress")),
             qPrintable(startup->statusText()));
    QVERIFY(waitForPlan());
    QVERIFY(startup->start({"python3"}));  // allowed again once the run ended
    startup->stop();
    QVERIFY(finished.wait(10000));
}

void MainWindowTest::chartsFillTheirPlaceAndARaceIsLabelledAtBothSizes()
{
    // Each chart draws over its whole widget (its layout once stayed at the size of the first replot), the plot
    // keeps at least half of the chart's height (at 1280x720 the memory chart's legend once took three rows of a
    // 200 px chart and left the plot about 70 px), and a raced run says so in the legends and the headline.
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
    auto verifyCharts = [this](const QString& when) {
        for (PlotWidget* chart : m_window->chartsPage()->plots()) {
            QCustomPlot* plot = chart->plot();
            QCOMPARE(plot->viewport().size(), plot->size());
            QVERIFY2(plot->axisRect()->height() * 2 >= plot->height(),
                     qPrintable(QStringLiteral("%1, %2: plot %3 px of %4")
                                    .arg(when, chart->title())
                                    .arg(plot->axisRect()->height())
                                    .arg(plot->height())));
        }
    };
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        m_window->resize(size);
        QTest::qWait(100);  // layout, then the queued replots
        verifyCharts(QStringLiteral("first launch ") + name);
        QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/tour_first_%1.png").arg(name)));
    }
    tinyFib({QStringLiteral("python"), QStringLiteral("node")});
    m_window->runPanel()->setRunPlanOptions(RunOrder::Race, 0, 0);
    QVERIFY(m_window->startRun());
    QVERIFY(waitForPlan());
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        m_window->resize(size);
        QTest::qWait(100);
        verifyCharts(QStringLiteral("raced run ") + name);
        QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/tour_raced_%1.png").arg(name)));
    }
    auto* headline = m_window->findChild<QLabel*>(QStringLiteral("headline"));
    QVERIFY(headline);
    QVERIFY2(headline->text().contains(QStringLiteral("raced: both runtimes shared the CPU")),
             qPrintable(headline->text()));
    QCPLegend* legend = m_window->chartsPage()->throughputPlot()->plot()->legend;
    int raced = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            raced += item->plottable()->name().endsWith(QStringLiteral(", raced")) ? 1 : 0;
    QVERIFY(raced >= 2);
}

void MainWindowTest::manyVerdictsKeepTheWindowSizeAndThePlotsTheirRoom()
{
    // A database run: 3 workloads x 2 pool sizes x 7 series, 24 verdicts and failures. They once took half the Charts
    // tab, pushed the plots under their minimum height and grew a 1400x900 window to 1069 px.
    QTemporaryDir dir;
    ResultsDocument d;
    d.versusVersion = "0.1.0";
    d.startedAtUtc = "2026-01-02T03:04:05Z";
    d.warnings = {"CPython (embedded): runs pure-Python code a few percent slower than /usr/bin/python3.11."};
    d.results = testing::syntheticDatabaseRun();
    const QString file = dir.path() + QStringLiteral("/db.json");
    QVERIFY(writeOutputFile(file.toStdString(), writeResultsDocument(d)).ok());
    ChartsPage* page = m_window->chartsPage();
    VerdictPane* verdicts = page->verdictPane();
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("shownWorkload"));
    QVERIFY(combo);
    for (const QSize size : {QSize(1400, 900), QSize(1280, 720)}) {
        m_window->resize(size);
        QVERIFY(m_window->resultsActions()->openResultsFiles({file}));
        QTRY_VERIFY(!page->analysisPending());
        QTest::qWait(100);  // layout, then the queued replots
        const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        QCOMPARE(m_window->size(), size);
        // The pane shows the shown workload's verdicts, at most its few lines tall, and counts the others.
        // One entry per workload and pool: a pool of 1 and of 8 are never one line or box.
        QCOMPARE(combo->count(), 6);
        QCOMPARE(combo->currentText(), QStringLiteral("Database: insert in a transaction (pool=1)"));
        QCOMPARE(combo->itemText(1), QStringLiteral("Database: insert in a transaction (pool=8)"));
        int poolOfOne = 0;  // the samples of that view alone
        for (const Result& r : d.results)
            if (r.workloadId == "db_insert" && std::get<std::int64_t>(r.params.at("pool")) == 1)
                poolOfOne += int(r.samples.size());
        QVERIFY(poolOfOne > 0);
        QCOMPARE(page->throughputPlot()->dataPointCount(), poolOfOne);
        QVERIFY2(verdicts->shownText().contains(QStringLiteral("db_insert")), qPrintable(verdicts->shownText()));
        QVERIFY2(!verdicts->shownText().contains(QStringLiteral("db_join")), qPrintable(verdicts->shownText()));
        QVERIFY2(verdicts->othersText().contains(QStringLiteral("2 other workload")),
                 qPrintable(verdicts->othersText()));
        const int line = QFontMetrics(m_window->findChild<QLabel*>(QStringLiteral("headline"))->font()).lineSpacing();
        QVERIFY2(verdicts->height() <= line * (VerdictPane::kVisibleLines + 3),
                 qPrintable(QStringLiteral("%1: the verdicts take %2 px").arg(name).arg(verdicts->height())));
        for (PlotWidget* chart : page->plots()) {
            QVERIFY2(chart->height() >= chart->minimumHeight(),
                     qPrintable(QStringLiteral("%1, %2: %3 px, under its minimum %4")
                                    .arg(name, chart->title())
                                    .arg(chart->height())
                                    .arg(chart->minimumHeight())));
            QVERIFY2(chart->plot()->axisRect()->height() * 2 >= chart->plot()->height(),
                     qPrintable(QStringLiteral("%1, %2: plot %3 px of %4")
                                    .arg(name, chart->title())
                                    .arg(chart->plot()->axisRect()->height())
                                    .arg(chart->plot()->height())));
        }
        QVERIFY(m_window->grab().save(QStringLiteral(VERSUS_UI_ARTIFACTS "/many_verdicts_%1.png").arg(name)));
    }
    // Another workload in Show: its verdicts, and the first one's among the others.
    const int join = combo->findText(QStringLiteral("Database: filtered list with a join (pool=8)"));
    QVERIFY(join >= 0);
    combo->setCurrentIndex(join);
    emit combo->activated(join);
    QVERIFY2(verdicts->shownText().contains(QStringLiteral("db_join")), qPrintable(verdicts->shownText()));
    QVERIFY2(!verdicts->shownText().contains(QStringLiteral("db_insert")), qPrintable(verdicts->shownText()));
    QCOMPARE(m_window->size(), QSize(1280, 720));
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
