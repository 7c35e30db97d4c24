// One run, owned in one place for every front end: the event queue, the scheduler, the memory sampler, the journal
// and the results document. The CLI and the window are observers of it. No Qt.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "event_queue.h"
#include "memory_sampler.h"
#include "results/journal.h"
#include "results/results_file.h"
#include "run_scheduler.h"

namespace versus {

/// What a front end does with each event of a run, in the order the engine posted them. Every method is called on
/// the thread that calls RunSession::pump(). All are pure: a new event type that an observer does not handle fails to
/// compile, in the observer and in RunSession's dispatch (std::visit over the Event variant).
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void started(const StartedEvent& e) = 0;
    virtual void calibrated(const CalibratedEvent& e) = 0;
    virtual void sample(const SampleEvent& e) = 0;
    virtual void output(const OutputEvent& e) = 0;
    virtual void finished(const FinishedEvent& e) = 0;
    virtual void failed(const FailedEvent& e) = 0;
    virtual void memory(const MemoryEvent& e) = 0;
    virtual void gc(const GcEvent& e) = 0;
    /// The plan ended; the session's document() is complete when this is called.
    virtual void planDone(const PlanDoneEvent& e) = 0;
};

struct RunSessionSetup {
    std::string journalPath;  ///< where the journal goes; empty: the default (~/.local/state/versus/...)
    std::map<std::string, std::string> componentVersions;  ///< added to the document (the window's Qt version)
    std::string versusVersion;  ///< the front end's version string
};

/// The default journal of the last run: $XDG_STATE_HOME/versus/last-run.journal.jsonl (or ~/.local/state/...).
std::string defaultJournalPath();

/// A results document for a run about to start: versions, git commit, start time, environment and its warnings,
/// the known biases of `runtimeIds`, the options, every runtime of the registry. Results come later.
ResultsDocument newRunDocument(const RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds,
                               const HarnessOptions& options);

class RunSession {
public:
    explicit RunSession(RuntimeRegistry& registry);
    /// Cancels a running plan and waits for it; the journal stays on disk.
    ~RunSession();
    RunSession(const RunSession&) = delete;
    RunSession& operator=(const RunSession&) = delete;

    /// Starts the plan on the scheduler's thread, with the memory sampler and the journal; returns at once.
    void start(RunPlan plan, const RunSessionSetup& setup);
    /// Any thread: stops the running item within its runtime's cancel latency and skips the rest.
    void cancel();
    bool running() const { return m_started && !m_done; }
    bool done() const { return m_done; }

    /// Takes up to `max` events, waiting up to `wait` for the first; records each into the document and the journal
    /// and hands it to `observer`. At the end of the plan: stops the sampler, takes its last events, completes the
    /// document, then calls observer.planDone. Returns the number of events handled.
    std::size_t pump(RunObserver& observer, std::chrono::milliseconds wait, std::size_t max);

    /// The run so far (complete once done()): header, results, memory series and GC events.
    const ResultsDocument& document() const { return m_document; }
    std::vector<SkippedItem> skipped() const { return m_scheduler.skipped(); }
    const std::string& journalPath() const { return m_journalPath; }
    /// Why the journal could not be written; empty while all is well.
    std::string journalError() const;

private:
    /// What the scheduler and the sampler post to: each event is journalled on the posting thread before it is
    /// queued, so a crash of Versus right after a sample or a result (native code in the embedded interpreter) finds
    /// it on disk already, whenever the front end would have drained the queue.
    class JournallingSink final : public EventSink {
    public:
        explicit JournallingSink(EventQueue& queue) : m_queue(queue) { }
        void setJournal(Journal* journal);
        void post(Event event) override;

    private:
        EventQueue& m_queue;
        std::mutex m_mutex;  // Journal is not thread-safe; scheduler and sampler post from their own threads
        Journal* m_journal = nullptr;
    };

    void record(const Event& event);
    void finish();

    RuntimeRegistry& m_registry;
    EventQueue m_queue;
    std::unique_ptr<Journal> m_journal;
    JournallingSink m_sink{m_queue};
    RunScheduler m_scheduler;
    std::unique_ptr<MemorySampler> m_sampler;
    std::string m_journalPath;
    std::vector<std::string> m_runtimeIds;
    ResultsDocument m_document;
    bool m_started = false;
    bool m_done = false;
};

}  // namespace versus
