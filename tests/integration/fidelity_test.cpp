// Embedded runtimes against the same interpreter as a process, in time: generous bounds that catch a gross
// regression. These tests run alone (RUN_SERIAL): a concurrent test process takes CPU from one side and not the other.
#include <string>

#include <gtest/gtest.h>

#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;

namespace {

void skipUnlessAvailable(const std::string& id)
{
    const RuntimeDescriptor* d = registry().descriptor(id);
    ASSERT_NE(d, nullptr) << id << " is not registered";
    if (!d->available())
        GTEST_SKIP() << id << " unavailable on this machine: " << d->unavailableReason;
}

} // namespace

TEST(PythonFidelity, EmbeddedCPythonRunsAboutAsFastAsTheSameInterpreterAsAProcess)
{
    // The strict comparison is `versus selftest` and the README's instruction counts: embedded CPython stays 5-9%
    // behind, because Debian's static libpython lacks the executable's LTO. On top of that, one process's memory
    // layout makes all its embedded samples a little faster or slower, while each process round gets a fresh one,
    // so the fastest round favours the process (seen: 1.07 to 1.30). Medians of twenty interleaved one-sample rounds
    // within 1.25 catch a gross regression, such as the interpreter's thread taking the GIL away mid-sample.
    skipUnlessAvailable("python3");
    if (::testing::Test::IsSkipped())
        return;
    for (const char* id : {"fib", "nbody"}) {
        const Workload* w = mainCatalog().find(id);
        HarnessOptions o;
        o.warmupSamples = 1;
        o.samples = 20;
        o.minSampleTimeMs = 10;
        EventQueue queue(1 << 16);
        RunScheduler scheduler(registry(), queue);
        RunPlan plan{{{w, "python", {}}, {w, "python3", {}}}, o};
        plan.order = RunOrder::Interleaved;
        plan.roundSamples = 1;
        scheduler.runBlocking(plan);
        const auto results = scheduler.results();
        ASSERT_EQ(results.size(), 2u);
        ASSERT_TRUE(results[0].ok()) << results[0].failure.message;
        ASSERT_TRUE(results[1].ok()) << results[1].failure.message;
        const double ratio = results[0].summary.medianNs / results[1].summary.medianNs;
        RecordProperty(std::string(id) + "_ratio", std::to_string(ratio));
        EXPECT_LT(ratio, 1.25) << id << ": median embedded " << results[0].summary.medianNs << " ns, process "
                               << results[1].summary.medianNs << " ns";
        EXPECT_GT(ratio, 1 / 1.25) << id;
    }
}

TEST(NodeHarnessSameNode, EmbeddedNodeRunsAsFastAsTheSameNodeAsAProcess)
{
    // The strict figure (within 3%) is the README's benchmark; this bound only catches a gross regression, such as
    // V8 flags or platform settings that differ from the node executable's. Each round is a fresh environment or
    // process, and on a shared machine one round's speed varies by up to 30% in either runtime (JIT outcome, load):
    // twenty one-sample rounds each, compared by their fastest, keep the test steady under ctest -j2.
    skipUnlessAvailable("node18-process");
    if (::testing::Test::IsSkipped())
        return;
    const Workload* w = mainCatalog().find("fib");
    HarnessOptions o;
    o.warmupSamples = 1;
    o.samples = 20;
    o.minSampleTimeMs = 10;
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    ParamValues params{{"n", std::int64_t(22)}};
    RunPlan plan{{{w, "node", params}, {w, "node18-process", params}}, o};
    plan.order = RunOrder::Interleaved;
    plan.roundSamples = 1;
    scheduler.runBlocking(plan);
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 2u);
    ASSERT_TRUE(results[0].ok()) << results[0].failure.message;
    ASSERT_TRUE(results[1].ok()) << results[1].failure.message;
    EXPECT_EQ(results[0].answer, results[1].answer);
    const double ratio = results[0].summary.minNs / results[1].summary.minNs;
    const std::string figures = "fastest round: embedded " + std::to_string(results[0].summary.minNs) + " ns, process "
        + std::to_string(results[1].summary.minNs) + " ns";
    RecordProperty("ratio", std::to_string(ratio));
    // 1.25, not the 1.15: fib's fastest round moved by 15% either way between runs of this test on the
    // 2-core VM (0.85 and 1.31 seen), with nothing changed. The README's five-run medians are the finer figure.
    EXPECT_GT(ratio, 1 / 1.25) << figures;
    EXPECT_LT(ratio, 1.25) << figures;
}
