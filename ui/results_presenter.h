// What the window shows: a run as its session's events arrive (drained on a 30 ms timer, never one signal per
// sample), or a results document read from a file, fed to the charts, the results table, the log and the progress.
// GUI thread only.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <memory>

#include "catalog.h"
#include "run_progress.h"
#include "run_session.h"

class QTimer;

namespace versus::gui {

class ChartsPage;
class CustomCodePanel;
class ResultsModel;
class RunLog;
class RunPanel;

class ResultsPresenter final : public QObject, private RunObserver {
    Q_OBJECT
public:
    /// The views the results go to; all outlive the presenter.
    struct Views {
        ChartsPage* charts = nullptr;
        ResultsModel* results = nullptr;
        RunLog* log = nullptr;
        RunPanel* panel = nullptr;  ///< shows the progress
        CustomCodePanel* custom = nullptr;  ///< shows the results of "Your own code"
    };
    /// `registry` and `catalog` must outlive the presenter. Shows the environment's warnings "Before you run".
    ResultsPresenter(RuntimeRegistry& registry, const Catalog& catalog, Views views, QObject* parent = nullptr);
    /// Cancels a running plan and waits for it; the journal stays for the next start to offer.
    ~ResultsPresenter() override;

    /// Clears the views and starts `plan` in a new run session, journalled where the window offers recovery.
    void start(RunPlan plan);
    /// Returns at once; the runtime stops within its cancel latency and planDone follows.
    void stop();
    bool running() const { return m_running; }

    /// Replaces what the views show with `document`, as if it had just been measured.
    void showDocument(const ResultsDocument& document);
    /// The shown results with what is known of how they were measured, as a results file holds them.
    ResultsDocument currentDocument() const;

signals:
    /// True when a run starts, false when its plan is done (before its final analysis).
    void runningChanged(bool running);
    /// A line for the status bar: how the run ended.
    void statusMessage(const QString& text);

private:
    void drainEvents();
    void updateProgress();
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
    /// A result ended, finished or failed: into the table, the progress and the custom-code panel.
    void resultEnded(const Result& r);
    QString seriesNameFor(const ItemKey& key, const std::string& runtimeName) const;
    /// The row of a planned result that Stop left out: cancelled, "not run".
    Result notRunResult(const ItemKey& key) const;

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    Views m_views;
    std::unique_ptr<RunSession> m_session;  // the last run, started by start(); its journal is on disk
    ResultsDocument m_document;  // what is known of the shown results; its results are the table's
    RunProgress m_progress;
    QString m_currentItemText;
    bool m_raced = false;  // the running plan is in race order: its series say so
    QElapsedTimer m_runClock;
    bool m_running = false;
    QTimer* m_drainTimer = nullptr;
};

}  // namespace versus::gui
