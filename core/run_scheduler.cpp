// The scheduler thread: validates, runs items one by one under a timeout watchdog, checks answers.
#include "run_scheduler.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "database/plan_services.h"
#include "statistics.h"
#include "text_format.h"

namespace versus {

std::vector<const Implementation*> PlanItem::implementations(const std::string& language) const
{
    std::vector<const Implementation*> out;
    for (const Implementation* impl : workload->implementationsFor(language))
        if (flavours.empty() || std::find(flavours.begin(), flavours.end(), impl->flavour) != flavours.end())
            out.push_back(impl);
    return out;
}

namespace {

Result baseResult(const RunJob& job, const RuntimeInfo& info)
{
    Result r;
    r.itemIndex = job.key.itemIndex;
    r.workloadId = job.workload->id;
    r.workloadTitle = job.workload->title;
    r.runtimeId = info.id;
    r.runtimeName = info.name;
    r.runtimeVersion = info.version;
    r.language = info.language;
    r.embedded = info.embedded;
    r.flavour = job.implementation ? job.implementation->flavour : "plain";
    r.flavourLabel = job.implementation ? job.implementation->label : "";
    r.params = job.params;
    return r;
}

/// What a round reports about itself beyond its samples, folded into the item's result: the harness's overhead (the
/// latest known), warnings (each once), the CPU time of every child process the rounds ran (summed; the exit
/// code of the last child that did not exit 0, else 0) and the start-up time of isolated workers (summed).
void mergeRoundFacts(Result& merged, const Result& round)
{
    // Each round measures the harness's own loop again: the smallest is the least disturbed.
    if (round.harnessOverheadNs > 0
        && (merged.harnessOverheadNs <= 0 || round.harnessOverheadNs < merged.harnessOverheadNs))
        merged.harnessOverheadNs = round.harnessOverheadNs;
    for (const std::string& warning : round.warnings)
        if (std::find(merged.warnings.begin(), merged.warnings.end(), warning) == merged.warnings.end())
            merged.warnings.push_back(warning);
    auto add = [](std::int64_t& total, std::int64_t part) {
        if (part >= 0)
            total = std::max<std::int64_t>(total, 0) + part;
    };
    add(merged.childUserNs, round.childUserNs);
    add(merged.workerStartNs, round.workerStartNs);
    add(merged.childSysNs, round.childSysNs);
    if (round.childExitCode >= 0 && (merged.childExitCode <= 0 || round.childExitCode != 0))
        merged.childExitCode = round.childExitCode;
}

/// Calls so short that the harness's own loop is a large share of each one: the per-call time says more about the
/// harness than about the workload.
void warnWhenTheHarnessDominates(Result& r)
{
    constexpr double kWorkloadToHarnessMin = 100;
    if (r.harnessOverheadNs > 0 && r.summary.samples > 0
        && r.summary.medianNs < kWorkloadToHarnessMin * r.harnessOverheadNs)
        r.warnings.push_back("each call takes " + formatDuration(r.summary.medianNs) + ", of which about "
                             + formatDuration(r.harnessOverheadNs)
                             + " is the harness's own loop: use a larger parameter so the workload dominates");
}

void fail(Result& r, FailureKind kind, std::string message)
{
    r.status = kind == FailureKind::Cancelled ? ResultStatus::Cancelled : ResultStatus::Failed;
    r.failure.kind = kind;
    r.failure.message = std::move(message);
}

}  // namespace

std::string canonicalAnswer(const std::string& answerJson)
{
    try {
        auto value = nlohmann::json::parse(answerJson);
        // Integral floats (JSON from JavaScript has no integer type) compare equal to integers.
        if (value.is_number_float()) {
            double d = value.get<double>();
            if (d == static_cast<double>(static_cast<std::int64_t>(d)) && std::abs(d) < 9.007199254740992e15)
                value = static_cast<std::int64_t>(d);
        }
        return value.dump();
    } catch (const std::exception&) {
        return answerJson;
    }
}

void checkAnswer(Result& result, const std::string& expectedJson)
{
    result.expectedAnswer = canonicalAnswer(expectedJson);
    if (!result.ok())
        return;
    const std::string got = canonicalAnswer(result.answer);
    if (got != result.expectedAnswer)
        fail(result, FailureKind::WrongAnswer,
             "wrong answer: expected " + result.expectedAnswer + ", got " + got
                 + ". The code and its expected answer disagree: fix whichever is wrong (the script, or the "
                   "manifest's or the panel's expected answer).");
}

void checkAgainstReference(Result& result, const Result& reference)
{
    if (!result.ok() || !reference.ok())
        return;
    const std::string expected = canonicalAnswer(reference.answer);
    const std::string got = canonicalAnswer(result.answer);
    if (got != expected)
        fail(result, FailureKind::AnswerMismatch,
             "answer mismatch: " + reference.seriesName() + " answered " + expected + ", " + result.seriesName()
                 + " answered " + got + ". The implementations do not compute the same thing.");
}

RunScheduler::RunScheduler(RuntimeRegistry& registry, EventSink& sink) : m_registry(registry), m_sink(sink) { }

RunScheduler::~RunScheduler()
{
    cancel();
    wait();
}

void RunScheduler::start(RunPlan plan)
{
    wait();
    // Both flags are set here, before start() returns: a cancel() right after it must not be undone by the thread.
    m_running = true;
    m_cancelled = false;
    m_thread = std::thread([this, plan = std::move(plan)]() mutable { runPlan(std::move(plan)); });
}

void RunScheduler::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

void RunScheduler::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_mutex);
    for (Runtime* runtime : m_active)
        runtime->cancel();
    m_watchdogWake.notify_all();
}

std::vector<Result> RunScheduler::results() const
{
    std::lock_guard lock(m_mutex);
    return m_results;
}

std::vector<SkippedItem> RunScheduler::skipped() const
{
    std::lock_guard lock(m_mutex);
    return m_skipped;
}

const char* runOrderName(RunOrder order)
{
    switch (order) {
    case RunOrder::Sequential:
        return "sequential";
    case RunOrder::Interleaved:
        return "interleaved";
    case RunOrder::Random:
        return "random";
    case RunOrder::Race:
        return "race";
    }
    return "sequential";
}

std::optional<RunOrder> runOrderFromName(const std::string& name)
{
    for (auto order : {RunOrder::Sequential, RunOrder::Interleaved, RunOrder::Random, RunOrder::Race})
        if (name == runOrderName(order))
            return order;
    return std::nullopt;
}

int plannedSamplesPerItem(const RunPlan& plan)
{
    const bool adaptive = plan.targetCiPercent > 0;
    const int measured = adaptive ? plan.maxSamples : plan.options.samples;
    const bool oneRound = !adaptive && (plan.order == RunOrder::Sequential || plan.order == RunOrder::Race);
    const int chunk = std::max(1, plan.roundSamples);
    const int rounds = oneRound ? 1 : (measured + chunk - 1) / chunk;
    return measured + rounds * plan.options.warmupSamples;
}

struct RunScheduler::Item {
    RunJob job;
    Runtime* runtime = nullptr;
    RuntimeInfo info;
    Result result;
    std::string referenceKey;
    bool started = false;
    bool done = false;
    bool finished = false;  ///< its result was posted
    bool budgetSpent = false;  ///< the harness stopped a round early because the time budget ran out
    int measured = 0;
    std::chrono::steady_clock::time_point firstStart;

    double elapsedS() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - firstStart).count();
    }
};

void RunScheduler::report(Result result)
{
    std::lock_guard lock(m_mutex);
    if (result.ok()) {
        ++m_okCount;
        m_sink.post(FinishedEvent{result});
    } else {
        ++m_failedCount;
        m_sink.post(FailedEvent{result});
    }
    m_results.push_back(std::move(result));
}

void RunScheduler::runRound(Item& item, int measuredSamples, double budgetS)
{
    if (!item.started) {
        item.started = true;
        item.firstStart = std::chrono::steady_clock::now();
        m_sink.post(StartedEvent{item.job.key, item.info.name, item.info.version, item.job.params});
    }
    RunJob job = item.job;
    job.options.samples = measuredSamples;
    job.options.timeBudgetS = budgetS;
    job.options.fixedInnerLoops = item.result.innerLoops;
    job.sampleIndexOffset = static_cast<int>(item.result.samples.size());
    Runtime& runtime = *item.runtime;
    {
        std::lock_guard lock(m_mutex);
        m_active.push_back(&runtime);
    }
    const auto started = std::chrono::steady_clock::now();

    // The watchdog cancels the round when it outlives its timeout or the plan is cancelled. Runtimes act on a
    // cancel only while a job runs, so the watchdog repeats it until execute() returns: a cancel that arrives
    // while the job is still being handed to the runtime's thread is not lost.
    bool done = false;
    bool timedOut = false;
    std::thread watchdog([&] {
        std::unique_lock lock(m_mutex);
        const auto deadline = started + std::chrono::duration<double>(job.options.timeoutS);
        while (!done) {
            m_watchdogWake.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; });
            if (done)
                break;
            if (!timedOut && std::chrono::steady_clock::now() >= deadline)
                timedOut = true;
            if (timedOut || m_cancelled)
                runtime.cancel();
        }
    });
    Result round = runtime.execute(job, m_sink);
    {
        std::lock_guard lock(m_mutex);
        done = true;
        m_active.erase(std::find(m_active.begin(), m_active.end(), &runtime));
        m_watchdogWake.notify_all();
    }
    watchdog.join();

    // An item that ends right at its deadline keeps its measurement; one that was stopped by it is a timeout.
    if (timedOut && !round.ok())
        fail(round, FailureKind::Timeout,
             "timed out after " + std::to_string(static_cast<int>(job.options.timeoutS))
                 + " s and was stopped. Use smaller parameters or a longer timeout (--timeout).");

    Result& merged = item.result;
    if (merged.innerLoops == 0)
        merged.innerLoops = round.innerLoops;
    int measuredNow = 0;
    for (const Sample& s : round.samples) {
        merged.samples.push_back(s);
        measuredNow += s.warmup ? 0 : 1;
    }
    item.measured += measuredNow;
    item.budgetSpent = round.ok() && budgetS > 0 && measuredNow < measuredSamples;
    merged.output += round.output;
    merged.outputDroppedBytes += round.outputDroppedBytes;
    merged.answer = round.answer;
    merged.reported = round.reported;
    mergeRoundFacts(merged, round);
    if (!round.ok()) {
        merged.status = round.status;
        merged.failure = round.failure;
        item.done = true;
    }
}

void RunScheduler::finishItem(Item& item, std::map<std::string, Result>& references)
{
    item.finished = true;
    Result& r = item.result;
    r.wallSeconds = item.started ? item.elapsedS() : 0;
    r.summary = stats::summarize(r.samples);
    warnWhenTheHarnessDominates(r);
    if (r.ok()) {
        if (auto expected = item.job.workload->expectedAnswerFor(item.job.params))
            checkAnswer(r, *expected);
        else if (auto it = references.find(item.referenceKey); it != references.end())
            checkAgainstReference(r, it->second);
        if (r.ok() && !references.count(item.referenceKey))
            references.emplace(item.referenceKey, r);
    }
    report(r);
}

void RunScheduler::runBlocking(RunPlan plan)
{
    m_running = true;
    m_cancelled = false;
    runPlan(std::move(plan));
}

void RunScheduler::runPlan(RunPlan plan)
{
    {
        std::lock_guard lock(m_mutex);
        m_results.clear();
        m_skipped.clear();
        m_okCount = m_failedCount = 0;
    }
    const bool adaptive = plan.targetCiPercent > 0;
    const HarnessOptions& options = plan.options;

    // Expand the plan into items; what cannot run is reported at once, before any runtime starts.
    std::vector<Item> items;
    int itemIndex = 0;
    for (const PlanItem& planItem : plan.items) {
        const RuntimeDescriptor* descriptor = m_registry.descriptor(planItem.runtimeId);
        RuntimeInfo info =
            descriptor ? descriptor->info : RuntimeInfo{planItem.runtimeId, planItem.runtimeId, "", "", "", false};
        auto impls = planItem.implementations(info.language);
        if (impls.empty()) {
            std::lock_guard lock(m_mutex);
            m_skipped.push_back({planItem.workload->id, planItem.runtimeId,
                                 "'" + planItem.workload->id + "' has no "
                                     + (info.language.empty() ? planItem.runtimeId : info.language)
                                     + " implementation"});
            continue;
        }
        const auto resolved = planItem.workload->resolveParams(planItem.overrides);
        const ParamValues params = resolved ? *resolved : ParamValues{};
        for (const Implementation* impl : impls) {
            Item item;
            item.job.key = {itemIndex++, planItem.workload->id, info.id, impl->flavour};
            item.job.workload = planItem.workload;
            item.job.implementation = impl;
            item.job.params = params;
            item.job.options = options;
            item.info = info;
            item.referenceKey = comparisonKey(planItem.workload->id, params);
            item.result = baseResult(item.job, info);
            item.result.order = runOrderName(plan.order);
            if (!resolved) {
                fail(item.result, FailureKind::InvalidParameter, resolved.error());
                report(item.result);
                continue;
            }
            const auto runtime =
                planItem.isolated ? m_registry.getIsolated(planItem.runtimeId) : m_registry.get(planItem.runtimeId);
            if (!runtime) {
                fail(item.result, FailureKind::RuntimeUnavailable, runtime.error());
                report(item.result);
                continue;
            }
            // A flavour needing a module this runtime cannot import is unavailable here, with the reason: never a
            // script error from inside the harness.
            if (const auto met = m_registry.checkRequirements(planItem.runtimeId, *impl); !met) {
                fail(item.result, FailureKind::RuntimeUnavailable, met.error());
                report(item.result);
                continue;
            }
            item.runtime = *runtime;
            item.info = item.runtime->info();
            item.result.runtimeName = item.info.name;
            item.result.runtimeVersion = item.info.version;
            item.result.language = item.info.language;
            item.result.embedded = item.info.embedded;
            items.push_back(std::move(item));
        }
    }

    // The servers the items' workloads need (a PostgreSQL cluster), started once for the plan and stopped before
    // PlanDoneEvent, however the plan ends; an item whose server could not start fails as unavailable.
    PlanServices services;
    {
        std::vector<const Workload*> workloads;
        for (const Item& item : items)
            workloads.push_back(item.job.workload);
        services.start(workloads, m_cancelled);
        std::vector<Item> runnable;
        for (Item& item : items) {
            if (auto json = services.forWorkload(*item.job.workload)) {
                item.job.servicesJson = *json;
                runnable.push_back(std::move(item));
            } else {
                fail(item.result, FailureKind::RuntimeUnavailable, json.error());
                report(item.result);
            }
        }
        items = std::move(runnable);
    }

    // After a round: is this item done sampling, and why?
    auto decide = [&](Item& item) {
        if (item.done)
            return;
        const bool overBudget = item.budgetSpent || (options.timeBudgetS > 0 && item.elapsedS() >= options.timeBudgetS);
        if (adaptive) {
            const auto values = stats::perCallNs(item.result.samples);
            if (values.size() >= 3) {
                const auto ci = stats::bootstrapMedianCI(values);
                if ((ci.high - ci.low) / 2 <= stats::median(values) * plan.targetCiPercent / 100) {
                    item.result.stopReason = "ci-target";
                    item.done = true;
                    return;
                }
            }
            if (overBudget || item.measured >= plan.maxSamples) {
                item.result.stopReason = overBudget ? "time-budget" : "samples";
                item.done = true;
            }
            return;
        }
        if (item.measured >= options.samples || overBudget) {
            item.result.stopReason = item.measured >= options.samples ? "samples" : "time-budget";
            item.done = true;
        }
    };
    auto remainingBudget = [&](const Item& item) {
        if (options.timeBudgetS <= 0)
            return 0.0;
        return std::max(1e-3, options.timeBudgetS - (item.started ? item.elapsedS() : 0));
    };
    // A round never takes more measured samples than the item may still take: maxSamples bounds adaptive sampling.
    auto roundSize = [&](const Item& item) {
        const int chunk = std::max(1, plan.roundSamples);
        return std::max(1, std::min(chunk, (adaptive ? plan.maxSamples : options.samples) - item.measured));
    };
    // Every item to the end, one after another (also what each thread of a race does).
    auto runToEnd = [&](Item& item) {
        while (!item.done && !m_cancelled) {
            const int size = adaptive ? roundSize(item) : options.samples - item.measured;
            runRound(item, size, remainingBudget(item));
            decide(item);
        }
    };

    std::map<std::string, Result> references;
    switch (plan.order) {
    case RunOrder::Sequential:
        for (Item& item : items) {
            runToEnd(item);
            if (item.started)
                finishItem(item, references);
            if (m_cancelled)
                break;
        }
        break;
    case RunOrder::Interleaved:
    case RunOrder::Random: {
        std::mt19937_64 rng(plan.seed);
        for (;;) {
            std::vector<Item*> pending;
            for (Item& item : items)
                if (!item.done)
                    pending.push_back(&item);
            if (pending.empty() || m_cancelled)
                break;
            if (plan.order == RunOrder::Random)
                std::shuffle(pending.begin(), pending.end(), rng);
            for (Item* item : pending) {
                if (m_cancelled)
                    break;
                runRound(*item, roundSize(*item), remainingBudget(*item));
                decide(*item);
                if (item->done)  // posted now, not after the other items' rounds: rows appear as each finishes
                    finishItem(*item, references);
            }
        }
        for (Item& item : items)
            if (item.started && !item.finished)  // cut short by a cancel
                finishItem(item, references);
        break;
    }
    case RunOrder::Race: {
        // One thread per runtime; a runtime's own items still run one after another.
        std::map<Runtime*, std::vector<Item*>> byRuntime;
        for (Item& item : items)
            byRuntime[item.runtime].push_back(&item);
        std::vector<std::thread> racers;
        std::mutex finishing;  // guards `references` between the racers
        for (auto& [runtime, own] : byRuntime)
            racers.emplace_back([&, own = own] {
                for (Item* item : own) {
                    runToEnd(*item);
                    if (item->started) {  // posted as it ends, while the other runtimes still race
                        std::lock_guard lock(finishing);
                        finishItem(*item, references);
                    }
                }
            });
        for (auto& racer : racers)
            racer.join();
        break;
    }
    }
    services.stop();
    {
        // Posted as each item finished; kept in plan order, as the document and the CLI list them.
        std::lock_guard lock(m_mutex);
        std::stable_sort(m_results.begin(), m_results.end(),
                         [](const Result& a, const Result& b) { return a.itemIndex < b.itemIndex; });
    }
    m_sink.post(PlanDoneEvent{m_okCount, m_failedCount, m_cancelled.load()});
    m_running = false;
}

}  // namespace versus
