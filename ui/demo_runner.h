// Runs one classroom demo: a Run demo through a RunSession (the engine every front end uses), drained on a GUI timer;
// a Startup demo through the start-up study on a worker thread. Reports each series' progress (for the race) and, at
// the end, each series' samples. GUI thread only, apart from the study's own thread.
#pragma once

#include <QObject>

#include <memory>
#include <thread>
#include <vector>

#include "demo_catalog.h"
#include "external/child_process.h"
#include "run_session.h"

class QTimer;

namespace versus {
struct StartupStudy;
}

namespace versus::gui {

class DemoRunner final : public QObject, private RunObserver {
    Q_OBJECT
public:
    /// `registry` and `catalog` must outlive the runner.
    DemoRunner(RuntimeRegistry& registry, const Catalog& catalog, QObject* parent = nullptr);
    ~DemoRunner() override;  ///< stops a running demo and waits for it

    /// Starts `demo` (which must outlive the run). False with `error` set when it cannot start.
    bool start(const claims::Demo& demo, QString* error);
    /// Returns at once; `finished` follows when the runtime or the child has stopped.
    void stop();
    bool isRunning() const { return m_running; }
    /// Per series of the demo: how far it is, 0 to 1.
    const std::vector<double>& progress() const { return m_progress; }
    /// Per series of the last finished demo: per-call ns (Run) or start-up ms (Startup) of each measured sample.
    const std::vector<std::vector<double>>& seriesSamples() const { return m_samples; }
    /// Why series were not measured (failures, unavailable runtimes), one line each; empty when all were.
    const QStringList& problems() const { return m_problems; }

signals:
    void progressed();
    void demoFinished(bool stopped);

private:
    void drain();
    void advance(const std::string& runtimeId, const std::string& flavour, double fraction);
    void finishStartup(const StartupStudy& study);
    void started(const StartedEvent&) override { }
    void calibrated(const CalibratedEvent&) override { }
    void sample(const SampleEvent& e) override;
    void output(const OutputEvent&) override { }
    void finished(const FinishedEvent& e) override;
    void failed(const FailedEvent& e) override;
    void memory(const MemoryEvent&) override { }
    void gc(const GcEvent&) override { }
    void planDone(const PlanDoneEvent& e) override;

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    const claims::Demo* m_demo = nullptr;
    std::unique_ptr<RunSession> m_session;
    QTimer* m_drainTimer = nullptr;
    std::thread m_study;
    ChildStopper m_stopper;
    bool m_running = false;
    bool m_stopRequested = false;
    std::vector<double> m_progress;
    std::vector<std::vector<double>> m_samples;
    QStringList m_problems;
};

}  // namespace versus::gui
