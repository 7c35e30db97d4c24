// A bounded, ordered queue of engine events. Producers block when it is full, so nothing is lost or reordered and a
// fast producer cannot grow memory without bound; closing the queue releases blocked producers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "events.h"

namespace versus {

class EventQueue final : public EventSink {
public:
    explicit EventQueue(std::size_t capacity = 4096) : m_capacity(capacity) { }

    /// Blocks while the queue is full. Dropped (and counted) only after close().
    void post(Event event) override;
    /// Waits up to `timeout` for at least one event, then takes up to `max` of them in order.
    std::vector<Event> take(std::size_t max, std::chrono::milliseconds timeout);
    /// Takes whatever is there without waiting.
    std::vector<Event> drain(std::size_t max = static_cast<std::size_t>(-1));
    /// Consumers that stop reading call this so producers never block forever.
    void close();
    std::size_t droppedAfterClose() const;
    std::size_t capacity() const { return m_capacity; }
    /// Times a producer had to wait for space (a full buffer slows the producer, it never drops).
    std::size_t producerWaits() const;

private:
    std::vector<Event> takeLocked(std::size_t max);

    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<Event> m_events;
    bool m_closed = false;
    std::size_t m_dropped = 0;
    std::size_t m_waits = 0;
};

}  // namespace versus
