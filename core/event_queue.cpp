// Bounded blocking event queue.
#include "event_queue.h"

namespace versus {

void EventQueue::post(Event event)
{
    std::unique_lock lock(m_mutex);
    if (m_events.size() >= m_capacity && !m_closed) {
        ++m_waits;
        m_notFull.wait(lock, [this] { return m_events.size() < m_capacity || m_closed; });
    }
    if (m_closed) {
        ++m_dropped;
        return;
    }
    m_events.push_back(std::move(event));
    m_notEmpty.notify_one();
}

std::vector<Event> EventQueue::takeLocked(std::size_t max)
{
    std::vector<Event> out;
    while (!m_events.empty() && out.size() < max) {
        out.push_back(std::move(m_events.front()));
        m_events.pop_front();
    }
    if (!out.empty())
        m_notFull.notify_all();
    return out;
}

std::vector<Event> EventQueue::take(std::size_t max, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_notEmpty.wait_for(lock, timeout, [this] { return !m_events.empty() || m_closed; });
    return takeLocked(max);
}

std::vector<Event> EventQueue::drain(std::size_t max)
{
    std::lock_guard lock(m_mutex);
    return takeLocked(max);
}

void EventQueue::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_notFull.notify_all();
    m_notEmpty.notify_all();
}

std::size_t EventQueue::droppedAfterClose() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::size_t EventQueue::producerWaits() const
{
    std::lock_guard lock(m_mutex);
    return m_waits;
}

}  // namespace versus
