// The host's clock check of each sample (HarnessJobContext): a forged clock fails the job, one preempted sample does not.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "clock.h"
#include "harness_job.h"

namespace versus {
namespace {

struct Discard final : EventSink {
    void post(Event) override {}
};

/// One sample through sampleBegin .. sample, reported as the true time (honest) or as none at all (forged).
void takeSample(HarnessJobContext& context, int index, bool forged)
{
    const std::int64_t started = steadyNowNs();
    context.sampleBegin();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::int64_t elapsed = steadyNowNs() - started;
    context.sample(index, false, 1, forged ? 0 : elapsed, 0);
}

Result runSamples(const std::vector<bool>& forged)
{
    RunJob job;
    Discard sink;
    HarnessJobContext context(job, sink);
    for (std::size_t i = 0; i < forged.size(); ++i)
        takeSample(context, static_cast<int>(i), forged[i]);
    return context.finish(R"({"ok": true, "answer": "1"})");
}

TEST(SampleClockCheck, HonestSamplesPass)
{
    const Result r = runSamples({false, false, false});
    EXPECT_TRUE(r.ok()) << r.failure.message;
}

TEST(SampleClockCheck, AClockThatDisagreesInEverySampleFailsTheJob)
{
    const Result r = runSamples({true, true, true});
    EXPECT_EQ(r.failure.kind, FailureKind::ClockMismatch);
    EXPECT_NE(r.failure.message.find("sample 1: the runtime's clock reported 0 ns"), std::string::npos)
        << r.failure.message;
    EXPECT_NE(r.failure.message.find("(3 of 3 samples disagreed)"), std::string::npos) << r.failure.message;
}

TEST(SampleClockCheck, OneDisagreementAmongSeveralIsAPreemptionNotAForgery)
{
    EXPECT_TRUE(runSamples({false, true, false}).ok());
    EXPECT_EQ(runSamples({false, true, true}).failure.kind, FailureKind::ClockMismatch) << "two are not chance";
    EXPECT_EQ(runSamples({true}).failure.kind, FailureKind::ClockMismatch) << "a lone sample cannot be cross-checked";
}

TEST(SampleClockCheck, ToleranceIsTenPercentPlusTheSlack)
{
    EXPECT_EQ(checkSampleClock(50'000'000, 50'000'000), "");
    EXPECT_EQ(checkSampleClock(44'500'000, 50'000'000), "") << "5 ms + 1 ms of tolerance";
    EXPECT_NE(checkSampleClock(43'500'000, 50'000'000), "");
    EXPECT_EQ(checkSampleClock(30'000'000, 50'000'000, 20'000'000), "") << "a process's pipe adds slack";
    EXPECT_NE(checkSampleClock(0, 50'000'000, 20'000'000), "") << "a clock that never moves is always caught";
}

} // namespace
} // namespace versus
