// The scheduler thread: validates, runs items one by one under a timeout watchdog, checks answers.
#include "run_scheduler.h"

#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

#include "statistics.h"

namespace versus {

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
    r.flavour = job.implementation ? job.implementation->flavour : "plain";
    r.flavourLabel = job.implementation ? job.implementation->label : "";
    r.params = job.params;
    return r;
}

void fail(Result& r, FailureKind kind, std::string message)
{
    r.status = kind == FailureKind::Cancelled ? ResultStatus::Cancelled : ResultStatus::Failed;
    r.failure.kind = kind;
    r.failure.message = std::move(message);
}

} // namespace

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
                 + ". The workload's code computes something other than the manifest says; fix the script.");
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

RunScheduler::RunScheduler(RuntimeRegistry& registry, EventSink& sink) : m_registry(registry), m_sink(sink) {}

RunScheduler::~RunScheduler()
{
    cancel();
    wait();
}

void RunScheduler::start(RunPlan plan)
{
    wait();
    m_running = true;
    m_thread = std::thread([this, plan = std::move(plan)]() mutable { runBlocking(std::move(plan)); });
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
    if (m_current)
        m_current->cancel();
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

Result RunScheduler::runItem(const RunJob& job, Runtime& runtime, const RuntimeInfo& info)
{
    m_sink.post(StartedEvent{job.key, info.name, info.version});
    const auto started = std::chrono::steady_clock::now();

    // The watchdog cancels the item when it outlives its timeout or the plan is cancelled. Runtimes act on a
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

    Result result = runtime.execute(job, m_sink);
    {
        std::lock_guard lock(m_mutex);
        done = true;
        m_watchdogWake.notify_all();
    }
    watchdog.join();

    Result full = baseResult(job, info);
    full.status = result.status;
    full.failure = result.failure;
    full.answer = result.answer;
    full.innerLoops = result.innerLoops;
    full.samples = std::move(result.samples);
    full.reported = std::move(result.reported);
    full.output = std::move(result.output);
    full.outputDroppedBytes = result.outputDroppedBytes;
    full.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // An item that ends right at its deadline keeps its measurement; one that was stopped by it is a timeout.
    if (timedOut && !full.ok()) {
        fail(full, FailureKind::Timeout,
             "timed out after " + std::to_string(static_cast<int>(job.options.timeoutS))
                 + " s and was stopped. Use smaller parameters or a longer timeout (--timeout).");
    }
    full.summary = stats::summarize(full.samples);
    return full;
}

void RunScheduler::runBlocking(RunPlan plan)
{
    m_running = true;
    m_cancelled = false;
    {
        std::lock_guard lock(m_mutex);
        m_results.clear();
        m_skipped.clear();
    }
    std::map<std::string, Result> references;  // workload id + params -> first successful result
    int itemIndex = 0;
    int okCount = 0, failedCount = 0;

    auto report = [&](Result r) {
        if (r.ok()) {
            ++okCount;
            m_sink.post(FinishedEvent{r});
        } else {
            ++failedCount;
            m_sink.post(FailedEvent{r});
        }
        std::lock_guard lock(m_mutex);
        m_results.push_back(std::move(r));
    };

    for (const PlanItem& item : plan.items) {
        if (m_cancelled)
            break;
        const RuntimeDescriptor* descriptor = m_registry.descriptor(item.runtimeId);
        RuntimeInfo info = descriptor ? descriptor->info : RuntimeInfo{item.runtimeId, item.runtimeId, "", "", "", false};
        auto impls = item.workload->implementationsFor(info.language);
        if (impls.empty()) {
            std::lock_guard lock(m_mutex);
            m_skipped.push_back({item.workload->id, item.runtimeId,
                                 "'" + item.workload->id + "' has no " + (info.language.empty() ? item.runtimeId : info.language)
                                     + " implementation"});
            continue;
        }
        ParamValues params;
        auto paramError = item.workload->resolveParams(item.overrides, params);
        for (const Implementation* impl : impls) {
            if (m_cancelled)
                break;
            RunJob job;
            job.key = {itemIndex++, item.workload->id, info.id, impl->flavour};
            job.workload = item.workload;
            job.implementation = impl;
            job.params = params;
            job.options = plan.options;
            if (paramError) {
                Result r = baseResult(job, info);
                fail(r, FailureKind::InvalidParameter, *paramError);
                report(std::move(r));
                continue;
            }
            std::string error;
            Runtime* runtime = m_registry.get(item.runtimeId, &error);
            if (!runtime) {
                Result r = baseResult(job, info);
                fail(r, FailureKind::RuntimeUnavailable, error);
                report(std::move(r));
                continue;
            }
            info = runtime->info();
            {
                std::lock_guard lock(m_mutex);
                m_current = runtime;
            }
            if (m_cancelled) {
                std::lock_guard lock(m_mutex);
                m_current = nullptr;
                break;
            }
            Result r = runItem(job, *runtime, info);
            {
                std::lock_guard lock(m_mutex);
                m_current = nullptr;
            }
            const std::string referenceKey = item.workload->id + "|" + formatParams(params);
            if (auto expected = item.workload->expectedAnswerFor(params)) {
                checkAnswer(r, *expected);
            } else if (auto it = references.find(referenceKey); it != references.end()) {
                checkAgainstReference(r, it->second);
            }
            if (r.ok() && !references.count(referenceKey))
                references.emplace(referenceKey, r);
            report(std::move(r));
        }
    }
    m_sink.post(PlanDoneEvent{okCount, failedCount, m_cancelled.load()});
    m_running = false;
}

} // namespace versus
