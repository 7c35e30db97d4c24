// One run for every front end: document header, journal, memory sampler, scheduler, and the dispatch of events.
#include "run_session.h"

#include <cstdlib>
#include <filesystem>
#include <type_traits>

#include "builtin_runtimes.h"
#include "clock.h"
#include "results/environment.h"

namespace versus {

namespace {

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

std::string defaultJournalPath()
{
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = state && *state ? std::filesystem::path(state)
        : home && *home                                ? std::filesystem::path(home) / ".local" / "state"
                                                       : std::filesystem::temp_directory_path();
    return (base / "versus" / "last-run.journal.jsonl").string();
}

ResultsDocument newRunDocument(const RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds,
                               const HarnessOptions& options)
{
    ResultsDocument doc;
    doc.gitCommit = versusGitCommit();
    doc.startedAtUtc = utcTimestamp();
    doc.environment = readEnvironment();
    doc.warnings = environmentWarnings(doc.environment);
    for (std::string& w : runtimeBiasWarnings(registry, runtimeIds))
        doc.warnings.push_back(std::move(w));
    doc.options = options;
    for (const auto& id : runtimeIds)
        if (const RuntimeDescriptor* d = registry.descriptor(id))
            doc.runtimes.push_back(d->info);
    // Every runtime this machine has, measured or not, so a results file says what else was there.
    for (const auto& d : registry.descriptors())
        doc.componentVersions[d.info.id] =
            d.available() ? d.info.displayVersion() : "unavailable: " + d.unavailableReason;
    return doc;
}

void RunSession::JournallingSink::setJournal(Journal* journal)
{
    std::lock_guard lock(m_mutex);
    m_journal = journal;
}

void RunSession::JournallingSink::post(Event event)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_journal && m_journal->ok())
            m_journal->record(event);
    }
    m_queue.post(std::move(event));
}

RunSession::RunSession(RuntimeRegistry& registry) : m_registry(registry), m_scheduler(registry, m_sink) { }

RunSession::~RunSession()
{
    // Release a producer blocked on a full queue first: posts are dropped once it is closed.
    m_queue.close();
    m_sampler.reset();
    m_scheduler.cancel();
    m_scheduler.wait();
}

void RunSession::start(RunPlan plan, const RunSessionSetup& setup)
{
    for (const PlanItem& item : plan.items)
        if (std::find(m_runtimeIds.begin(), m_runtimeIds.end(), item.runtimeId) == m_runtimeIds.end())
            m_runtimeIds.push_back(item.runtimeId);
    m_document = newRunDocument(m_registry, m_runtimeIds, plan.options);
    m_document.versusVersion = setup.versusVersion;
    for (const auto& [component, version] : setup.componentVersions)
        m_document.componentVersions[component] = version;

    // The journal keeps every event on disk as it happens: `versus recover` (or the window on its next start)
    // rebuilds the run after a crash.
    m_journalPath = setup.journalPath.empty() ? defaultJournalPath() : setup.journalPath;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_journalPath).parent_path(), ec);
    m_journal = std::make_unique<Journal>(m_journalPath);
    if (m_journal->ok())
        m_journal->planStarted(m_document);
    m_sink.setJournal(m_journal.get());

    // Memory of the whole run at 10 Hz, on the clock of the document: Versus's RSS, children's RSS, CPython's heap.
    m_document.clockOriginNs = steadyNowNs();
    m_sampler = std::make_unique<MemorySampler>(m_sink);
    addBuiltinMemorySeries(*m_sampler);
    m_sampler->start();
    m_started = true;
    m_scheduler.start(std::move(plan));
}

void RunSession::cancel()
{
    m_scheduler.cancel();
}

std::string RunSession::journalError() const
{
    return m_journal ? m_journal->error() : std::string();
}

void RunSession::record(const Event& event)
{
    if (const auto* memory = std::get_if<MemoryEvent>(&event))
        m_document.memory.push_back(*memory);
    else if (const auto* gc = std::get_if<GcEvent>(&event))
        m_document.gcEvents.push_back(*gc);
    else if (const auto* finished = std::get_if<FinishedEvent>(&event))
        m_document.results.push_back(finished->result);
    else if (const auto* failed = std::get_if<FailedEvent>(&event))
        m_document.results.push_back(failed->result);
}

void RunSession::finish()
{
    m_scheduler.wait();
    // The sampler posts until it stops; the scheduler is done, so the queue has room and stop() returns.
    if (m_sampler)
        m_sampler->stop();
    m_sampler.reset();
    m_document.runtimes.clear();
    for (const auto& id : m_runtimeIds)
        if (auto info = m_registry.info(id))
            m_document.runtimes.push_back(std::move(*info));
    m_document.results = m_scheduler.results();
    m_document.finishedAtUtc = utcTimestamp();
    m_done = true;
}

std::size_t RunSession::pump(RunObserver& observer, std::chrono::milliseconds wait, std::size_t max)
{
    if (!m_started || m_done)
        return 0;
    std::vector<Event> events = wait.count() > 0 ? m_queue.take(max, wait) : m_queue.drain(max);
    std::size_t handled = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& event = events[i];
        record(event);
        ++handled;
        if (const auto* done = std::get_if<PlanDoneEvent>(&event)) {
            finish();
            // What the sampler posted before it stopped, after the plan's end, still belongs to the run.
            std::vector<Event> last(events.begin() + static_cast<std::ptrdiff_t>(i) + 1, events.end());
            for (Event& e : m_queue.drain())
                last.push_back(std::move(e));
            for (const Event& e : last) {
                record(e);
                std::visit(Overloaded{[&](const MemoryEvent& m) { observer.memory(m); },
                                      [&](const GcEvent& g) { observer.gc(g); }, [](const auto&) {}},
                           e);
            }
            observer.planDone(*done);
            return handled + last.size();
        }
        std::visit(
            Overloaded{
                [&](const StartedEvent& e) { observer.started(e); },
                [&](const CalibratedEvent& e) { observer.calibrated(e); },
                [&](const SampleEvent& e) { observer.sample(e); }, [&](const OutputEvent& e) { observer.output(e); },
                [&](const FinishedEvent& e) { observer.finished(e); },
                [&](const FailedEvent& e) { observer.failed(e); }, [&](const MemoryEvent& e) { observer.memory(e); },
                [&](const GcEvent& e) { observer.gc(e); }, [&](const PlanDoneEvent&) {},  // handled above
            },
            event);
    }
    return handled;
}

}  // namespace versus
