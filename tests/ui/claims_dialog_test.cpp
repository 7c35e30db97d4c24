// Run > Check the article, off-screen, over the real runtimes: the same core check as `versus claims`, a verdict or a
// reason for every claim in the table, runs refused while it measures, and the handout saved.
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "claim_catalog.h"
#include "claims_dialog.h"
#include "main_window.h"
#include "run_panel.h"

using namespace versus;
using namespace versus::gui;

class ClaimsDialogTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void checkTheArticleFillsTheVerdictTableAndExcludesRuns();

private:
    std::unique_ptr<RuntimeRegistry> m_registry;
};

void ClaimsDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_registry = std::make_unique<RuntimeRegistry>();
    registerBuiltinRuntimes(*m_registry);
}

void ClaimsDialogTest::checkTheArticleFillsTheVerdictTableAndExcludesRuns()
{
    MainWindow window(*m_registry, Catalog::load(workloadsDirectory()),
                      MainWindow::Options{false, QStringLiteral(VERSUS_EXECUTABLE)});
    window.resize(1280, 720);
    window.show();
    ClaimsDialog* dialog = window.claimsCheck();
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ClaimsDialog::finished);
    QVERIFY(dialog->start(true));
    QVERIFY(dialog->isRunning());
    QVERIFY(!dialog->start(true));  // one check at a time
    // While it measures, a benchmark run would disturb it: refused with the reason.
    window.runPanel()->setCheckedWorkloads({QStringLiteral("fib")});
    window.runPanel()->setCheckedRuntimes({QStringLiteral("python")});
    QVERIFY(!window.startRun());
    QVERIFY2(window.runPanel()->runMessage().contains(QStringLiteral("article is being checked")),
             qPrintable(window.runPanel()->runMessage()));
    QVERIFY(finished.wait(280000));

    // Every claim of the article has a row, with a verdict; the untested ones say why in the Measured column.
    QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), int(claims::articleClaimCatalog().claims().size()));
    int judged = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString verdict = table->item(row, 4)->text();
        const QString measured = table->item(row, 3)->text();
        QVERIFY2(!verdict.isEmpty() && !measured.isEmpty(), qPrintable(QString::number(row)));
        judged += verdict.startsWith(QStringLiteral("holds")) || verdict.startsWith(QStringLiteral("partly"))
            || verdict.startsWith(QStringLiteral("does not hold"));
    }
    QVERIFY2(judged >= 8, qPrintable(QString::number(judged)));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("not testable here"));  // serverless: no cloud here

    QTemporaryDir dir;
    QString error;
    QVERIFY2(dialog->saveHandout(dir.filePath(QStringLiteral("claims.html")), &error), qPrintable(error));
    QVERIFY2(dialog->saveHandout(dir.filePath(QStringLiteral("claims.md")), &error), qPrintable(error));
    QFile html(dir.filePath(QStringLiteral("claims.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("<svg"));

    dialog->show();
    for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)}) {
        dialog->resize(size);
        QTest::qWait(50);
        QVERIFY(dialog->grab().save(
            QStringLiteral(VERSUS_UI_ARTIFACTS "/claims_dialog_%1x%2.png").arg(size.width()).arg(size.height())));
    }
    // And the reverse: no check while a run goes.
    QVERIFY(window.startRun());
    QVERIFY(!dialog->start(true));
    QVERIFY(dialog->statusText().contains(QStringLiteral("Something else is measuring")));
    QSignalSpy done(&window, &MainWindow::planFinished);
    QVERIFY(done.wait(60000));
    dialog->close();
}

QTEST_MAIN(ClaimsDialogTest)
#include "claims_dialog_test.moc"
