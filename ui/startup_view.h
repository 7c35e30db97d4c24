// The window's Start-up tab: measures process cold start of the external runtimes and the parts of embedded
// start-up on a worker thread, and shows them as box plots (StartupPlot) with progress and failures as text.
#pragma once

#include <string>
#include <thread>
#include <vector>

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include "external/startup_study.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace versus {
class RuntimeRegistry;
}

namespace versus::gui {

class StartupPlot;

class StartupView final : public QWidget {
    Q_OBJECT
public:
    /// `versusExecutable` is the versus binary whose `startup-probe` measures embedded start-up in a fresh process
    /// (the running one: QCoreApplication::applicationFilePath()). The registry must outlive the view.
    StartupView(RuntimeRegistry& registry, QString versusExecutable, QWidget* parent = nullptr);
    /// Stops a running study and waits for its worker thread.
    ~StartupView() override;

    /// Starts measuring `runtimeIds` (empty: every external runtime of the registry; "python" and "node" stand for
    /// python3 and node-process) with the runs, warm-up and probe counts of the spin boxes. Unavailable and unknown
    /// ids are skipped and named in the message text. False when a study is already running.
    bool start(const std::vector<std::string>& runtimeIds = {});
    /// Asks the running study to stop; `finished` follows shortly (the current child is killed). Any time.
    void stop();
    bool isRunning() const { return m_running; }
    /// Non-empty: measuring is refused with this reason (e.g. while a benchmark runs: both would be disturbed).
    void setBlockedBy(const QString& reason);

    /// Sets the spin boxes (tests; users set them by hand).
    void setCounts(int runs, int warmup, int probeRuns);

    StartupPlot* plot() const { return m_plot; }
    int commandBoxCount() const;
    int embeddedBoxCount() const;
    /// Progress while running, the outcome afterwards.
    QString statusText() const;
    /// Skipped runtimes and failures, one per line; empty when everything was measured.
    QString messageText() const;
    /// The last finished study (empty before the first).
    const StartupStudy& lastStudy() const { return m_study; }

signals:
    /// A study ended: completed, failed or stopped. The plot and texts are up to date.
    void finished();

private:
    void showProgress(const StartupProgress& progress);
    void addMeasurement(const StartupMeasurement& measurement);
    void finish(StartupStudy study, const QString& crash);
    void updateMessages();
    void updateButtons();

    RuntimeRegistry& m_registry;
    QString m_versusExecutable;
    QPushButton* m_measureButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QSpinBox* m_runs = nullptr;
    QSpinBox* m_warmup = nullptr;
    QSpinBox* m_probes = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_messages = nullptr;
    StartupPlot* m_plot = nullptr;

    bool m_running = false;  // from start() until finish() ran on the GUI thread
    QString m_blockedBy;
    std::vector<StartupSkip> m_skipped;  // of the current study
    std::vector<StartupMeasurement> m_measured;  // of the current study, as they arrive
    StartupStudy m_study;
    QString m_crash;  // an exception caught on the worker thread
    QElapsedTimer m_clock;
    ChildStopper m_stopper;
    std::thread m_worker;  // GUI thread starts and joins it
};

}  // namespace versus::gui
