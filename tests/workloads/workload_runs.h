// What the workload tests share: the real catalog, one runtime registry per process and quick sampling options.
#pragma once

#include <filesystem>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "events.h"
#include "runtime.h"

namespace versus::workload_tests {

/// One registry per test process: an embedded interpreter can be created only once.
inline RuntimeRegistry& registry()
{
    static RuntimeRegistry* made = [] {
        auto* r = new RuntimeRegistry;
        registerBuiltinRuntimes(*r);
        return r;
    }();
    return *made;
}

inline std::filesystem::path workloadsDir()
{
    return std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads";
}

inline const Catalog& catalog()
{
    static const Catalog loaded = Catalog::load(workloadsDir());
    return loaded;
}

/// No warm-up, two measured samples of at least 1 ms: enough to run every code path, quickly.
inline HarnessOptions quickOptions()
{
    HarnessOptions options;
    options.warmupSamples = 0;
    options.samples = 2;
    options.minSampleTimeMs = 1;
    options.timeoutS = 60;
    return options;
}

/// Ignores events; for tests that only look at the results.
struct DiscardEvents final : EventSink {
    void post(Event) override {}
};

} // namespace versus::workload_tests
