// Presentation mode off-screen, over the real runtimes: keys move between the demos, Esc leaves, Space starts the
// run; the guess is kept (in the demo's state and in QSettings); the race shows no numbers, the reveal shows the
// guess, the measured ratio with its CI and the article's figure. Saves screenshots at 1920x1080 and 1280x720.
#include <QDoubleSpinBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <qcustomplot.h>

#include <memory>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "demo_catalog.h"
#include "demo_title_card.h"
#include "presentation_chart.h"
#include "presentation_window.h"
#include "race_view.h"
#include "reveal_view.h"

using namespace versus;
using namespace versus::gui;

class PresentationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keysMoveBetweenDemosAndEscLeaves();
    void theGuessIsStoredAndNumbersShowOnlyAfterTheRun();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<RuntimeRegistry> m_registry;
    std::unique_ptr<Catalog> m_catalog;
};

namespace {

/// The shipped demos; each test takes its own copy.
claims::DemoCatalog shippedDemos()
{
    auto demos = claims::DemoCatalog::load(claims::demosFile());
    if (!demos)
        qFatal("%s", demos.error().c_str());
    return *demos;
}

/// The shipped demos with the first one made quick: fib on the embedded runtimes, a few short samples.
claims::DemoCatalog quickDemos()
{
    auto demos = claims::DemoCatalog::parse(R"({"demos": [{"id": "quick", "title": "Quick fib",
        "watch_for": "Which is faster?", "claims": ["cpu-bound"], "workload": "fib", "params": {"n": 15},
        "runtimes": ["python", "node"], "options": {"warmup": 0, "samples": 4, "min_sample_ms": 2},
        "chart": "bars", "series": [{"label": "CPython", "runtime": "python"}, {"label": "Node.js", "runtime": "node"}],
        "guess": {"sentence": "Node.js will be __x faster than CPython", "slower": 0, "faster": 1}}]})");
    if (!demos)
        qFatal("%s", demos.error().c_str());
    return *demos;
}

bool containsDigit(const QStringList& texts)
{
    static const QRegularExpression digit(QStringLiteral("\\d"));
    return std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.contains(digit); });
}

}  // namespace

void PresentationTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("versus-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("presentation-test"));
    QSettings().clear();
    m_registry = std::make_unique<RuntimeRegistry>();
    registerBuiltinRuntimes(*m_registry);
    m_catalog = std::make_unique<Catalog>(Catalog::load(workloadsDirectory()));
}

void PresentationTest::keysMoveBetweenDemosAndEscLeaves()
{
    PresentationWindow window(*m_registry, *m_catalog, shippedDemos(), {false, {}});
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentIndex(), 0);
    QCOMPARE(window.stage(), PresentationWindow::Stage::Title);
    // The guess box has the focus: the presentation keys still reach the window.
    QWidget* guessBox = window.titleCard()->guessBox();
    QTest::keyClick(guessBox, Qt::Key_Right);
    QCOMPARE(window.currentIndex(), 1);
    QCOMPARE(window.currentDemo().id, std::string("jitless"));
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.currentIndex(), 2);
    QTest::keyClick(&window, Qt::Key_Left);
    QTest::keyClick(&window, Qt::Key_Left);
    QTest::keyClick(&window, Qt::Key_Left);  // wraps round to the last demo
    QCOMPARE(window.currentIndex(), 5);
    const bool dark = window.isDark();
    QTest::keyClick(&window, Qt::Key_T);
    QCOMPARE(window.isDark(), !dark);
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.isVisible());
}

void PresentationTest::theGuessIsStoredAndNumbersShowOnlyAfterTheRun()
{
    auto window = std::make_unique<PresentationWindow>(*m_registry, *m_catalog, quickDemos(),
                                                       PresentationWindow::Options{true, {}});
    window->resize(1280, 720);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* guessBox = window->titleCard()->guessBox();
    guessBox->setFocus();
    guessBox->selectAll();
    QTest::keyClicks(guessBox, QStringLiteral("7.5"));
    QCOMPARE(window->guess("quick"), 7.5);
    QCOMPARE(QSettings().value(QStringLiteral("presentation/guess/quick")).toDouble(), 7.5);

    QSignalSpy stages(window.get(), &PresentationWindow::stageChanged);
    QTest::keyClick(guessBox, Qt::Key_Space);
    QCOMPARE(window->stage(), PresentationWindow::Stage::Racing);
    QVERIFY2(window->refusal().isEmpty(), qPrintable(window->refusal()));
    // While it races: lanes named after the series, and no number anywhere.
    QVERIFY(window->raceView()->isVisible());
    QVERIFY(!window->revealView()->isVisible());
    const QStringList racing = window->raceView()->shownTexts();
    QVERIFY2(racing.join(QLatin1Char('|')).contains(QStringLiteral("CPython")), qPrintable(racing.join('|')));
    QVERIFY2(!containsDigit(racing), qPrintable(racing.join('|')));
    QTest::keyClick(window.get(), Qt::Key_Space);  // a second Space does not start a second run
    QCOMPARE(window->stage(), PresentationWindow::Stage::Racing);
    QTRY_COMPARE_WITH_TIMEOUT(window->stage(), PresentationWindow::Stage::Reveal, 120000);

    // The reveal: the guess, the measured ratio with its CI, the article's figure.
    QVERIFY(window->revealView()->isVisible());
    QVERIFY2(window->revealView()->guessText().contains(QStringLiteral("7.5x faster")),
             qPrintable(window->revealView()->guessText()));
    const QString measured = window->revealView()->measuredText();
    QVERIFY2(measured.contains(QStringLiteral("95% CI")) && containsDigit({measured}), qPrintable(measured));
    QVERIFY2(window->revealView()->articleText().contains(QStringLiteral("5-10x")),
             qPrintable(window->revealView()->articleText()));

    // A new window (the next lesson) finds the guess again.
    window.reset();
    PresentationWindow again(*m_registry, *m_catalog, quickDemos(), {true, {}});
    QCOMPARE(again.guess("quick"), 7.5);
    QCOMPARE(again.titleCard()->guess(), 7.5);
    QSettings().clear();

    // A window run in progress refuses the demo, with the reason.
    PresentationWindow blocked(*m_registry, *m_catalog, quickDemos(),
                               {false, [] { return QStringLiteral("a run is in progress"); }});
    QVERIFY(!blocked.runCurrent());
    QCOMPARE(blocked.stage(), PresentationWindow::Stage::Title);
    QCOMPARE(blocked.refusal(), QStringLiteral("a run is in progress"));
}

void PresentationTest::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::newRow("1920x1080 light") << QSize(1920, 1080) << false;
    QTest::newRow("1280x720 dark") << QSize(1280, 720) << true;
}

void PresentationTest::screenshots()
{
    // The title card, the race and the reveal of the quick demo, saved for a person to look at; every demo's reveal
    // as well when VERSUS_PRESENTATION_ALL_DEMOS is set (a few minutes).
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    const bool all = qEnvironmentVariableIsSet("VERSUS_PRESENTATION_ALL_DEMOS");
    PresentationWindow window(*m_registry, *m_catalog, all ? shippedDemos() : quickDemos(), {false, {}});
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (window.isDark() != dark)
        window.handleKey(Qt::Key_T);
    const QString prefix = QStringLiteral(VERSUS_UI_ARTIFACTS "/presentation_%1x%2_%3")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    const int count = all ? 6 : 1;
    for (int i = 0; i < count; ++i) {
        window.showDemo(i);
        const QString id = QString::fromStdString(window.currentDemo().id);
        QVERIFY(window.grab().save(prefix + QStringLiteral("_%1_title.png").arg(id)));
        QVERIFY2(window.runCurrent(), qPrintable(window.refusal()));
        QTest::qWait(1500);
        QVERIFY(window.grab().save(prefix + QStringLiteral("_%1_race.png").arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(window.stage(), PresentationWindow::Stage::Reveal, 180000);
        QTest::qWait(100);  // the pending layout and paint, as a person would see it
        QVERIFY(window.grab().save(prefix + QStringLiteral("_%1_reveal.png").arg(id)));
        // The chart keeps its plot readable: the axis rectangle takes most of the chart.
        const QRect axes = window.revealView()->chart()->plot()->axisRect()->rect();
        QVERIFY2(axes.height() > size.height() / 4, qPrintable(QString::number(axes.height())));
    }
}

QTEST_MAIN(PresentationTest)
#include "presentation_test.moc"
