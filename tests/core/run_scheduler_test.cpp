// The scheduler and the C++ harness over the fake runtime's virtual clock: exact calibration, warm-up marking,
// event order, answer checks, laziness, cancellation and timeouts.
#include <chrono>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "fake/fake_runtime.h"
#include "run_scheduler.h"

using namespace versus;
using namespace std::chrono_literals;

namespace {

class CollectingSink : public EventSink {
public:
    void post(Event event) override
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    std::vector<Event> events()
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    std::mutex m_mutex;
    std::vector<Event> m_events;
};

Workload testWorkload(std::vector<ExpectedAnswer> expected = {})
{
    Workload w;
    w.id = "w";
    w.title = "Test workload";
    ParameterSpec n;
    n.name = "n";
    n.type = ParamType::Int;
    n.defaultValue = std::int64_t(10);
    n.min = 0;
    n.max = 20;
    w.parameters.push_back(n);
    Implementation impl;
    impl.language = "python";
    w.implementations.push_back(impl);
    w.expected = std::move(expected);
    return w;
}

HarnessOptions options(int warmup, int samples, double minSampleMs = 50)
{
    HarnessOptions o;
    o.warmupSamples = warmup;
    o.samples = samples;
    o.minSampleTimeMs = minSampleMs;
    return o;
}

struct Fixture {
    RuntimeRegistry registry;
    CollectingSink sink;
    RunScheduler scheduler{registry, sink};
};

}  // namespace

TEST(RunScheduler, CalibrationDoublesUntilASampleLastsTheMinimumTime)
{
    Fixture f;
    FakeBehaviour slow;
    slow.nsPerCall = 3'000'000;  // 1, 2, 4, 8, 16 calls are under 50 ms; 32 calls take 96 ms
    f.registry.add(FakeRuntime::descriptor(slow));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "fake", {}}}, options(0, 2)});
    auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].innerLoops, 32);
    for (const auto& s : results[0].samples) {
        EXPECT_EQ(s.innerLoops, 32);
        EXPECT_EQ(s.elapsedNs, 96'000'000);
    }
    EXPECT_DOUBLE_EQ(results[0].summary.medianNs, 3e6);
}

TEST(RunScheduler, WarmupSamplesComeFirstAndAreLeftOutOfTheSummary)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "fake", {}}}, options(3, 5)});
    const auto result = f.scheduler.results().at(0);
    ASSERT_EQ(result.samples.size(), 8u);
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(result.samples[i].index, i);
        EXPECT_EQ(result.samples[i].warmup, i < 3);
    }
    EXPECT_EQ(result.summary.samples, 5);
}

TEST(RunScheduler, EventsArriveInOrderForEachItem)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}, "a"));
    f.registry.add(FakeRuntime::descriptor({}, "b"));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "a", {}}, {&w, "b", {}}}, options(1, 2)});
    std::vector<std::string> kinds;
    for (const auto& e : f.sink.events()) {
        std::visit(
            [&](const auto& event) {
                using T = std::decay_t<decltype(event)>;
                if constexpr (std::is_same_v<T, StartedEvent>)
                    kinds.push_back("started:" + event.key.runtimeId);
                else if constexpr (std::is_same_v<T, CalibratedEvent>)
                    kinds.push_back("calibrated");
                else if constexpr (std::is_same_v<T, SampleEvent>)
                    kinds.push_back(event.sample.warmup ? "warmup" : "sample");
                else if constexpr (std::is_same_v<T, FinishedEvent>)
                    kinds.push_back("finished");
                else if constexpr (std::is_same_v<T, FailedEvent>)
                    kinds.push_back("failed");
                else if constexpr (std::is_same_v<T, PlanDoneEvent>)
                    kinds.push_back("done");
                else
                    kinds.push_back("other");
            },
            e);
    }
    const std::vector<std::string> expected = {"started:a", "calibrated", "warmup",     "sample", "sample",
                                               "finished",  "started:b",  "calibrated", "warmup", "sample",
                                               "sample",    "finished",   "done"};
    EXPECT_EQ(kinds, expected);
}

TEST(RunScheduler, TimeBudgetEndsMeasuredSamplingEarly)
{
    Fixture f;
    FakeBehaviour b;
    b.nsPerCall = 10'000'000;  // calibrates to 8 calls = 80 ms per sample
    f.registry.add(FakeRuntime::descriptor(b));
    Workload w = testWorkload();
    HarnessOptions o = options(0, 100);
    o.timeBudgetS = 0.2;
    f.scheduler.runBlocking({{{&w, "fake", {}}}, o});
    EXPECT_EQ(f.scheduler.results().at(0).summary.samples, 3);  // starts at 0, 80 and 160 ms of its budget
}

TEST(RunScheduler, WrongAnswerFailsWithExpectedAndGot)
{
    Fixture f;
    FakeBehaviour b;
    b.answer = "832041";
    f.registry.add(FakeRuntime::descriptor(b));
    Workload w = testWorkload({{{{"n", std::int64_t(10)}}, "832040"}});
    f.scheduler.runBlocking({{{&w, "fake", {}}}, options(0, 1)});
    const auto result = f.scheduler.results().at(0);
    EXPECT_EQ(result.status, ResultStatus::Failed);
    EXPECT_EQ(result.failure.kind, FailureKind::WrongAnswer);
    EXPECT_EQ(result.failure.message.rfind("wrong answer: expected 832040, got 832041", 0), 0u);
}

TEST(RunScheduler, RuntimesThatDisagreeFailTheLaterOne)
{
    Fixture f;
    FakeBehaviour one, two;
    one.answer = "1";
    two.answer = "2";
    f.registry.add(FakeRuntime::descriptor(one, "a"));
    f.registry.add(FakeRuntime::descriptor(two, "b"));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "a", {}}, {&w, "b", {}}}, options(0, 1)});
    const auto results = f.scheduler.results();
    EXPECT_TRUE(results.at(0).ok());
    EXPECT_EQ(results.at(1).failure.kind, FailureKind::AnswerMismatch);
    EXPECT_NE(results.at(1).failure.message.find("Fake (a) answered 1"), std::string::npos);
}

TEST(RunScheduler, IntegralFloatAnswersEqualIntegers)
{
    EXPECT_EQ(canonicalAnswer("55.0"), canonicalAnswer("55"));
    EXPECT_NE(canonicalAnswer("55.5"), canonicalAnswer("55"));
}

TEST(RunScheduler, InvalidParametersFailBeforeTheRuntimeIsCreated)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "fake", {{"n", std::int64_t(99)}}}}, options(0, 1)});
    const auto result = f.scheduler.results().at(0);
    EXPECT_EQ(result.failure.kind, FailureKind::InvalidParameter);
    EXPECT_EQ(result.failure.message, "workload 'w': parameter 'n' must be an integer from 0 to 20 (got 99)");
    EXPECT_FALSE(f.registry.isCreated("fake"));
}

TEST(RunScheduler, RuntimesAreCreatedOnlyWhenARunNeedsThem)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}, "used"));
    f.registry.add(FakeRuntime::descriptor({}, "unused"));
    EXPECT_FALSE(f.registry.isCreated("used"));
    Workload w = testWorkload();
    f.scheduler.runBlocking({{{&w, "used", {}}}, options(0, 1)});
    EXPECT_TRUE(f.registry.isCreated("used"));
    EXPECT_FALSE(f.registry.isCreated("unused"));
}

TEST(RunScheduler, CancelStopsAHangingItemAndSkipsTheRest)
{
    Fixture f;
    FakeBehaviour hang;
    hang.hang = true;
    f.registry.add(FakeRuntime::descriptor(hang));
    Workload w = testWorkload();
    f.scheduler.start({{{&w, "fake", {}}, {&w, "fake", {}}}, options(0, 1)});
    std::this_thread::sleep_for(100ms);
    const auto cancelledAt = std::chrono::steady_clock::now();
    f.scheduler.cancel();
    f.scheduler.wait();
    EXPECT_LT(std::chrono::steady_clock::now() - cancelledAt, 1s);
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].status, ResultStatus::Cancelled);
    const auto events = f.sink.events();
    ASSERT_TRUE(std::holds_alternative<PlanDoneEvent>(events.back()));
    EXPECT_TRUE(std::get<PlanDoneEvent>(events.back()).cancelled);
}

TEST(RunScheduler, ACancelRightAfterStartIsHonoured)
{
    // The scheduler thread used to clear the cancel flag when it began, dropping a cancel() issued in that gap.
    for (int trial = 0; trial < 50; ++trial) {
        Fixture f;
        FakeBehaviour hang;
        hang.hang = true;
        f.registry.add(FakeRuntime::descriptor(hang));
        Workload w = testWorkload();
        HarnessOptions o = options(0, 1);
        o.timeoutS = 5;  // a lost cancel fails the trial after 5 s instead of hanging the suite
        const auto started = std::chrono::steady_clock::now();
        f.scheduler.start({{{&w, "fake", {}}, {&w, "fake", {}}}, o});
        f.scheduler.cancel();
        f.scheduler.wait();
        ASSERT_LT(std::chrono::steady_clock::now() - started, 1s) << "trial " << trial;
        const auto events = f.sink.events();
        ASSERT_TRUE(std::holds_alternative<PlanDoneEvent>(events.back()));
        EXPECT_TRUE(std::get<PlanDoneEvent>(events.back()).cancelled) << "trial " << trial;
    }
}

TEST(RunScheduler, AnItemThatOutlivesItsTimeoutFailsAndTheNextRuns)
{
    Fixture f;
    FakeBehaviour hang;
    hang.hang = true;
    f.registry.add(FakeRuntime::descriptor(hang, "hangs"));
    f.registry.add(FakeRuntime::descriptor({}, "fine"));
    Workload w = testWorkload();
    HarnessOptions o = options(0, 1);
    o.timeoutS = 0.2;
    f.scheduler.runBlocking({{{&w, "hangs", {}}, {&w, "fine", {}}}, o});
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].failure.kind, FailureKind::Timeout);
    EXPECT_NE(results[0].failure.message.find("timed out after"), std::string::npos);
    EXPECT_TRUE(results[1].ok());
}

namespace {
/// Runtime ids of the measured samples, in the order their events arrived.
std::vector<std::string> measuredSampleOrder(CollectingSink& sink)
{
    std::vector<std::string> ids;
    for (const auto& e : sink.events())
        if (auto* s = std::get_if<SampleEvent>(&e); s && !s->sample.warmup)
            ids.push_back(s->key.runtimeId);
    return ids;
}
}  // namespace

TEST(RunScheduler, InterleavedRoundsAlternateRuntimesAndKeepOneSeriesEach)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}, "a"));
    f.registry.add(FakeRuntime::descriptor({}, "b"));
    Workload w = testWorkload();
    RunPlan plan{{{&w, "a", {}}, {&w, "b", {}}}, options(1, 4)};
    plan.order = RunOrder::Interleaved;
    plan.roundSamples = 2;
    f.scheduler.runBlocking(plan);
    const std::vector<std::string> expected = {"a", "a", "b", "b", "a", "a", "b", "b"};
    EXPECT_EQ(measuredSampleOrder(f.sink), expected);
    for (const auto& r : f.scheduler.results()) {
        EXPECT_EQ(r.order, "interleaved");
        EXPECT_EQ(r.summary.samples, 4);
        ASSERT_EQ(r.samples.size(), 6u) << "one warm-up sample per round";
        for (size_t i = 0; i < r.samples.size(); ++i) {
            EXPECT_EQ(r.samples[i].index, static_cast<int>(i)) << "numbering continues across rounds";
            EXPECT_EQ(r.samples[i].innerLoops, r.innerLoops) << "later rounds reuse the first calibration";
        }
        EXPECT_TRUE(r.samples[0].warmup);
        EXPECT_TRUE(r.samples[3].warmup);
    }
}

TEST(RunScheduler, RandomOrderIsReproducibleWithTheSameSeed)
{
    auto orderWithSeed = [](std::uint64_t seed) {
        Fixture f;
        for (const char* id : {"a", "b", "c"})
            f.registry.add(FakeRuntime::descriptor({}, id));
        Workload w = testWorkload();
        RunPlan plan{{{&w, "a", {}}, {&w, "b", {}}, {&w, "c", {}}}, options(0, 6)};
        plan.order = RunOrder::Random;
        plan.roundSamples = 1;
        plan.seed = seed;
        f.scheduler.runBlocking(plan);
        return measuredSampleOrder(f.sink);
    };
    const auto first = orderWithSeed(7);
    EXPECT_EQ(first, orderWithSeed(7));
    EXPECT_EQ(first.size(), 18u);
    const std::vector<std::string> roundRobin = {"a", "b", "c", "a", "b", "c", "a", "b", "c",
                                                 "a", "b", "c", "a", "b", "c", "a", "b", "c"};
    EXPECT_NE(first, roundRobin) << "six shuffled rounds of three all in plan order is a 1-in-46656 chance";
}

TEST(RunScheduler, AdaptiveSamplingStopsWhenTheConfidenceIntervalIsNarrowEnough)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));  // a virtual clock: every sample identical, CI width zero
    Workload w = testWorkload();
    RunPlan plan{{{&w, "fake", {}}}, options(0, 10)};
    plan.targetCiPercent = 1;
    plan.roundSamples = 3;
    f.scheduler.runBlocking(plan);
    const Result r = f.scheduler.results().at(0);
    EXPECT_EQ(r.stopReason, "ci-target");
    EXPECT_EQ(r.summary.samples, 3);
}

TEST(RunScheduler, AdaptiveSamplingGivesUpAtTheSampleCap)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));
    Workload w = testWorkload();
    RunPlan plan{{{&w, "fake", {}}}, options(0, 10)};
    plan.targetCiPercent = 1;
    plan.roundSamples = 1;  // one or two samples are never enough for an interval
    plan.maxSamples = 2;
    f.scheduler.runBlocking(plan);
    const Result r = f.scheduler.results().at(0);
    EXPECT_EQ(r.stopReason, "samples");
    EXPECT_EQ(r.summary.samples, 2);
}

TEST(RunScheduler, PlannedSamplesAreWhatTheSchedulerTakes)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));
    Workload w = testWorkload();
    for (RunOrder order : {RunOrder::Sequential, RunOrder::Interleaved, RunOrder::Random, RunOrder::Race}) {
        RunPlan plan{{{&w, "fake", {}}}, options(2, 12)};
        plan.order = order;
        plan.roundSamples = 5;
        f.scheduler.runBlocking(plan);
        const Result r = f.scheduler.results().at(0);
        EXPECT_EQ(static_cast<int>(r.samples.size()), plannedSamplesPerItem(plan)) << runOrderName(order);
    }
    RunPlan rounds{{}, options(2, 12)};
    rounds.order = RunOrder::Interleaved;
    rounds.roundSamples = 5;
    EXPECT_EQ(plannedSamplesPerItem(rounds), 12 + 3 * 2);  // three rounds, each warming up
    rounds.order = RunOrder::Sequential;
    EXPECT_EQ(plannedSamplesPerItem(rounds), 12 + 2);
    rounds.targetCiPercent = 5;
    rounds.maxSamples = 7;
    EXPECT_EQ(plannedSamplesPerItem(rounds), 7 + 2 * 2);  // an upper bound: rounds of 5 and 2
}

TEST(RunScheduler, AdaptiveRoundsNeverPassTheSampleCap)
{
    Fixture f;
    f.registry.add(FakeRuntime::descriptor({}));
    Workload w = testWorkload();
    for (RunOrder order : {RunOrder::Sequential, RunOrder::Interleaved}) {
        RunPlan plan{{{&w, "fake", {}}}, options(0, 10)};
        plan.order = order;
        plan.targetCiPercent = 1;
        plan.roundSamples = 5;  // a full round would take five
        plan.maxSamples = 2;
        f.scheduler.runBlocking(plan);
        const Result r = f.scheduler.results().at(0);
        EXPECT_EQ(r.summary.samples, 2) << runOrderName(order);
        EXPECT_EQ(r.stopReason, "samples") << runOrderName(order);
    }
}

TEST(RunScheduler, RaceRunsRuntimesAtTheSameTimeAndLabelsTheResults)
{
    Fixture f;
    FakeBehaviour hang;
    hang.hang = true;  // both items spin until cancelled: only a concurrent run has both started
    f.registry.add(FakeRuntime::descriptor(hang, "a"));
    f.registry.add(FakeRuntime::descriptor(hang, "b"));
    Workload w = testWorkload();
    RunPlan plan{{{&w, "a", {}}, {&w, "b", {}}}, options(0, 1)};
    plan.order = RunOrder::Race;
    f.scheduler.start(plan);
    std::this_thread::sleep_for(200ms);
    int started = 0;
    for (const auto& e : f.sink.events())
        started += std::holds_alternative<StartedEvent>(e) ? 1 : 0;
    EXPECT_EQ(started, 2);
    f.scheduler.cancel();
    f.scheduler.wait();
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 2u);
    for (const auto& r : results) {
        EXPECT_EQ(r.order, "race");
        EXPECT_EQ(r.status, ResultStatus::Cancelled);
    }
}

TEST(RunScheduler, EachResultIsPostedAsItsItemFinishesInEveryOrder)
{
    // Two items of two rounds each: the first item's result must be posted before the other item's last round
    // ends, or the window shows no row until the whole plan is done.
    for (RunOrder order : {RunOrder::Sequential, RunOrder::Interleaved, RunOrder::Random}) {
        Fixture f;
        f.registry.add(FakeRuntime::descriptor({}, "a"));
        f.registry.add(FakeRuntime::descriptor({}, "b"));
        Workload w = testWorkload();
        RunPlan plan{{{&w, "a", {}}, {&w, "b", {}}}, options(0, 4)};
        plan.order = order;
        plan.roundSamples = 2;
        plan.seed = 3;
        f.scheduler.runBlocking(plan);
        const auto events = f.sink.events();
        std::ptrdiff_t firstFinished = -1, lastSample = -1;
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (std::holds_alternative<FinishedEvent>(events[i]) && firstFinished < 0)
                firstFinished = std::ptrdiff_t(i);
            if (std::holds_alternative<SampleEvent>(events[i]))
                lastSample = std::ptrdiff_t(i);
        }
        ASSERT_GE(firstFinished, 0) << runOrderName(order);
        EXPECT_LT(firstFinished, lastSample) << runOrderName(order);
        const auto results = f.scheduler.results();
        ASSERT_EQ(results.size(), 2u);
        EXPECT_EQ(results[0].runtimeId, "a") << "results() stays in plan order";
        EXPECT_EQ(results[1].runtimeId, "b");
    }
}

TEST(RunScheduler, ARacersResultIsPostedWhileTheOtherStillRuns)
{
    Fixture f;
    FakeBehaviour hang;
    hang.hang = true;
    f.registry.add(FakeRuntime::descriptor({}, "quick"));
    f.registry.add(FakeRuntime::descriptor(hang, "slow"));
    Workload w = testWorkload();
    RunPlan plan{{{&w, "slow", {}}, {&w, "quick", {}}}, options(0, 2)};
    plan.order = RunOrder::Race;
    f.scheduler.start(plan);
    bool quickPosted = false;
    for (int i = 0; i < 200 && !quickPosted; ++i) {
        for (const auto& e : f.sink.events())
            if (const auto* done = std::get_if<FinishedEvent>(&e); done && done->result.runtimeId == "quick")
                quickPosted = true;
        if (!quickPosted)
            std::this_thread::sleep_for(25ms);
    }
    EXPECT_TRUE(quickPosted) << "the quick runtime's result waited for the slow one";
    EXPECT_TRUE(f.scheduler.running());
    f.scheduler.cancel();
    f.scheduler.wait();
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].runtimeId, "slow") << "results() stays in plan order";
    EXPECT_EQ(results[0].status, ResultStatus::Cancelled);
    EXPECT_EQ(results[1].status, ResultStatus::Ok);
}

TEST(RunScheduler, OrderNamesRoundTrip)
{
    for (auto order : {RunOrder::Sequential, RunOrder::Interleaved, RunOrder::Random, RunOrder::Race})
        EXPECT_EQ(runOrderFromName(runOrderName(order)), order);
    EXPECT_FALSE(runOrderFromName("alphabetical"));
}

TEST(RunScheduler, WarnsWhenTheHarnessIsALargeShareOfEachCall)
{
    Fixture f;
    FakeBehaviour quick;
    quick.nsPerCall = 850;
    quick.harnessOverheadNs = 143;  // 850 ns is under 100 x 143 ns
    FakeBehaviour slow = quick;
    slow.nsPerCall = 14'300;  // exactly 100 x the overhead: the workload dominates
    FakeBehaviour unknown;
    unknown.nsPerCall = 10;  // tiny, but without a known overhead there is nothing to say
    f.registry.add(FakeRuntime::descriptor(quick, "quick"));
    f.registry.add(FakeRuntime::descriptor(slow, "slow"));
    f.registry.add(FakeRuntime::descriptor(unknown, "unknown"));
    Workload w = testWorkload();
    RunPlan plan{{{&w, "quick", {}}, {&w, "slow", {}}, {&w, "unknown", {}}}, options(1, 4, 0.01)};
    plan.order = RunOrder::Interleaved;
    plan.roundSamples = 2;  // two rounds each: the warning is given once, and the overhead kept
    f.scheduler.runBlocking(plan);
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].harnessOverheadNs, 143);
    EXPECT_EQ(results[0].warnings,
              std::vector<std::string>{"each call takes 850 ns, of which about 143 ns is the harness's own loop: use a "
                                       "larger parameter so the workload dominates"});
    EXPECT_EQ(results[1].harnessOverheadNs, 143);
    EXPECT_TRUE(results[1].warnings.empty());
    EXPECT_EQ(results[2].harnessOverheadNs, -1);
    EXPECT_TRUE(results[2].warnings.empty());
}

TEST(RunScheduler, AFlavourNeedingAModuleTheRuntimeLacksIsUnavailableAndEachModuleIsProbedOnce)
{
    Fixture f;
    RuntimeDescriptor fake = FakeRuntime::descriptor({});
    std::vector<std::string> probed;
    fake.probeModule = [&probed](const std::string& module, const std::filesystem::path&) -> Expected<void> {
        probed.push_back(module);
        if (module == "versus_no_such_module")
            return Error{"Fake cannot import versus_no_such_module: install it"};
        return {};
    };
    f.registry.add(fake);
    Workload w = testWorkload();
    Implementation needy = w.implementations.front();
    needy.flavour = "needy";
    needy.requires_ = {"present", "versus_no_such_module"};
    Implementation served = w.implementations.front();
    served.flavour = "served";
    served.requires_ = {"present"};
    w.implementations.push_back(needy);
    w.implementations.push_back(served);
    // The same workload twice (two parameter values): the second asks the registry again and gets its kept answers.
    f.scheduler.runBlocking(
        {{{&w, "fake", {{"n", std::int64_t(5)}}}, {&w, "fake", {{"n", std::int64_t(6)}}}}, options(0, 1)});
    EXPECT_EQ(probed, (std::vector<std::string>{"present", "versus_no_such_module"}));
    EXPECT_EQ(f.registry.probeCount(), 2);
    const auto results = f.scheduler.results();
    ASSERT_EQ(results.size(), 6u);
    int unavailable = 0;
    for (const auto& result : results) {
        if (result.flavour == "needy") {
            ++unavailable;
            EXPECT_EQ(result.failure.kind, FailureKind::RuntimeUnavailable);
            EXPECT_EQ(result.failure.message, "Fake cannot import versus_no_such_module: install it");
        } else {
            EXPECT_TRUE(result.ok()) << result.flavour << ": " << result.failure.message;
        }
    }
    EXPECT_EQ(unavailable, 2);
}
