// Runs a plan (workloads x runtimes) on its own thread, one item at a time, and reports through an EventSink.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
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
    /// Run in an isolated worker process (`versus worker`): a crash, a signal or an exit of the workload code
    /// becomes this item's failed result and the run goes on. Ignored for runtimes that run every job in a child
    /// process anyway (external interpreters).
    bool isolated = false;
    /// The flavours to measure ("plain", "numpy", ...); empty: every implementation of the runtime's language.
    std::vector<std::string> flavours = {};

    /// The workload's implementations in `language` that this item measures, in manifest order.
    std::vector<const Implementation*> implementations(const std::string& language) const;
};

/// In what order the items of a plan are measured.
enum class RunOrder {
    Sequential,  ///< each item's samples all at once, one item after another
    Interleaved,  ///< rounds A B A B ...: slow drift of the machine (heat, other load) spreads over all items
    Random,  ///< rounds in a new random order each time (seeded, reproducible)
    Race,  ///< runtimes run concurrently on their own threads, for demonstrations; results are labelled
};

const char* runOrderName(RunOrder order);
std::optional<RunOrder> runOrderFromName(const std::string& name);

struct RunPlan {
    std::vector<PlanItem> items;
    HarnessOptions options;
    RunOrder order = RunOrder::Sequential;
    int roundSamples = 5;  ///< measured samples per round (interleaved, random); warm-up repeats each round
    double targetCiPercent = 0;  ///< > 0: keep adding rounds until the 95% CI half-width of the median is below
        ///< this share of the median, or options.timeBudgetS runs out
    int maxSamples = 200;  ///< adaptive sampling never takes more measured samples than this
    std::uint64_t seed = 1;  ///< for RunOrder::Random
};

/// Samples (warm-up included) one implementation of an item takes under `plan`: one round in sequential and race
/// order with a fixed sample count, otherwise rounds of roundSamples, each repeating the warm-up. Under a target
/// CI it is the upper bound (maxSamples measured); the item may stop sooner. For progress bars.
int plannedSamplesPerItem(const RunPlan& plan);

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
    struct Item;
    /// The plan's work on the calling thread; start() and runBlocking() set the flags first.
    void runPlan(RunPlan plan);
    /// Runs one round (a harness job) of an item under the watchdog and merges it into the item's result.
    void runRound(Item& item, int measuredSamples, double budgetS);
    void finishItem(Item& item, std::map<std::string, Result>& references);
    void report(Result result);

    RuntimeRegistry& m_registry;
    EventSink& m_sink;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancelled{false};

    mutable std::mutex m_mutex;  // guards everything below
    std::condition_variable m_watchdogWake;
    std::vector<Runtime*> m_active;  // runtimes executing a round now (several in a race)
    std::vector<Result> m_results;
    std::vector<SkippedItem> m_skipped;
    int m_okCount = 0;
    int m_failedCount = 0;
};

/// Checks a result's answer against the expected one, or against a reference result's answer. Turns `result`
/// into a failed one with a message like "wrong answer: expected 832040, got 832041".
void checkAnswer(Result& result, const std::string& expectedJson);
void checkAgainstReference(Result& result, const Result& reference);
/// Canonical JSON text for an answer given by a runtime (so 1.0 and 1 from two languages compare as text).
std::string canonicalAnswer(const std::string& answerJson);

}  // namespace versus
