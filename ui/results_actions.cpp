// Export, open, compare and recover results files, with their dialogs and messages.
#include "results_actions.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include "chart_export_dialog.h"
#include "chart_render.h"
#include "charts_page.h"
#include "compare_dialog.h"
#include "exporters.h"
#include "journal.h"
#include "plot_widget.h"
#include "qstring_conversion.h"
#include "results_export.h"
#include "output_file.h"
#include "results_file.h"

namespace versus::gui {

namespace {
const QString kFolderKey = QStringLiteral("results/folder");
}  // namespace

ResultsActions::ResultsActions(QMainWindow* window, ChartsPage* charts, DocumentSource currentDocument,
                               RunningCheck running, bool persistFolder)
    : QObject(window), m_window(window), m_charts(charts), m_currentDocument(std::move(currentDocument)),
      m_running(std::move(running)), m_persistFolder(persistFolder),
      m_folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    if (m_persistFolder)
        m_folder = QSettings().value(kFolderKey, m_folder).toString();
}

void ResultsActions::remember(const QString& file)
{
    m_folder = QFileInfo(file).absolutePath();
    if (m_persistFolder)
        QSettings().setValue(kFolderKey, m_folder);
}

void ResultsActions::showStatus(const QString& message, int timeoutMs)
{
    m_window->statusBar()->showMessage(message, timeoutMs);
}

// ---------------------------------------------------------------------------------------------------------------
// Export

bool ResultsActions::exportResults(const QString& fileName, QString* error, const QString& selectedFilter)
{
    return ResultsExport::write(
        fileName, m_currentDocument(),
        [this] {
            // The CLI's report charts, from the same code: the same file from both front ends.
            auto charts = renderReportCharts(m_currentDocument());
            return charts ? std::move(*charts) : std::vector<ChartSvg>{};
        },
        error, selectedFilter);
}

void ResultsActions::exportResultsWithDialog()
{
    QString filter;
    const QString fileName =
        QFileDialog::getSaveFileName(m_window, tr("Export results"), m_folder + QStringLiteral("/versus-results.json"),
                                     ResultsExport::fileDialogFilter(), &filter);
    if (fileName.isEmpty())
        return;
    remember(fileName);
    QString error;
    if (exportResults(fileName, &error, filter))
        showStatus(tr("Wrote %1").arg(fileName), 5000);
    else
        QMessageBox::warning(m_window, tr("Export results"), error);
}

void ResultsActions::exportChartWithDialog(PlotWidget* plot)
{
    const QString fileName = QFileDialog::getSaveFileName(m_window, tr("Export chart"), m_folder,
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (fileName.isEmpty())
        return;
    remember(fileName);
    QSize size;
    double scale = 2.0;
    if (QFileInfo(fileName).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0) {
        ChartExportDialog dialog(plot->size(), m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        size = dialog.chartSize();
        scale = dialog.dotsPerInch() / ChartExportDialog::kLogicalDpi;
    }
    QString error;
    if (!plot->exportTo(fileName, &error, size, scale))
        QMessageBox::warning(m_window, tr("Export chart"), error);
}

void ResultsActions::exportAllChartsWithDialog()
{
    const QString fileName =
        QFileDialog::getSaveFileName(m_window, tr("Export all charts"), m_folder + QStringLiteral("/versus-charts.png"),
                                     tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (fileName.isEmpty())
        return;
    remember(fileName);
    ChartExportDialog dialog(QSize(1200, 800), m_window);
    dialog.setWindowTitle(tr("Size of the charts"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Every chart of every workload, with the value axes as the window shows them.
    const auto drawn = renderChartPage(m_currentDocument(), fileName.toStdString(), dialog.chartSize().width(),
                                       dialog.chartSize().height(), dialog.dotsPerInch(), ChartSet::Contents::Report,
                                       m_charts->logScale());
    if (drawn)
        showStatus(tr("Wrote %1").arg(fileName), 5000);
    else
        QMessageBox::warning(m_window, tr("Export all charts"), toQString(drawn.error()));
}

// ---------------------------------------------------------------------------------------------------------------
// Open and compare

void ResultsActions::openWithDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Open results (one to show, two to compare)"),
                                                            m_folder, tr("Versus results (*.json);;All files (*)"));
    if (files.isEmpty())
        return;
    remember(files.first());
    openResultsFiles(files);
}

bool ResultsActions::openResultsFiles(const QStringList& files)
{
    auto complain = [this](const QString& message) {
        QMessageBox box(QMessageBox::Warning, tr("Open results"), message, QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("openResultsError"));
        box.exec();
        return false;
    };
    if (m_running())
        return complain(tr("Stop the run before opening results."));
    if (files.size() == 1) {
        QString error;
        return showResultsFile(files.first(), &error) || complain(error);
    }
    if (files.size() != 2)
        return complain(
            tr("Open one results file to show it, or two to compare them (you picked %1).").arg(files.size()));
    std::vector<ResultsDocument> documents;
    for (const QString& file : files) {
        auto parsed = readResultsFile(file.toStdString());
        if (!parsed)
            return complain(toQString(parsed.error()));
        documents.push_back(std::move(*parsed));
    }
    auto* dialog =
        new CompareDialog(files[0], files[1], toQString(compareResults(documents[0], documents[1])), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return true;
}

bool ResultsActions::showResultsFile(const QString& fileName, QString* error)
{
    const auto parsed = readResultsFile(fileName.toStdString());
    if (!parsed) {
        if (error)
            *error = toQString(parsed.error());
        return false;
    }
    emit documentOpened(*parsed);
    emit logLine(tr("=== Opened %1: %2 result(s) measured %3")
                     .arg(fileName)
                     .arg(parsed->results.size())
                     .arg(toQString(parsed->startedAtUtc)));
    showStatus(tr("Showing %1").arg(fileName));
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Recover

bool ResultsActions::recoverJournal(const QString& journalFile, QString* error)
{
    const auto recovered = versus::recoverJournal(journalFile.toStdString());
    if (!recovered) {
        if (error)
            *error = toQString(recovered.error());
        return false;
    }
    const RecoveredRun& run = *recovered;
    const QString saved = QFileInfo(journalFile).absolutePath() + QStringLiteral("/recovered-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".json");
    if (const auto written = writeOutputFile(saved.toStdString(), writeResultsDocument(run.document)); !written) {
        if (error)
            *error = toQString(written.error());
        return false;
    }
    QFile::remove(journalFile);
    emit documentOpened(run.document);
    emit logLine(tr("=== Recovered %1 result(s) of a run that %2 (%3 unreadable line(s)); saved as %4")
                     .arg(run.document.results.size())
                     .arg(run.complete ? tr("finished but was not saved") : tr("did not finish"))
                     .arg(run.skippedLines)
                     .arg(saved));
    showStatus(tr("Recovered results saved as %1").arg(saved));
    return true;
}

void ResultsActions::offerJournalRecovery(const QString& journalFile)
{
    if (!QFileInfo::exists(journalFile))
        return;
    // Every window run writes the journal; only one that did not reach its end is worth recovering.
    const auto recovered = versus::recoverJournal(journalFile.toStdString());
    if (recovered && recovered->complete)
        return;
    QMessageBox box(QMessageBox::Question, tr("Recover the last run?"),
                    tr("A run did not finish: Versus was closed or crashed while measuring. Its samples up to "
                       "that moment are in\n%1\n\nRecover them into a results file and show them?")
                        .arg(journalFile),
                    QMessageBox::NoButton, m_window);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    QString error;
    if (box.clickedButton() == recover && !recoverJournal(journalFile, &error))
        QMessageBox::warning(m_window, tr("Recover the last run"), error);
    else if (box.clickedButton() == discard)
        QFile::remove(journalFile);
}

}  // namespace versus::gui
