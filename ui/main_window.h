// The workbench window: a shell that holds the run panel, the charts page, the results table and log, the menus
// and the results actions, and wires them to the run session it observes.
#pragma once

#include <QMainWindow>

#include "catalog.h"
#include "run_scheduler.h"
#include "runtime_registry.h"
#include "user_interpreters.h"

class QAction;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;

namespace versus {
struct ResultsDocument;
}

namespace versus::gui {

class ChartsPage;
class ClaimsDialog;
class CustomCodePanel;
class InstrumentCheckDialog;
class PresentationWindow;
class ResultsActions;
class ResultsModel;
class ResultsPresenter;
class RunLog;
class RunPanel;
class StartupView;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool persistSettings = true;  ///< restore and save QSettings (off for tests and --screenshot)
        /// The `versus` program whose `startup-probe` the Start-up tab runs; empty: this program.
        QString versusExecutable;
    };
    /// `registry` must outlive the window: embedded interpreters live once per process, not once per window.
    MainWindow(RuntimeRegistry& registry, Catalog catalog, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts the checked workloads on the checked runtimes. False, with the reason under the Run button, when
    /// refused.
    bool startRun();
    /// Races the "Your own code" snippets on the checked Python and JavaScript runtimes.
    bool startCustomRace();
    void stopRun();
    bool isRunning() const;
    /// The shown results with what is known of how they were measured (environment, runtimes, options), as a
    /// results file holds them.
    ResultsDocument currentDocument() const;
    /// Replaces what the window shows with `document`, as if it had just been measured.
    void showDocument(const ResultsDocument& document);
    /// Registers the interpreter at `path` as runtime `name` (see UserInterpreters::add), shows it checked in the
    /// runtime list and logs it. False with `error` set, and nothing added, when it is refused.
    bool addInterpreter(const QString& name, const QString& path, QString* error);
    /// Run > Add interpreter...: asks for a name and a path until one is added or the dialog is cancelled.
    void addInterpreterWithDialog();
    /// Help > Instrument check; created on first use.
    InstrumentCheckDialog* instrumentCheck();
    void showStartupTab();
    /// Run > Check the article; created on first use.
    ClaimsDialog* claimsCheck();
    /// View > Presentation mode (F5): the classroom's demos full screen; created on first use. Null, with the reason
    /// in the log, when the demos file cannot be read.
    PresentationWindow* showPresentation();

    RunPanel* runPanel() const { return m_runPanel; }
    ChartsPage* chartsPage() const { return m_charts; }
    ResultsActions* resultsActions() const { return m_resultsActions; }
    StartupView* startupView() const { return m_startup; }
    CustomCodePanel* customCodePanel() const { return m_custom; }
    ResultsModel* resultsModel() const { return m_results; }
    QSortFilterProxyModel* resultsProxy() const { return m_resultsProxy; }
    RunLog* logView() const { return m_log; }

signals:
    /// The plan ended and its last events were drawn.
    void planFinished(bool cancelled);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildLayout();
    QWidget* buildBottomTabs();
    void buildActions();
    void runClicked();
    bool startPlan(RunPlan plan, bool customRace = false);
    void refuse(const QString& reason);
    /// Why a run is refused while start-up or the instrument check measures (cleared when they end).
    QString startupRefusal() const;
    QString instrumentCheckRefusal() const;
    void setRunning(bool running);
    void restoreSettings();
    void saveSettings() const;

    RuntimeRegistry& m_registry;
    const Catalog m_catalog;
    Options m_options;
    UserInterpreters m_interpreters;

    RunPanel* m_runPanel = nullptr;
    ChartsPage* m_charts = nullptr;
    ResultsPresenter* m_presenter = nullptr;
    ResultsActions* m_resultsActions = nullptr;
    CustomCodePanel* m_custom = nullptr;
    StartupView* m_startup = nullptr;
    InstrumentCheckDialog* m_instrumentCheck = nullptr;
    ClaimsDialog* m_claimsCheck = nullptr;
    PresentationWindow* m_presentation = nullptr;
    ResultsModel* m_results = nullptr;
    QSortFilterProxyModel* m_resultsProxy = nullptr;
    QTabWidget* m_viewTabs = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    RunLog* m_log = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_logScaleAction = nullptr;
};

}  // namespace versus::gui
