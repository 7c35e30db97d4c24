// What the tests that run real workloads share: one runtime registry per process, the catalogs, quick sampling.
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "event_queue.h"
#include "events.h"
#include "run_scheduler.h"
#include "runtime.h"

namespace versus::testing {

/// One registry per test process: an embedded interpreter can be created only once.
inline RuntimeRegistry& registry()
{
    static RuntimeRegistry* r = [] {
        auto* made = new RuntimeRegistry;
        registerBuiltinRuntimes(*made);
        return made;
    }();
    return *r;
}

/// The shipped catalog (workloads/ of the source tree).
inline const Catalog& mainCatalog()
{
    static const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    return catalog;
}

/// The test-only workloads (hostile, syntax_error, wrong_answer, ...).
inline const Catalog& fixtureCatalog()
{
    static const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_TEST_FIXTURES) / "workloads");
    return catalog;
}

/// Skips the calling test when runtime `id` is unavailable here (an optional external interpreter); fails when it is
/// not registered at all. Call from the test body or SetUp, then return if IsSkipped().
inline void requireAvailable(const std::string& id)
{
    const RuntimeDescriptor* d = registry().descriptor(id);
    ASSERT_NE(d, nullptr) << id << " is not registered";
    if (!d->available())
        GTEST_SKIP() << id << " unavailable on this machine: " << d->unavailableReason;
}

/// Small, quick sampling: one warm-up, two measured samples of at least 1 ms.
inline HarnessOptions quickOptions()
{
    HarnessOptions o;
    o.warmupSamples = 1;
    o.samples = 2;
    o.minSampleTimeMs = 1;
    o.timeoutS = 60;
    return o;
}

/// No warm-up, two measured samples of at least 1 ms: enough to run every code path, quickly.
inline HarnessOptions quickOptionsWithoutWarmup()
{
    HarnessOptions o = quickOptions();
    o.warmupSamples = 0;
    return o;
}

/// Ignores events; for tests that only look at the results.
struct DiscardEvents final : EventSink {
    void post(Event) override { }
};

/// Runs `workload` on `runtime` and returns its one result (the plain flavour).
inline Result runOne(const Catalog& catalog, const std::string& workload, const std::string& runtime,
                     ParamValues overrides = {}, HarnessOptions options = quickOptions())
{
    const Workload* w = catalog.find(workload);
    if (!w)
        throw std::runtime_error("no workload " + workload);
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({{{w, runtime, overrides}}, options});
    auto results = scheduler.results();
    if (results.empty())
        throw std::runtime_error("no result for " + workload + " on " + runtime);
    return results.front();
}

}  // namespace versus::testing
