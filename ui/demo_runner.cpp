// One demo's run: the session's events drained every 30 ms into per-series progress, the samples at the end.
#include "demo_runner.h"

#include <QDir>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>

#include "external/startup_study.h"
#include "qstring_conversion.h"

namespace versus::gui {

namespace {

constexpr std::size_t kMaxEventsPerTick = 512;

}  // namespace

DemoRunner::DemoRunner(RuntimeRegistry& registry, const Catalog& catalog, QObject* parent)
    : QObject(parent), m_registry(registry), m_catalog(catalog)
{
    m_drainTimer = new QTimer(this);
    m_drainTimer->setInterval(30);
    connect(m_drainTimer, &QTimer::timeout, this, &DemoRunner::drain);
}

DemoRunner::~DemoRunner()
{
    m_stopper.request();
    if (m_study.joinable())
        m_study.join();
    m_session.reset();  // cancels a running plan and waits for it
}

bool DemoRunner::start(const claims::Demo& demo, QString* error)
{
    if (m_running) {
        *error = tr("A demo is running already.");
        return false;
    }
    if (m_study.joinable())
        m_study.join();
    m_demo = &demo;
    m_stopRequested = false;
    m_progress.assign(demo.series.size(), 0.0);
    m_samples.assign(demo.series.size(), {});
    m_problems.clear();
    if (demo.kind == claims::DemoKind::Startup) {
        const StartupPlan plan = plainStartsOnly(planStartup(m_registry, demo.runtimeIds));
        for (const StartupSkip& skip : plan.skipped)
            m_problems << toQString(skip.runtimeId + ": " + skip.reason);
        StartupStudyOptions options;
        options.runs = demo.startupRuns;
        options.warmup = 1;
        options.probeRuns = 0;
        m_stopper.reset();
        m_running = true;
        QPointer<DemoRunner> self(this);
        m_study = std::thread([this, self, plan, options] {
            StartupStudyCallbacks callbacks;
            callbacks.onProgress = [self, plan](const StartupProgress& p) {
                if (p.warmup || p.step < 1 || p.step > int(plan.commands.size()))
                    return;
                const std::string runtimeId = plan.commands[std::size_t(p.step - 1)].runtimeId;
                const double fraction = p.count > 0 ? double(p.index) / p.count : 1.0;
                QMetaObject::invokeMethod(self, [self, runtimeId, fraction] {
                    if (self)
                        self->advance(runtimeId, "plain", fraction);
                });
            };
            StartupStudy study = runStartupStudy(plan, options, callbacks, &m_stopper);
            QMetaObject::invokeMethod(self, [self, study] {
                if (self)
                    self->finishStartup(study);
            });
        });
        return true;
    }
    auto plan = claims::demoPlan(demo, m_catalog);
    if (!plan) {
        *error = toQString(plan.error());
        return false;
    }
    m_session = std::make_unique<RunSession>(m_registry);
    RunSessionSetup setup;
    // Not the window's last-run journal, which it offers to recover: a demo is not a run to keep.
    setup.journalPath = (QDir::tempPath() + QStringLiteral("/versus-presentation.journal.jsonl")).toStdString();
    setup.versusVersion = "presentation";
    m_running = true;
    m_session->start(std::move(*plan), setup);
    m_drainTimer->start();
    return true;
}

void DemoRunner::stop()
{
    m_stopRequested = true;
    m_stopper.request();
    if (m_session)
        m_session->cancel();
}

void DemoRunner::drain()
{
    if (m_session)
        m_session->pump(*this, std::chrono::milliseconds(0), kMaxEventsPerTick);
}

void DemoRunner::advance(const std::string& runtimeId, const std::string& flavour, double fraction)
{
    for (std::size_t i = 0; m_demo && i < m_demo->series.size(); ++i)
        if (m_demo->series[i].runtimeId == runtimeId && m_demo->series[i].flavour == flavour)
            m_progress[i] = std::max(m_progress[i], std::min(fraction, 1.0));
    emit progressed();
}

void DemoRunner::sample(const SampleEvent& e)
{
    const HarnessOptions& o = m_demo->options;
    const int planned = o.warmupSamples + o.samples;
    advance(e.key.runtimeId, e.key.flavour, planned > 0 ? double(e.sample.index + 1) / planned : 1.0);
}

void DemoRunner::finished(const FinishedEvent& e)
{
    advance(e.result.runtimeId, e.result.flavour, 1.0);
}

void DemoRunner::failed(const FailedEvent& e)
{
    const bool shown = std::any_of(m_demo->series.begin(), m_demo->series.end(), [&](const claims::DemoSeries& s) {
        return s.runtimeId == e.result.runtimeId && s.flavour == e.result.flavour;
    });
    if (shown && e.result.status == ResultStatus::Failed)
        m_problems << toQString(e.result.runtimeName + ": " + e.result.failure.message);
    advance(e.result.runtimeId, e.result.flavour, 1.0);
}

void DemoRunner::planDone(const PlanDoneEvent& e)
{
    m_drainTimer->stop();
    m_samples = claims::demoSeriesSamples(*m_demo, m_session->document().results);
    m_running = false;
    emit demoFinished(e.cancelled || m_stopRequested);
}

void DemoRunner::finishStartup(const StartupStudy& study)
{
    if (m_study.joinable())
        m_study.join();
    for (std::size_t i = 0; i < m_demo->series.size(); ++i)
        for (const StartupMeasurement& m : study.commands) {
            if (m.command.runtimeId != m_demo->series[i].runtimeId)
                continue;
            if (!m.error.empty())
                m_problems << toQString(m.command.label + ": " + m.error);
            for (const StartupRun& run : m.runs)
                m_samples[i].push_back(run.wallMs);
        }
    m_running = false;
    emit demoFinished(study.stopped || m_stopRequested);
}

}  // namespace versus::gui
