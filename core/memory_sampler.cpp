// The memory sampler thread and the list of watched child processes.
#include "memory_sampler.h"
#include "clock.h"

#include <fstream>
#include <map>

#include <unistd.h>

namespace versus {

namespace {

std::mutex g_watchMutex;
std::map<pid_t, std::string>& watched()
{
    static std::map<pid_t, std::string> processes;
    return processes;
}

std::int64_t rssFromStatm(const std::string& path)
{
    std::ifstream statm(path);
    long long size = 0, resident = 0;
    if (!(statm >> size >> resident))
        return -1;
    return static_cast<std::int64_t>(resident) * sysconf(_SC_PAGESIZE);
}

}  // namespace

void WatchedProcesses::add(pid_t pid, std::string series)
{
    std::lock_guard lock(g_watchMutex);
    watched()[pid] = std::move(series);
}

void WatchedProcesses::remove(pid_t pid)
{
    std::lock_guard lock(g_watchMutex);
    watched().erase(pid);
}

std::vector<std::pair<pid_t, std::string>> WatchedProcesses::snapshot()
{
    std::lock_guard lock(g_watchMutex);
    return {watched().begin(), watched().end()};
}

std::int64_t selfRssBytes()
{
    return rssFromStatm("/proc/self/statm");
}

MemorySampler::MemorySampler(EventSink& sink, std::chrono::milliseconds period) : m_sink(sink), m_period(period) { }

MemorySampler::~MemorySampler()
{
    stop();
}

void MemorySampler::addSeries(std::string series, std::function<std::int64_t()> bytes)
{
    m_series.emplace_back(std::move(series), std::move(bytes));
}

void MemorySampler::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void MemorySampler::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void MemorySampler::loop()
{
    // Ticks on a fixed grid (start + k * period), so a slow tick does not shift the ones after it.
    auto next = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        tick();
        lock.lock();
        next += m_period;
        if (next < std::chrono::steady_clock::now())
            next = std::chrono::steady_clock::now() + m_period;  // fell behind: skip, do not burst
        m_wake.wait_until(lock, next, [this] { return m_stopping; });
    }
}

void MemorySampler::tick()
{
    const std::int64_t now = steadyNowNs();
    std::vector<MemoryEvent> events;
    events.push_back({now, "Versus process RSS", selfRssBytes()});
    for (const auto& [pid, series] : WatchedProcesses::snapshot())
        if (std::int64_t rss = rssFromStatm("/proc/" + std::to_string(pid) + "/statm"); rss >= 0)
            events.push_back({now, series, rss});
    for (const auto& [series, read] : m_series)
        if (std::int64_t bytes = read(); bytes >= 0)
            events.push_back({now, series, bytes});
    for (auto& e : events)
        if (e.bytes >= 0)
            m_sink.post(std::move(e));
    ++m_ticks;
}

}  // namespace versus
