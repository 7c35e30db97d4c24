// The progress model with exact numbers: planned samples per result, corrections as results end early, the bar in
// thousandths, the time-left estimate and its budget cap, an empty plan and a cancelled one.
#include <gtest/gtest.h>

#include "fake/fake_runtime.h"
#include "run_progress.h"

using namespace versus;

namespace {

/// A workload with one Python implementation per flavour.
Workload pythonWorkload(std::vector<std::string> flavours = {"plain"})
{
    Workload w;
    w.id = "w";
    for (const std::string& flavour : flavours) {
        Implementation impl;
        impl.language = "python";
        impl.flavour = flavour;
        w.implementations.push_back(impl);
    }
    return w;
}

RunPlan plan(const Workload& w, std::vector<std::string> runtimes, RunOrder order, int warmup, int samples)
{
    RunPlan p;
    for (std::string& id : runtimes)
        p.items.push_back({&w, std::move(id), {}});
    p.order = order;
    p.options.warmupSamples = warmup;
    p.options.samples = samples;
    return p;
}

struct Fixture {
    Fixture()
    {
        registry.add(FakeRuntime::descriptor({}, "a"));
        registry.add(FakeRuntime::descriptor({}, "b"));
        FakeBehaviour js;
        js.language = "javascript";
        registry.add(FakeRuntime::descriptor(js, "js"));
    }
    RuntimeRegistry registry;
};

void samples(RunProgress& p, int itemIndex, const std::string& flavour, int count)
{
    for (int i = 0; i < count; ++i)
        p.sample(itemIndex, flavour);
}

}  // namespace

TEST(RunProgress, BeforeAnyRunTheBarIsFullAndNothingIsLeft)
{
    const RunProgress p;
    EXPECT_FALSE(p.running());
    EXPECT_EQ(p.samplesPlanned(), 1);
    EXPECT_EQ(p.samplesDone(), 1);
    EXPECT_EQ(p.perMille(), 1000);
    EXPECT_FALSE(p.secondsLeft(10.0));
}

TEST(RunProgress, EveryImplementationARuntimeCanRunIsOneResult)
{
    Fixture f;
    const Workload w = pythonWorkload({"plain", "numpy"});
    RunProgress p;
    // Two flavours on "a"; none in JavaScript; an unknown runtime is skipped by the scheduler.
    p.start(plan(w, {"a", "js", "missing"}, RunOrder::Sequential, 2, 10), f.registry);
    EXPECT_TRUE(p.running());
    EXPECT_FALSE(p.upperBound());
    EXPECT_EQ(p.resultsExpected(), 2);
    EXPECT_EQ(p.resultsDone(), 0);
    EXPECT_EQ(p.samplesPlanned(), 2 * 12);  // sequential: one round, warm-up once
    EXPECT_EQ(p.samplesDone(), 0);
    EXPECT_EQ(p.perMille(), 0);
}

TEST(RunProgress, InterleavedRoundsRepeatTheWarmUp)
{
    Fixture f;
    const Workload w = pythonWorkload();
    RunProgress p;
    // 12 measured samples in rounds of 5 are 3 rounds, each with 2 warm-up samples: 18 per result.
    p.start(plan(w, {"a", "b"}, RunOrder::Interleaved, 2, 12), f.registry);
    EXPECT_EQ(p.resultsExpected(), 2);
    EXPECT_EQ(p.samplesPlanned(), 36);
    samples(p, 0, "plain", 9);
    EXPECT_EQ(p.samplesDone(), 9);
    EXPECT_EQ(p.perMille(), 250);
}

TEST(RunProgress, AResultThatEndsEarlyTakesWhatItTookOffThePlan)
{
    Fixture f;
    const Workload w = pythonWorkload({"plain", "numpy"});
    RunProgress p;
    p.start(plan(w, {"a"}, RunOrder::Sequential, 2, 10), f.registry);  // 2 x 12 samples
    samples(p, 0, "plain", 6);
    EXPECT_EQ(p.perMille(), 250);
    EXPECT_FALSE(p.secondsLeft(0.5));  // too early to extrapolate
    EXPECT_DOUBLE_EQ(*p.secondsLeft(3.0), 9.0);  // 6 samples in 3 s, 18 to go
    p.resultEnded(0, "plain");  // failed after 6 of its 12
    EXPECT_EQ(p.resultsDone(), 1);
    EXPECT_EQ(p.samplesPlanned(), 18);
    EXPECT_EQ(p.perMille(), 333);
    EXPECT_DOUBLE_EQ(*p.secondsLeft(3.0), 6.0);  // 6 in 3 s, 12 to go
    samples(p, 0, "numpy", 12);
    EXPECT_EQ(p.samplesDone(), 18);
    EXPECT_EQ(p.perMille(), 1000);
    EXPECT_DOUBLE_EQ(*p.secondsLeft(9.0), 0.0);
    p.resultEnded(0, "numpy");
    EXPECT_EQ(p.samplesPlanned(), 18);
    p.finish();
    EXPECT_FALSE(p.running());
    EXPECT_EQ(p.resultsDone(), 2);
    EXPECT_EQ(p.perMille(), 1000);  // complete: the bar ends full
    EXPECT_TRUE(p.notEnded().empty());
    EXPECT_FALSE(p.secondsLeft(9.0));
}

TEST(RunProgress, SamplesBeyondThePlanNeverPushTheBarPastFull)
{
    Fixture f;
    const Workload w = pythonWorkload();
    RunProgress p;
    p.start(plan(w, {"a"}, RunOrder::Sequential, 2, 10), f.registry);
    samples(p, 0, "plain", 14);
    EXPECT_EQ(p.samplesDone(), 12);
    EXPECT_EQ(p.perMille(), 1000);
    p.resultEnded(0, "plain");  // the plan grows to what the result took
    EXPECT_EQ(p.samplesPlanned(), 14);
    EXPECT_EQ(p.samplesDone(), 14);
}

TEST(RunProgress, ATargetCiPlansAnUpperBoundAndTheBudgetCapsTimeLeft)
{
    Fixture f;
    const Workload w = pythonWorkload();
    RunPlan p0 = plan(w, {"a", "b"}, RunOrder::Sequential, 2, 100);
    p0.targetCiPercent = 5;
    p0.maxSamples = 10;  // adaptive: rounds of 5, each with its warm-up, up to 10 measured: 14 per result
    p0.options.timeBudgetS = 5;
    RunProgress p;
    p.start(p0, f.registry);
    EXPECT_TRUE(p.upperBound());
    EXPECT_EQ(p.samplesPlanned(), 28);
    samples(p, 0, "plain", 1);
    EXPECT_DOUBLE_EQ(*p.secondsLeft(2.0), 10.0);  // the pace says 54 s; two results of at most 5 s each
    p.resultEnded(0, "plain");  // the CI target was met after 1 sample
    EXPECT_EQ(p.samplesPlanned(), 15);
    EXPECT_DOUBLE_EQ(*p.secondsLeft(2.0), 5.0);  // the pace says 28 s; one result of at most 5 s
}

TEST(RunProgress, AnEmptyPlanHasNothingToCountAndNothingLeft)
{
    Fixture f;
    const Workload w = pythonWorkload();
    RunProgress p;
    p.start(plan(w, {"js"}, RunOrder::Interleaved, 2, 10), f.registry);  // no JavaScript implementation
    EXPECT_EQ(p.resultsExpected(), 0);
    EXPECT_EQ(p.samplesPlanned(), 1);
    EXPECT_EQ(p.samplesDone(), 0);
    EXPECT_EQ(p.perMille(), 0);
    EXPECT_FALSE(p.secondsLeft(5.0));  // n = 0: no pace to extrapolate
    p.finish();
    EXPECT_EQ(p.samplesDone(), 1);
    EXPECT_EQ(p.perMille(), 1000);
}

TEST(RunProgress, AStoppedRunKeepsItsBarAndNamesTheResultsThatNeverRan)
{
    Fixture f;
    const Workload w = pythonWorkload();
    RunProgress p;
    p.start(plan(w, {"a", "b"}, RunOrder::Sequential, 2, 10), f.registry);  // 2 x 12 samples
    samples(p, 0, "plain", 3);
    p.resultEnded(0, "plain");  // stopped after 3; item 1 never starts
    EXPECT_EQ(p.samplesPlanned(), 15);
    EXPECT_EQ(p.perMille(), 200);
    p.finish(true);
    EXPECT_FALSE(p.running());
    EXPECT_EQ(p.samplesDone(), 3);  // the bar stays where Stop found it, it does not jump to 100%
    EXPECT_EQ(p.perMille(), 200);
    EXPECT_EQ(p.resultsDone(), 1);
    EXPECT_EQ(p.resultsExpected(), 2);
    EXPECT_FALSE(p.secondsLeft(3.0));
    const std::vector<ItemKey> notRun = p.notEnded();
    ASSERT_EQ(notRun.size(), 1u);
    EXPECT_EQ(notRun[0].itemIndex, 1);
    EXPECT_EQ(notRun[0].runtimeId, "b");
    EXPECT_EQ(notRun[0].workloadId, "w");
    EXPECT_EQ(notRun[0].flavour, "plain");
}
