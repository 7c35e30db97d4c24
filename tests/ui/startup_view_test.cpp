// The Start-up tab off-screen over the real interpreters and probe processes: boxes for the baseline, python3, node
// and the embedded parts; unknown runtimes and failed probes as messages; Stop; charts in light and dark palettes.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolTip>

#include <memory>

#include <qcustomplot.h>

#include "builtin_runtimes.h"
#include "runtime_registry.h"
#include "startup_plot.h"
#include "startup_view.h"

using namespace versus;
using namespace versus::gui;

class StartupViewTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void measuresBaselineProcessesAndEmbeddedParts();
    void unknownRuntimeAndFailedProbeAreMessages();
    void stopEndsARunQuickly();
    void destroyingARunningViewStopsIt();

private:
    static bool waitForFinish(StartupView& view, int timeoutMs = 120000);
    bool available(const char* id) const;

    std::unique_ptr<RuntimeRegistry> m_registry;
};

void StartupViewTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_registry = std::make_unique<RuntimeRegistry>();
    registerBuiltinRuntimes(*m_registry);
    QVERIFY(QDir().mkpath(QStringLiteral(VERSUS_UI_ARTIFACTS)));
}

bool StartupViewTest::waitForFinish(StartupView& view, int timeoutMs)
{
    QSignalSpy done(&view, &StartupView::finished);
    return !view.isRunning() || done.wait(timeoutMs);
}

bool StartupViewTest::available(const char* id) const
{
    const RuntimeDescriptor* d = m_registry->descriptor(id);
    return d && d->available();
}

void StartupViewTest::measuresBaselineProcessesAndEmbeddedParts()
{
    if (!available("python3") || !available("node-process"))
        QSKIP("python3 or node is not installed");
    StartupView view(*m_registry, QStringLiteral(VERSUS_EXECUTABLE));
    view.resize(1200, 760);
    view.show();
    view.setCounts(3, 0, 2);
    QVERIFY(view.start({"python3", "node"}));
    QVERIFY(view.isRunning());
    QVERIFY(!view.start({"python3"}));  // one study at a time
    QVERIFY(waitForFinish(view));
    QVERIFY(!view.isRunning());

    QVERIFY2(view.messageText().isEmpty(), qPrintable(view.messageText()));
    // Baseline + two variants each of python3 and node; eight embedded parts (the whole probe process is left out).
    QCOMPARE(view.commandBoxCount(), 5);
    QCOMPARE(view.embeddedBoxCount(), 8);
    const QStringList labels = view.plot()->boxLabels();
    QCOMPARE(labels.first(), QStringLiteral("/bin/true (spawn cost)"));
    QVERIFY(labels.contains(QStringLiteral("python3 -I -S -c pass")));
    QVERIFY(labels.contains(QStringLiteral("node -e 0")));
    QVERIFY(labels.contains(QStringLiteral("CPython interpreter initialisation")));
    QVERIFY(labels.contains(QStringLiteral("Node.js first environment creation")));
    QVERIFY(view.plot()->dataPointCount() > 0);
    QVERIFY2(view.statusText().startsWith(QStringLiteral("Measured in")), qPrintable(view.statusText()));
    QCOMPARE(int(view.lastStudy().probes.size()), 2);

    QTest::qWait(100);  // the queued replot, before grabbing the widget or hovering

    // Hovering the box of python3 -c pass (the second) explains it.
    QCustomPlot* customPlot = view.plot()->plot();
    const StartupMeasurement& python = view.lastStudy().commands.at(1);
    QCOMPARE(python.command.label, std::string("python3 -c pass"));
    const QPoint boxCentre(int(customPlot->xAxis->coordToPixel(2)),
                           int(customPlot->yAxis->coordToPixel(python.summary.medianMs)));
    QTest::mouseMove(customPlot, boxCentre);
    QTRY_VERIFY2(QToolTip::text().startsWith(QStringLiteral("python3 -c pass\nmedian ")), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("quartiles")), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().endsWith(QStringLiteral("3 runs")), qPrintable(QToolTip::text()));
    const QString dir = QStringLiteral(VERSUS_UI_ARTIFACTS);
    QString error;
    QVERIFY2(view.plot()->exportTo(dir + QStringLiteral("/startup_plot.png"), &error, QSize(1100, 560), 1.0),
             qPrintable(error));
    QVERIFY(view.grab().save(dir + QStringLiteral("/startup_view.png")));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    view.setPalette(dark);
    QCOMPARE(view.commandBoxCount(), 5);  // redrawn in the new colours, same boxes
    QVERIFY(view.plot()->exportTo(dir + QStringLiteral("/startup_plot_dark.png"), &error, QSize(1100, 560), 1.0));
    QTest::qWait(100);
    QVERIFY(view.grab().save(dir + QStringLiteral("/startup_view_dark.png")));

    view.plot()->setLogScale(true);
    QVERIFY(view.plot()->exportTo(dir + QStringLiteral("/startup_plot_log.png"), &error, QSize(1100, 560), 1.0));
}

void StartupViewTest::unknownRuntimeAndFailedProbeAreMessages()
{
    StartupView view(*m_registry, QStringLiteral("/nonexistent/versus"));
    view.setCounts(2, 0, 1);
    QVERIFY(view.start({"ghost"}));
    QVERIFY(waitForFinish(view));
    const QString messages = view.messageText();
    QVERIFY2(messages.contains(QStringLiteral("Skipped ghost: 'ghost' is not an external runtime")),
             qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("Embedded start-up failed: versus startup-probe could not be started")),
             qPrintable(messages));
    QCOMPARE(view.commandBoxCount(), 1);  // the baseline was still measured
    QCOMPARE(view.embeddedBoxCount(), 0);
    QCOMPARE(view.lastStudy().failures(), 1);
}

void StartupViewTest::stopEndsARunQuickly()
{
    StartupView view(*m_registry, QStringLiteral(VERSUS_EXECUTABLE));
    view.setCounts(500, 0, 5);
    QVERIFY(view.start({"python3", "node"}));
    QTest::qWait(400);
    QVERIFY(view.isRunning());
    QElapsedTimer clock;
    clock.start();
    view.stop();
    QVERIFY(waitForFinish(view, 5000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!view.isRunning());
    QVERIFY2(view.statusText().startsWith(QStringLiteral("Stopped after")), qPrintable(view.statusText()));
    QVERIFY(view.lastStudy().stopped);
    QVERIFY2(view.messageText().isEmpty(), qPrintable(view.messageText()));  // stopping is not a failure
    // The view measures again after a stop.
    view.setCounts(1, 0, 0);
    QVERIFY(view.start({"python3"}));
    QVERIFY(waitForFinish(view));
    QVERIFY(view.commandBoxCount() >= 1);
}

void StartupViewTest::destroyingARunningViewStopsIt()
{
    auto view = std::make_unique<StartupView>(*m_registry, QStringLiteral(VERSUS_EXECUTABLE));
    view->setCounts(500, 0, 5);
    QVERIFY(view->start({"node"}));
    QTest::qWait(200);
    QElapsedTimer clock;
    clock.start();
    view.reset();
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(50);  // calls the worker queued before it ended must not reach the dead view
}

QTEST_MAIN(StartupViewTest)
#include "startup_view_test.moc"
