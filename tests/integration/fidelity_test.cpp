// Embedded runtimes against the same interpreter as a process, in time: generous bounds that catch a gross
// regression. These tests run alone (RUN_SERIAL): a concurrent test process takes CPU from one side and not the other.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;

/// Medians of twenty interleaved one-sample rounds of `workload` on the embedded runtime and its process twin:
/// embedded / process, or NaN with the failure reported when either failed.
double embeddedOverProcess(const std::string& workload, const std::string& embedded, const std::string& process,
                           const ParamValues& params)
{
    const Workload* w = mainCatalog().find(workload);
    HarnessOptions o;
    o.warmupSamples = 1;
    o.samples = 20;
    o.minSampleTimeMs = 10;
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    RunPlan plan{{{w, embedded, params}, {w, process, params}}, o};
    plan.order = RunOrder::Interleaved;
    plan.roundSamples = 1;
    scheduler.runBlocking(plan);
    const auto results = scheduler.results();
    if (results.size() != 2 || !results[0].ok() || !results[1].ok()) {
        ADD_FAILURE() << workload << ": "
                      << (results.empty() ? "no result"
                                          : results[0].failure.message + " / "
                                  + (results.size() > 1 ? results[1].failure.message : ""));
        return NAN;
    }
    EXPECT_EQ(results[0].answer, results[1].answer);
    return results[0].summary.medianNs / results[1].summary.medianNs;
}

/// Up to three attempts, for a shared 2-core VM whose speed changes from second to second: a real regression (the
/// GIL taken away mid-sample, V8 flags unlike node's) misses the bound in every attempt; noise does not.
void expectWithinOnSomeAttempt(const std::string& workload, const std::string& embedded, const std::string& process,
                               const ParamValues& params, double bound)
{
    std::string seen;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const double ratio = embeddedOverProcess(workload, embedded, process, params);
        if (!std::isfinite(ratio))
            return;
        seen += (seen.empty() ? "" : ", ") + std::to_string(ratio);
        if (ratio < bound && ratio > 1 / bound)
            return;
    }
    ADD_FAILURE() << workload << " on " << embedded << " / " << process << ": median ratios " << seen
                  << " all outside 1/" << bound << " .. " << bound;
}

TEST(PythonFidelity, EmbeddedCPythonRunsAboutAsFastAsTheSameInterpreterAsAProcess)
{
    // The strict comparison is `versus selftest` and the README's instruction counts: embedded CPython stays 5-9%
    // behind, because Debian's static libpython lacks the executable's LTO. On top of that, one process's memory
    // layout moves all its embedded samples a little, while each process round gets a fresh one (seen: 1.07 to
    // 1.30 on one build), hence 1.25 rather than the 1.15.
    requireAvailable("python3");
    if (::testing::Test::IsSkipped())
        return;
    for (const char* id : {"fib", "nbody"})
        expectWithinOnSomeAttempt(id, "python", "python3", {}, 1.25);
}

TEST(NodeHarnessSameNode, EmbeddedNodeRunsAsFastAsTheSameNodeAsAProcess)
{
    // Each round is a fresh environment or process, and one round's fib varies by up to 30% in either runtime (JIT
    // outcome, load): 0.85 and 1.31 seen with nothing changed. The README's five-run medians are the finer figure.
    requireAvailable("node18-process");
    if (::testing::Test::IsSkipped())
        return;
    expectWithinOnSomeAttempt("fib", "node", "node18-process", {{"n", std::int64_t(22)}}, 1.25);
}
