// HarnessJobContext's check of the runtime's clock against the host's: the pure rule, and the context failing a
// job whose samples disagree (with and without a pipe's slack).
#include <atomic>
#include <thread>

#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "clock.h"
#include "event_queue.h"
#include "harness_job.h"
#include "run_queue_wait.h"

using namespace versus;

TEST(SampleClock, AgreesWithinTenPercentPlusOneMillisecond)
{
    EXPECT_EQ(checkSampleClock(50'000'000, 50'400'000), "");
    EXPECT_EQ(checkSampleClock(50'000'000, 55'900'000), "") << "10% of 55.9 ms + 1 ms = 6.59 ms of slack";
    EXPECT_EQ(checkSampleClock(200'000, 900'000), "") << "small samples: the 1 ms slack dominates";
    EXPECT_NE(checkSampleClock(5'000'000, 50'000'000), "") << "a clock ten times slow";
    EXPECT_NE(checkSampleClock(60'000'000, 50'000'000), "") << "longer than the host saw";
    EXPECT_NE(checkSampleClock(0, 100), "") << "zero is never a real sample";
    EXPECT_NE(checkSampleClock(-5, 100), "");
    EXPECT_NE(checkSampleClock(0, 100).find("reported 0 ns"), std::string::npos);
}

TEST(SampleClock, APipesSlackWidensTheToleranceButNeverAcceptsZero)
{
    EXPECT_EQ(checkSampleClock(30'000'000, 50'000'000, 20'000'000), "") << "a sample_begin read 20 ms late";
    EXPECT_NE(checkSampleClock(5'000'000, 50'000'000, 20'000'000), "") << "a clock ten times slow on 50 ms samples";
    EXPECT_NE(checkSampleClock(0, 50'000'000, 20'000'000), "");
}

namespace {

struct Fixture {
    EventQueue queue{1 << 10};
    RunJob job;
    /// Three samples, timed inside like an honest runtime does and reported times `scale`.
    Result run(std::int64_t slackNs, double scale)
    {
        HarnessJobContext context(job, queue);
        context.setClockSlackNs(slackNs);
        for (int i = 0; i < 3; ++i) {
            context.sampleBegin();
            const std::int64_t t0 = steadyNowNs();
            // Samples of 20 ms, or 60 ms with a pipe's 20 ms of slack, so that a ten times slow clock stays visible.
            std::this_thread::sleep_for(std::chrono::milliseconds(slackNs > 0 ? 60 : 20));
            const auto measured = static_cast<double>(steadyNowNs() - t0);
            context.sample(i, false, 1, static_cast<std::int64_t>(measured * scale), -1);
        }
        return context.finish(R"({"ok": true, "answer": "1"})");
    }
};

}  // namespace

TEST(HarnessJobContext, FailsAJobWhoseClockDisagreesWithTheHosts)
{
    Fixture f;
    for (std::int64_t slack : {0LL, 20'000'000LL}) {
        const Result forged = f.run(slack, 0.1);  // a clock ten times slow
        EXPECT_EQ(forged.failure.kind, FailureKind::ClockMismatch);
        EXPECT_NE(forged.failure.message.find("by the host's clock"), std::string::npos) << forged.failure.message;
        const Result zero = f.run(slack, 0);
        EXPECT_EQ(zero.failure.kind, FailureKind::ClockMismatch);
    }
}

TEST(HarnessJobContext, KeepsAJobWhoseClockAgrees)
{
    Fixture f;
    for (std::int64_t slack : {0LL, 20'000'000LL}) {
        const Result r = f.run(slack, 1.0);
        EXPECT_TRUE(r.ok()) << r.failure.message;
        EXPECT_EQ(r.answer, "1");
    }
}

namespace {

/// Samples of about 2 ms through sampleBegin .. sample, each reported as the true time (honest) or as 0 (forged).
Result runSamples(const std::vector<bool>& forged)
{
    EventQueue queue(1 << 10);
    RunJob job;
    HarnessJobContext context(job, queue);
    for (std::size_t i = 0; i < forged.size(); ++i) {
        context.sampleBegin();
        const std::int64_t started = steadyNowNs();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        context.sample(static_cast<int>(i), false, 1, forged[i] ? 0 : steadyNowNs() - started, 0);
    }
    return context.finish(R"({"ok": true, "answer": "1"})");
}

}  // namespace

TEST(HarnessJobContext, OneDisagreementAmongSeveralIsAPreemptionNotAForgery)
{
    EXPECT_TRUE(runSamples({false, true, false}).ok());
    EXPECT_EQ(runSamples({false, true, true}).failure.kind, FailureKind::ClockMismatch) << "two are not chance";
    EXPECT_EQ(runSamples({true}).failure.kind, FailureKind::ClockMismatch) << "a lone sample cannot be cross-checked";
    const Result all = runSamples({true, true, true});
    EXPECT_NE(all.failure.message.find("sample 1: the runtime's clock reported 0 ns"), std::string::npos)
        << all.failure.message;
    EXPECT_NE(all.failure.message.find("(3 of 3 samples disagreed)"), std::string::npos) << all.failure.message;
}

namespace {

/// This thread and a spinning one pinned to the same CPU, so that this thread waits for it about half the time.
class SharedCpu {
public:
    SharedCpu()
    {
        pthread_getaffinity_np(pthread_self(), sizeof m_before, &m_before);
        CPU_ZERO(&m_one);
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
            if (CPU_ISSET(cpu, &m_before)) {
                CPU_SET(cpu, &m_one);
                break;
            }
        pthread_setaffinity_np(pthread_self(), sizeof m_one, &m_one);
        m_spinner = std::thread([this] {
            pthread_setaffinity_np(pthread_self(), sizeof m_one, &m_one);
            while (!m_stop.load(std::memory_order_relaxed)) {
            }
        });
    }
    ~SharedCpu()
    {
        m_stop = true;
        m_spinner.join();
        pthread_setaffinity_np(pthread_self(), sizeof m_before, &m_before);
    }

private:
    cpu_set_t m_before{};
    cpu_set_t m_one{};
    std::atomic<bool> m_stop{false};
    std::thread m_spinner;
};

std::int64_t threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// Busy for `wallMs` of the steady clock; returns the CPU time this thread got meanwhile.
std::int64_t busyFor(int wallMs)
{
    const std::int64_t cpu0 = threadCpuNs(), end = steadyNowNs() + std::int64_t(wallMs) * 1'000'000;
    while (steadyNowNs() < end) {
    }
    return threadCpuNs() - cpu0;
}

}  // namespace

TEST(RunQueueWait, GrowsWhileTheThreadWaitsForItsCpu)
{
    if (threadRunQueueWaitNs() < 0)
        GTEST_SKIP() << "this kernel has no /proc/thread-self/schedstat";
    EXPECT_GE(processRunQueueWaitNs(getpid()), 0);
    EXPECT_EQ(processRunQueueWaitNs(-1), -1);
    SharedCpu shared;
    const std::int64_t before = threadRunQueueWaitNs();
    const std::int64_t cpu = busyFor(100);
    const std::int64_t waited = threadRunQueueWaitNs() - before;
    EXPECT_GT(waited, 20'000'000) << "two threads on one CPU for 100 ms: each waits about half";
    EXPECT_LT(waited, 100'000'000);
    EXPECT_NEAR(static_cast<double>(cpu + waited), 100e6, 20e6) << "running plus waiting is the wall time";
}

TEST(HarnessJobContext, AHonestSampleReadLateBecauseTheCpuWasBusyIsKeptAndAForgedOneIsNot)
{
    if (threadRunQueueWaitNs() < 0)
        GTEST_SKIP() << "this kernel has no /proc/thread-self/schedstat";
    // Each sample reports only the time this thread ran: what the host sees when the thread that reads a sample's
    // event waits ~30 ms for the CPU first (the CI failure: 16 ms reported, 50 ms by the host, in both samples).
    EventQueue queue(1 << 10);
    RunJob job;
    SharedCpu shared;
    auto run = [&](double scale) {
        HarnessJobContext context(job, queue);
        for (int i = 0; i < 2; ++i) {
            context.sampleBegin();
            const std::int64_t ran = busyFor(60);
            context.sample(i, false, 1, static_cast<std::int64_t>(static_cast<double>(ran) * scale), -1);
        }
        return context.finish(R"({"ok": true, "answer": "1"})");
    };
    const Result honest = run(1.0);
    EXPECT_TRUE(honest.ok()) << honest.failure.message;
    const Result forged = run(0.0);
    EXPECT_EQ(forged.failure.kind, FailureKind::ClockMismatch);
}
