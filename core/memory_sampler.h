// Live memory series: the Versus process's RSS, each external child's RSS and the runtimes' cheap heap counters,
// sampled on a thread of their own at a steady rate and posted as MemoryEvents.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/types.h>

#include "events.h"

namespace versus {

/// Child processes whose RSS the samplers report (external runtimes add theirs while a job runs). Any thread.
class WatchedProcesses {
public:
    static void add(pid_t pid, std::string series);
    static void remove(pid_t pid);
    static std::vector<std::pair<pid_t, std::string>> snapshot();
};

/// RSS of this process from /proc/self/statm, in bytes; -1 when unreadable.
std::int64_t selfRssBytes();

/// Samples memory figures every `period` on its own thread and posts one MemoryEvent per series per tick. Reading
/// /proc and atomics only: it never touches an interpreter, so the workload does not notice it.
class MemorySampler {
public:
    /// Series "Versus process RSS" and every watched child are always sampled.
    explicit MemorySampler(EventSink& sink, std::chrono::milliseconds period = std::chrono::milliseconds(100));
    /// Stops the thread. The sink must still accept events until then (posts may block on a full queue).
    ~MemorySampler();
    MemorySampler(const MemorySampler&) = delete;
    MemorySampler& operator=(const MemorySampler&) = delete;

    /// An extra series read by `bytes` (called on the sampler thread; must be cheap and thread-safe, e.g. an
    /// atomic counter such as EmbeddedPythonRuntime::heapBytes). A negative value skips that tick. Before start().
    void addSeries(std::string series, std::function<std::int64_t()> bytes);
    void start();
    /// Waits for the thread to finish its current tick. Idempotent.
    void stop();
    /// Ticks taken so far.
    std::int64_t ticks() const { return m_ticks.load(); }

private:
    void loop();
    void tick();

    EventSink& m_sink;
    const std::chrono::milliseconds m_period;
    std::vector<std::pair<std::string, std::function<std::int64_t()>>> m_series;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<std::int64_t> m_ticks{0};
};

}  // namespace versus
