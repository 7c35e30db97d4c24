// The workbench window: pick workloads and runtimes, run, watch the live plots, read and export the results.
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "run_scheduler.h"
#include "run_session.h"
#include "runtime_registry.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;

namespace versus {
struct ResultAnalysis;
struct ChartSvg;
struct ResultsDocument;
}

namespace versus::gui {

class CustomCodePanel;
class DistributionPlot;
class MemoryPlot;
class ParameterEditor;
class PlotWidget;
class ResultAnalyzer;
class ResultsModel;
class RuntimeListModel;
class SampleStore;
class InstrumentCheckDialog;
class StartupView;
class SummaryPlot;
class ThroughputPlot;
class WorkloadTreeModel;

class MainWindow final : public QMainWindow, private RunObserver {
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

    // Scripting surface for --screenshot and the tests; the same paths the widgets use.
    void setCheckedWorkloads(const QStringList& ids);
    void setCheckedRuntimes(const QStringList& ids);
    /// Makes `id` the current workload: its description and parameter editor are shown.
    void selectWorkload(const QString& id);
    /// Every workload's parameters set to the manifest's "tiny" values.
    void useTinyParameters();
    void setSampling(int warmupSamples, int samples, double minSampleTimeMs);
    /// The plan controls: order of the items, target CI in percent of the median (0 = off), time budget (0 = none),
    /// and the most measured samples adaptive sampling may take (0 = leave as it is).
    void setRunPlanOptions(RunOrder order, double targetCiPercent, double timeBudgetS, int maxSamples = 0);
    /// What the progress bar says under it (tests read it).
    QString progressText() const;
    /// Starts the checked workloads on the checked runtimes. False, with the reason in runMessage(), when refused.
    bool startRun();
    /// Races the "Your own code" snippets on the checked Python and JavaScript runtimes.
    bool startCustomRace();
    void stopRun();
    bool isRunning() const { return m_running; }
    /// True while the summary and headlines of the latest results are still being computed (off the GUI thread).
    bool analysisPending() const;
    QString runMessage() const;
    /// Writes the shown results in the format of the file name (or of `selectedFilter`, see ResultsExport).
    bool exportResults(const QString& fileName, QString* error = nullptr, const QString& selectedFilter = {});
    /// The shown results with what is known of how they were measured (environment, runtimes, options), as a
    /// results file holds them.
    ResultsDocument currentDocument() const;

    /// File > Open: one file is shown as if just measured, two are compared (CompareDialog). A file that cannot be
    /// read is reported in a message box. False when nothing was opened.
    bool openResultsFiles(const QStringList& files);
    /// Shows a results file in the plots and the table. False with `error` set when it cannot be read.
    bool showResultsFile(const QString& fileName, QString* error);
    /// Replaces what the window shows with `document`, as if it had just been measured.
    void showDocument(const ResultsDocument& document);
    /// Turns the journal of a run that did not finish into a results file next to it (recovered-<time>.json),
    /// removes the journal and shows the results. False with `error` set when the journal cannot be read.
    bool recoverJournal(const QString& journalFile, QString* error);
    /// When `journalFile` exists, asks whether to recover it, discard it or decide later.
    void offerJournalRecovery(const QString& journalFile);
    /// Registers the interpreter at `path` as runtime `name` (letters, digits, '-' and '_'), shows it checked in the
    /// runtime list and remembers it in QSettings ("runtimes/userInterpreters") when settings persist. False with
    /// `error` set, and nothing added, when the name is invalid or taken or the interpreter does not work.
    bool addInterpreter(const QString& name, const QString& path, QString* error);
    /// Run > Add interpreter...: asks for a name and a path until one is added or the dialog is cancelled.
    void addInterpreterWithDialog();

    /// The environment warnings shown above the plots; empty when the banner is hidden.
    QString environmentBannerText() const;

    ThroughputPlot* throughputPlot() const { return m_throughput; }
    MemoryPlot* memoryPlot() const { return m_memory; }
    DistributionPlot* distributionPlot() const { return m_distribution; }
    SummaryPlot* summaryPlot() const { return m_summary; }
    StartupView* startupView() const { return m_startup; }
    /// Help > Instrument check; created on first use.
    InstrumentCheckDialog* instrumentCheck();
    void showStartupTab();
    ResultsModel* resultsModel() const { return m_results; }
    QSortFilterProxyModel* resultsProxy() const { return m_resultsProxy; }
    WorkloadTreeModel* workloadModel() const { return m_workloads; }
    RuntimeListModel* runtimeModel() const { return m_runtimes; }
    ParameterEditor* parameterEditor() const { return m_parameters; }
    CustomCodePanel* customCodePanel() const { return m_custom; }
    QPlainTextEdit* logView() const { return m_log; }

signals:
    /// The plan ended and its last events were drawn.
    void planFinished(bool cancelled);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct PlanEntry {
        const Workload* workload;
        std::string runtimeId;
        ParamValues overrides;
    };
    void buildActions();
    void buildLayout();
    QWidget* buildControlPanel();
    QWidget* buildChartsPage();
    bool startPlan(const std::vector<PlanEntry>& entries, bool customRace = false);
    void drainEvents();
    void onCurrentWorkloadChanged(const QModelIndex& current);
    void storeEditedParameters();
    void showWorkloadInPlots(const QString& workloadId);
    void updateRunControls();
    void updateProgress();
    void appendLog(const QString& text);
    // RunObserver: the run session's events, on the GUI thread (drainEvents pumps the session).
    void started(const StartedEvent& e) override;
    void calibrated(const CalibratedEvent& e) override;
    void sample(const SampleEvent& e) override;
    void output(const OutputEvent& e) override;
    void finished(const FinishedEvent& e) override;
    void failed(const FailedEvent& e) override;
    void memory(const MemoryEvent& e) override;
    void gc(const GcEvent& e) override;
    void planDone(const PlanDoneEvent& e) override;
    void refuse(const QString& reason);
    void exportResultsWithDialog();
    void exportChartWithDialog(PlotWidget* plot);
    void exportAllChartsWithDialog();
    void openWithDialog();
    /// Every chart of every workload in the run, for the HTML report.
    void showEnvironmentWarnings(const std::vector<std::string>& warnings, const QString& when);
    /// Summary plot and headlines from a results set: bootstrapped on the analyzer's thread, shown when ready.
    void settlePlannedSamples(const Result& r);
    quint64 analyseResults(const std::vector<Result>& results, const QString& fallbackHeadline);
    void showAnalysis(quint64 ticket, const std::shared_ptr<const ResultAnalysis>& analysis);
    void showAbout();
    void restoreSettings();
    /// Registers the interpreters saved by addInterpreter(); one that fails is skipped with a line in the log.
    void restoreUserInterpreters();
    void updateRuntimeListHeight();
    void saveSettings() const;
    /// Starts a fresh document header for a run: environment read now, runtime versions, `options`.
    void startDocument(const HarnessOptions& options);
    std::vector<RuntimeInfo> runtimeInfos() const;
    QString seriesNameFor(const ItemKey& key, const std::string& runtimeName) const;

    RuntimeRegistry& m_registry;
    const Catalog m_catalog;
    Options m_options;
    std::unique_ptr<RunSession> m_session;      // the last run, started by startPlan; its journal is on disk
    std::int64_t m_runStartNs = 0;              // steady clock at the start of the run: the memory chart's zero
    std::unique_ptr<SampleStore> m_store;
    QTimer* m_drainTimer = nullptr;
    ResultAnalyzer* m_analyzer = nullptr;
    quint64 m_firstCurrentTicket = 0;  // analyses requested before this belong to a cleared run: dropped
    quint64 m_finalTicket = 0;         // the analysis after the plan ended: planFinished waits for it
    bool m_finalCancelled = false;
    QString m_fallbackHeadline;

    std::map<std::string, ParamValues> m_overrides;     // per workload id: the user's valid values
    std::map<std::string, QString> m_parameterErrors;   // per workload id: why a field is refused
    std::unique_ptr<ResultsDocument> m_document;  // what is known of the shown results; its results are the table's
    bool m_running = false;
    bool m_followRunningWorkload = true;
    int m_itemsExpected = 0;
    int m_itemsDone = 0;
    // Progress in samples, warm-up included: planned from the plan (an upper bound under a target CI), corrected
    // to what each result really took when it ends.
    long long m_samplesPlanned = 0;
    long long m_samplesDone = 0;
    long long m_plannedPerResult = 0;
    bool m_adaptive = false;
    std::map<std::string, long long> m_samplesPerResult;  // "itemIndex|flavour" -> samples drained
    QString m_currentItemText;
    QElapsedTimer m_runClock;
    std::vector<QString> m_workloadTitles;

    WorkloadTreeModel* m_workloads = nullptr;
    QSortFilterProxyModel* m_workloadProxy = nullptr;
    RuntimeListModel* m_runtimes = nullptr;
    ResultsModel* m_results = nullptr;
    QSortFilterProxyModel* m_resultsProxy = nullptr;

    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    QListView* m_runtimeList = nullptr;
    QLabel* m_description = nullptr;
    ParameterEditor* m_parameters = nullptr;
    QSpinBox* m_warmup = nullptr;
    QSpinBox* m_samples = nullptr;
    QDoubleSpinBox* m_minSampleTime = nullptr;
    QComboBox* m_order = nullptr;
    QDoubleSpinBox* m_targetCi = nullptr;
    QSpinBox* m_maxSamples = nullptr;
    QDoubleSpinBox* m_timeBudget = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_environmentBanner = nullptr;
    QComboBox* m_shownWorkload = nullptr;
    QTabWidget* m_viewTabs = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_log = nullptr;
    ThroughputPlot* m_throughput = nullptr;
    MemoryPlot* m_memory = nullptr;
    DistributionPlot* m_distribution = nullptr;
    SummaryPlot* m_summary = nullptr;
    StartupView* m_startup = nullptr;
    InstrumentCheckDialog* m_instrumentCheck = nullptr;
    std::vector<PlotWidget*> m_plots;
    CustomCodePanel* m_custom = nullptr;

    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_logScaleAction = nullptr;
};

} // namespace versus::gui
