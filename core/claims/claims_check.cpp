// The run of a check of the article: start-up study, the plan through a RunSession, the verdicts.
#include "claims_check.h"

#include <algorithm>

#include "external/startup_study.h"

namespace versus::claims {

namespace {

/// A RunObserver that passes every event on to another one, or to nobody.
class ForwardingObserver final : public RunObserver {
public:
    explicit ForwardingObserver(RunObserver* to) : m_to(to) { }
    void started(const StartedEvent& e) override
    {
        forward([&](RunObserver& o) { o.started(e); });
    }
    void calibrated(const CalibratedEvent& e) override
    {
        forward([&](RunObserver& o) { o.calibrated(e); });
    }
    void sample(const SampleEvent& e) override
    {
        forward([&](RunObserver& o) { o.sample(e); });
    }
    void output(const OutputEvent& e) override
    {
        forward([&](RunObserver& o) { o.output(e); });
    }
    void finished(const FinishedEvent& e) override
    {
        forward([&](RunObserver& o) { o.finished(e); });
    }
    void failed(const FailedEvent& e) override
    {
        forward([&](RunObserver& o) { o.failed(e); });
    }
    void memory(const MemoryEvent& e) override
    {
        forward([&](RunObserver& o) { o.memory(e); });
    }
    void gc(const GcEvent& e) override
    {
        forward([&](RunObserver& o) { o.gc(e); });
    }
    void planDone(const PlanDoneEvent& e) override
    {
        forward([&](RunObserver& o) { o.planDone(e); });
    }

private:
    template <class F> void forward(F f)
    {
        if (m_to)
            f(*m_to);
    }
    RunObserver* m_to;
};

bool stopped(const ClaimsCheckCallbacks& callbacks)
{
    return callbacks.stop && callbacks.stop->load();
}

/// The cold starts the claims need: each runtime's first command (its plain start); no baseline, no variants.
std::vector<StartupFigure> measureStartup(const ClaimsPlan& plan, const ClaimsBudget& budget,
                                          const RuntimeRegistry& registry, const ClaimsCheckCallbacks& callbacks)
{
    std::vector<StartupFigure> figures;
    if (plan.startupRuntimes.empty() || stopped(callbacks))
        return figures;
    const StartupPlan firstOnly = plainStartsOnly(planStartup(registry, plan.startupRuntimes));
    for (const StartupSkip& skip : firstOnly.skipped)
        figures.push_back({skip.runtimeId, skip.runtimeId, {}, skip.reason});
    StartupStudyOptions options;
    options.runs = budget.startupRuns;
    options.warmup = budget.startupWarmup;
    options.probeRuns = 0;  // the embedded parts are not claimed
    StartupStudyCallbacks study;
    study.onProgress = [&](const StartupProgress& p) {
        if (callbacks.onStartup && p.index == 1 && !p.warmup)
            callbacks.onStartup(p.label, p.count);
    };
    for (const StartupMeasurement& m : runStartupStudy(firstOnly, options, study).commands) {
        StartupFigure f{m.command.runtimeId, m.command.label, {}, m.error};
        for (const StartupRun& run : m.runs)
            f.wallMs.push_back(run.wallMs);
        figures.push_back(f);
    }
    return figures;
}

}  // namespace

ClaimsCheck runClaimsCheck(const ClaimCatalog& claims, const Catalog& catalog, RuntimeRegistry& registry,
                           const ClaimsBudget& budget, unsigned cores, const std::string& versusVersion,
                           const ClaimsCheckCallbacks& callbacks)
{
    ClaimsCheck check;
    check.plan = planClaims(claims, catalog, registry, budget, cores);
    if (callbacks.onPlan)
        callbacks.onPlan(check.plan);
    check.startup = measureStartup(check.plan, budget, registry, callbacks);

    RunSession session(registry);
    RunSessionSetup setup;
    setup.versusVersion = versusVersion;
    session.start(check.plan.plan, setup);
    ForwardingObserver observer(callbacks.observer);
    while (!session.done()) {
        if (stopped(callbacks) && !check.cancelled) {
            session.cancel();
            check.cancelled = true;
        }
        session.pump(observer, std::chrono::milliseconds(100), 256);
    }
    check.cancelled = check.cancelled || stopped(callbacks);
    check.document = session.document();
    check.outcomes = judgeClaims(claims, check.plan, check.document.results, check.startup);
    return check;
}

}  // namespace versus::claims
