// Runs single items through the real scheduler and runtimes, for the integration tests.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "event_queue.h"
#include "run_scheduler.h"

namespace versus::testing {

/// One registry per test process: the embedded interpreter may only be created once.
inline RuntimeRegistry& registry()
{
    static RuntimeRegistry* r = [] {
        auto* made = new RuntimeRegistry;
        registerBuiltinRuntimes(*made);
        return made;
    }();
    return *r;
}

inline const Catalog& mainCatalog()
{
    static const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    return catalog;
}

inline const Catalog& fixtureCatalog()
{
    static const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_TEST_FIXTURES) / "workloads");
    return catalog;
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

} // namespace versus::testing
