// Starts a run session, drains its events into the views on a timer, and shows documents read from files the same
// way.
#include "results_presenter.h"

#include <QTimer>

#include <chrono>

#include "charts_page.h"
#include "custom_code_panel.h"
#include "journal_location.h"
#include "qstring_conversion.h"
#include "results_model.h"
#include "run_log.h"
#include "run_panel.h"
#include "series_label.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::gui {

namespace {

constexpr int kDrainIntervalMs = 30;  // at most ~33 plot updates a second
constexpr std::size_t kMaxEventsPerTick = 50000;  // bounds one tick; the rest waits for the next one

}  // namespace

ResultsPresenter::ResultsPresenter(RuntimeRegistry& registry, const Catalog& catalog, Views views, QObject* parent)
    : QObject(parent), m_registry(registry), m_catalog(catalog), m_views(views)
{
    m_drainTimer = new QTimer(this);
    m_drainTimer->setInterval(kDrainIntervalMs);
    connect(m_drainTimer, &QTimer::timeout, this, &ResultsPresenter::drainEvents);
    m_document = newRunDocument(m_registry, {}, HarnessOptions{});
    m_document.versusVersion = VERSUS_VERSION;
    m_document.componentVersions["Qt"] = qVersion();
    m_views.charts->showEnvironmentWarnings(m_document.warnings, tr("Before you run"));
}

ResultsPresenter::~ResultsPresenter()
{
    m_session.reset();  // cancels a running plan and waits for it; the journal stays for the next start to offer
}

void ResultsPresenter::start(RunPlan plan)
{
    m_progress.start(plan, m_registry);
    m_raced = plan.order == RunOrder::Race;
    m_views.results->clear();
    m_currentItemText = tr("Starting");
    m_runClock.start();
    m_views.log->runStarted(plan, m_progress.resultsExpected());
    // The session samples memory from now until the plan is done, on the same clock as the plot's time axis, and
    // journals every event so that a crash loses nothing already measured.
    m_session = std::make_unique<RunSession>(m_registry);
    RunSessionSetup setup;
    setup.journalPath = gui::defaultJournalPath().string();  // the one the window offers to recover on start
    setup.versusVersion = VERSUS_VERSION;
    setup.componentVersions = {{"Qt", qVersion()}};
    m_session->start(std::move(plan), setup);
    m_document = m_session->document();  // its header: environment, warnings (machine and runtimes' biases)
    m_views.charts->beginRun(m_document.clockOriginNs);
    m_views.charts->showEnvironmentWarnings(m_document.warnings, tr("This run"));
    if (!m_session->journalError().empty())
        m_views.log->append(tr("No journal for this run: %1").arg(toQString(m_session->journalError())));
    m_running = true;
    m_drainTimer->start();
    emit runningChanged(true);
    updateProgress();
}

void ResultsPresenter::stop()
{
    if (!m_running)
        return;
    m_session->cancel();  // returns at once; the runtime stops within its cancel latency
    m_currentItemText = tr("Stopping...");
    m_views.log->append(tr("Stop requested"));
    updateProgress();
}

void ResultsPresenter::drainEvents()
{
    if (!m_session || m_session->pump(*this, std::chrono::milliseconds(0), kMaxEventsPerTick) == 0)
        return;
    m_views.charts->refresh();
    updateProgress();
}

void ResultsPresenter::updateProgress()
{
    m_views.panel->showProgress(m_progress, m_currentItemText, double(m_runClock.elapsed()) / 1000.0);
}

// ---------------------------------------------------------------------------------------------------------------
// The run session's events

QString ResultsPresenter::seriesNameFor(const ItemKey& key, const std::string& runtimeName) const
{
    QString name = toQString(runtimeName);
    if (const Workload* w = m_catalog.find(key.workloadId)) {
        for (const Implementation& impl : w->implementations)
            if (impl.flavour == key.flavour && !impl.label.empty() && key.flavour != "plain")
                name += QStringLiteral(" + ") + toQString(impl.label);
    }
    return seriesLabel(name, m_raced);
}

void ResultsPresenter::started(const StartedEvent& e)
{
    const Workload* w = m_catalog.find(e.key.workloadId);
    const QString title = w ? toQString(w->title) : tr("Your own code");
    const QString series = seriesNameFor(e.key, e.runtimeName);
    m_views.charts->itemStarted(e.key, e.params, title, series);
    m_views.results->addRunning(e.key.itemIndex, title, series, toQString(e.key.runtimeId), toQString(e.key.flavour));
    m_currentItemText = tr("%1 on %2").arg(title, series);
    m_views.log->itemStarted(title, series, e.runtimeVersion);
}

void ResultsPresenter::calibrated(const CalibratedEvent& e)
{
    m_views.log->calibrated(e);
}

void ResultsPresenter::sample(const SampleEvent& e)
{
    m_views.charts->addSample(e);
    m_progress.sample(e.key.itemIndex, e.key.flavour);
}

void ResultsPresenter::output(const OutputEvent& e)
{
    m_views.log->output(e);
}

void ResultsPresenter::resultEnded(const Result& r)
{
    m_views.results->addResult(r);
    m_progress.resultEnded(r.itemIndex, r.flavour);
    if (r.workloadId == "custom")
        m_views.custom->showResult(r);
}

void ResultsPresenter::finished(const FinishedEvent& e)
{
    const Result& r = e.result;
    m_views.charts->resultFinished(r);
    resultEnded(r);
    m_views.log->finished(r);
    m_views.charts->analyse(m_views.results->results(), tr("Running..."));
}

void ResultsPresenter::failed(const FailedEvent& e)
{
    resultEnded(e.result);
    m_views.log->failed(e.result);
}

Result ResultsPresenter::notRunResult(const ItemKey& key) const
{
    Result r;
    r.itemIndex = key.itemIndex;
    r.workloadId = key.workloadId;
    r.runtimeId = key.runtimeId;
    r.flavour = key.flavour;
    const Workload* w = m_catalog.find(key.workloadId);
    r.workloadTitle = w ? w->title : key.workloadId;
    if (const RuntimeDescriptor* d = m_registry.descriptor(key.runtimeId)) {
        r.runtimeName = d->info.name;
        r.language = d->info.language;
        r.embedded = d->info.embedded;
    }
    r.status = ResultStatus::Cancelled;
    r.failure = {FailureKind::Cancelled, "not run: Stop came before it started; run again to measure it", "", 0};
    return r;
}

void ResultsPresenter::memory(const MemoryEvent& e)
{
    m_views.charts->addMemory(e);
    m_document.memory.push_back(e);  // the shown document during the run; the session's at its end
}

void ResultsPresenter::gc(const GcEvent& e)
{
    m_views.charts->addGc(e);
    m_document.gcEvents.push_back(e);
}

void ResultsPresenter::planDone(const PlanDoneEvent& e)
{
    m_running = false;
    m_drainTimer->stop();
    m_progress.finish(e.cancelled);
    // What Stop left out keeps a row, marked "not run", so the table shows the whole plan.
    for (const ItemKey& key : m_progress.notEnded())
        m_views.results->addResult(notRunResult(key));
    for (const auto& skipped : m_session->skipped())
        m_views.log->append(tr("Skipped: %1").arg(toQString(skipped.reason)));
    m_document = m_session->document();  // complete: runtimes' full versions, memory, GC events, end time
    const QString summary = e.cancelled
        ? tr("Stopped: %1 finished, %2 failed or stopped").arg(e.okCount).arg(e.failedCount)
        : tr("Finished: %1 ok, %2 failed in %3 s")
              .arg(e.okCount)
              .arg(e.failedCount)
              .arg(double(m_runClock.elapsed()) / 1000.0, 0, 'f', 1);
    m_currentItemText = summary;
    m_views.log->append(QStringLiteral("=== ") + summary);
    emit statusMessage(summary);
    emit runningChanged(false);
    updateProgress();
    // The window's planFinished follows the final analysis: the bootstrap of large results takes a while.
    m_views.charts->endRun(summary, m_views.results->results(), e.cancelled);
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

ResultsDocument ResultsPresenter::currentDocument() const
{
    ResultsDocument document = m_document;
    // Runtimes created since the run started now report their full versions.
    if (document.runtimes.empty())
        document.runtimes = m_registry.infos();
    document.results = m_views.results->results();
    return document;
}

void ResultsPresenter::showDocument(const ResultsDocument& document)
{
    m_document = document;
    m_document.results.clear();
    m_views.results->clear();
    for (const Result& r : document.results)
        m_views.results->addResult(r);
    m_views.charts->showDocument(document);
    m_currentItemText = tr("Showing results measured %1").arg(toQString(document.startedAtUtc));
    updateProgress();
}

}  // namespace versus::gui
