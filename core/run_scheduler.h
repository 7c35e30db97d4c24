// Runs a plan (workloads x runtimes) on its own thread, one item at a time, and reports through an EventSink.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime.h"
#include "runtime_registry.h"

namespace versus {

struct PlanItem {
    const Workload* workload = nullptr;
    std::string runtimeId;
    ParamValues overrides;  ///< on top of the manifest's defaults
};

struct RunPlan {
    std::vector<PlanItem> items;
    HarnessOptions options;
};

/// Why an item of the plan produced no result (e.g. the workload has no implementation in that language).
struct SkippedItem {
    std::string workloadId;
    std::string runtimeId;
    std::string reason;
};

class RunScheduler {
public:
    RunScheduler(RuntimeRegistry& registry, EventSink& sink);
    ~RunScheduler();  ///< cancels a running plan and waits for it
    RunScheduler(const RunScheduler&) = delete;
    RunScheduler& operator=(const RunScheduler&) = delete;

    /// Starts the plan on the scheduler's thread; returns at once. One plan at a time.
    void start(RunPlan plan);
    /// Runs the plan on the calling thread.
    void runBlocking(RunPlan plan);
    /// Any thread: stops the running item (within the runtime's cancel latency) and skips the rest.
    void cancel();
    void wait();
    bool running() const { return m_running.load(); }

    /// Valid after the plan ends (PlanDoneEvent posted).
    std::vector<Result> results() const;
    std::vector<SkippedItem> skipped() const;

private:
    Result runItem(const RunJob& job, Runtime& runtime, const RuntimeInfo& info);

    RuntimeRegistry& m_registry;
    EventSink& m_sink;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancelled{false};

    mutable std::mutex m_mutex;  // guards everything below
    std::condition_variable m_watchdogWake;
    Runtime* m_current = nullptr;
    std::vector<Result> m_results;
    std::vector<SkippedItem> m_skipped;
};

/// Checks a result's answer against the expected one, or against a reference result's answer. Turns `result`
/// into a failed one with a message like "wrong answer: expected 832040, got 832041".
void checkAnswer(Result& result, const std::string& expectedJson);
void checkAgainstReference(Result& result, const Result& reference);
/// Canonical JSON text for an answer given by a runtime (so 1.0 and 1 from two languages compare as text).
std::string canonicalAnswer(const std::string& answerJson);

} // namespace versus
