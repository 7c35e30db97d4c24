// What the window does with results files: export results and charts, open one file (shown) or two (compared),
// recover the journal of a run that did not finish. The file dialogs start in one remembered folder.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QMainWindow;

namespace versus {
struct ResultsDocument;
}

namespace versus::gui {

class ChartsPage;
class PlotWidget;

class ResultsActions final : public QObject {
    Q_OBJECT
public:
    /// The results the window shows, with what is known of how they were measured.
    using DocumentSource = std::function<ResultsDocument()>;
    /// True while a run goes: nothing is opened then.
    using RunningCheck = std::function<bool()>;

    /// `window` parents the dialogs and shows status messages; `charts` draws the report's charts. With
    /// `persistFolder` the remembered folder is kept in QSettings ("results/folder").
    ResultsActions(QMainWindow* window, ChartsPage* charts, DocumentSource currentDocument, RunningCheck running,
                   bool persistFolder);

    /// Writes the shown results in the format of the file name (or of `selectedFilter`, see ResultsExport).
    bool exportResults(const QString& fileName, QString* error = nullptr, const QString& selectedFilter = {});
    /// File > Open: one file is shown as if just measured, two are compared (CompareDialog). A file that cannot be
    /// read is reported in a message box. False when nothing was opened.
    bool openResultsFiles(const QStringList& files);
    /// Shows a results file in the plots and the table. False with `error` set when it cannot be read.
    bool showResultsFile(const QString& fileName, QString* error);
    /// Turns the journal of a run that did not finish into a results file next to it (recovered-<time>.json),
    /// removes the journal and shows the results. False with `error` set when the journal cannot be read.
    bool recoverJournal(const QString& journalFile, QString* error);
    /// When `journalFile` exists and its run did not finish, asks whether to recover it, discard it or decide later.
    void offerJournalRecovery(const QString& journalFile);

    // The menu's actions: each asks for a file name in the remembered folder first.
    void exportResultsWithDialog();
    void exportChartWithDialog(PlotWidget* plot);
    void exportAllChartsWithDialog();
    void openWithDialog();

    /// Where the next file dialog starts: the folder of the last file picked, at first the Documents folder.
    QString folder() const { return m_folder; }

signals:
    /// A document was read (opened or recovered): the window shows it as if just measured.
    void documentOpened(const ResultsDocument& document);
    void logLine(const QString& text);

private:
    /// The folder of `file` becomes the remembered one.
    void remember(const QString& file);
    void showStatus(const QString& message, int timeoutMs = 0);

    QMainWindow* m_window;
    ChartsPage* m_charts;
    DocumentSource m_currentDocument;
    RunningCheck m_running;
    bool m_persistFolder;
    QString m_folder;
};

}  // namespace versus::gui
