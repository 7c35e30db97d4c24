// EventQueue: bounded, ordered, blocking producers, released by close().
#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "event_queue.h"

using namespace versus;
using namespace std::chrono_literals;

namespace {
Event sampleEvent(int index)
{
    SampleEvent e;
    e.sample.index = index;
    return e;
}
}  // namespace

TEST(EventQueue, KeepsOrderAcrossBatches)
{
    EventQueue queue(8);
    std::thread producer([&] {
        for (int i = 0; i < 1000; ++i)
            queue.post(sampleEvent(i));
    });
    int expected = 0;
    while (expected < 1000)
        for (auto& event : queue.take(5, 100ms))
            EXPECT_EQ(std::get<SampleEvent>(event).sample.index, expected++);
    producer.join();
    EXPECT_EQ(expected, 1000);
}

TEST(EventQueue, FullQueueBlocksTheProducerInsteadOfGrowing)
{
    EventQueue queue(4);
    std::atomic<int> posted{0};
    std::thread producer([&] {
        for (int i = 0; i < 10; ++i) {
            queue.post(sampleEvent(i));
            ++posted;
        }
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(posted.load(), 4);  // capacity reached: the fifth post waits
    EXPECT_GE(queue.producerWaits(), 1u);
    auto first = queue.drain();
    EXPECT_EQ(first.size(), 4u);
    while (posted.load() < 10)
        queue.drain();
    producer.join();
}

TEST(EventQueue, CloseReleasesABlockedProducerAndCountsDrops)
{
    EventQueue queue(1);
    queue.post(sampleEvent(0));
    std::thread producer([&] { queue.post(sampleEvent(1)); });
    std::this_thread::sleep_for(50ms);
    queue.close();
    producer.join();
    EXPECT_EQ(queue.droppedAfterClose(), 1u);
}
