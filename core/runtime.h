// The one seam every runtime sits behind: embedded CPython, embedded Node.js, native C++, external processes, fake.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "catalog.h"
#include "events.h"
#include "expected.h"
#include "result.h"

namespace versus {

/// How the measurement harness samples. The same numbers drive every runtime's harness.
struct HarnessOptions {
    int warmupSamples = 3;
    int samples = 10;
    double minSampleTimeMs = 50;  ///< calibration doubles the inner loop count until a sample lasts this long
    double timeBudgetS = 0;  ///< stop measured sampling early once this much time went by; 0 = no budget
    std::int64_t maxInnerLoops = std::int64_t(1) << 30;
    std::int64_t fixedInnerLoops = 0;  ///< > 0: no calibration, use this count (later rounds of an interleaved plan)
    bool memoryPass = false;  ///< one extra, untimed call under tracemalloc / between full V8 collections
    double timeoutS = 300;  ///< the scheduler cancels an item that runs longer and reports a timeout
    std::int64_t outputLimitBytes = 64 * 1024;  ///< captured output kept per result; the rest is counted
    std::int64_t memoryLimitBytes = std::int64_t(4) << 30;  ///< heap a workload may use before it fails
    std::int64_t answerLimitBytes = std::int64_t(1) << 20;  ///< a longer serialised answer fails the job at once
    /// Isolated jobs only: the resident memory an isolated worker may reach before it is stopped and the job fails
    /// with "memory limit of N MB exceeded"; 0 = the default, half of this machine's physical memory.
    std::int64_t workerMemoryLimitBytes = 0;
};

/// One implementation of one workload to measure on one runtime. Parameters are already validated.
struct RunJob {
    ItemKey key;
    const Workload* workload = nullptr;
    const Implementation* implementation = nullptr;
    ParamValues params;
    HarnessOptions options;
    int sampleIndexOffset = 0;  ///< added to the harness's sample indices (later rounds continue the numbering)
    /// The servers the run started for this workload, as the JSON object job["services"] the harness hands to
    /// setup(params, job): {"postgresql": {...}} (core/database/plan_services.h), or {}.
    std::string servicesJson = "{}";
};

struct RuntimeInfo {
    std::string id;  ///< "python", "node", "native", "fake"
    std::string name;  ///< "CPython (embedded)"
    std::string language;  ///< "python", "javascript", "native"
    std::string version;  ///< "3.11.2"
    std::string detail;  ///< "V8 10.2.154.26-node.36"; may be empty
    bool embedded = false;
    /// A known, measured bias of this runtime against its reference (the same interpreter as a process), said
    /// wherever its results are shown; empty when there is none.
    std::string knownBias;

    /// "CPython 3.11.2 (embedded)" or "Node.js 18.20.4 / V8 10.2 (embedded)".
    std::string displayVersion() const;
};

/// A runtime measures RunJobs. `execute` is called from one thread at a time (the scheduler's) and blocks until the
/// job ends; embedded runtimes hand the job to the thread that owns their interpreter. `cancel` may be called from
/// any thread and must make the current `execute` return within 200 ms, leaving the runtime usable.
class Runtime {
public:
    virtual ~Runtime() = default;
    virtual RuntimeInfo info() const = 0;
    /// Fills status, failure, answer, samples, innerLoops, reported and output of a Result; posts CalibratedEvent,
    /// SampleEvent and OutputEvent to `sink` as they happen. Never throws.
    virtual Result execute(const RunJob& job, EventSink& sink) = 0;
    virtual void cancel() = 0;
};

/// A runtime known to the registry, created on first use.
struct RuntimeDescriptor {
    RuntimeInfo info;
    std::string unavailableReason;  ///< empty when available
    std::function<std::unique_ptr<Runtime>()> create;
    /// The same runtime in an isolated worker process (`versus worker`); empty when isolating would add nothing:
    /// external interpreters already run each job in a child process, the native runtime runs no user code.
    std::function<std::unique_ptr<Runtime>()> createIsolated;
    /// Imports `module` (a Python module, an npm package) the way a script in `folder` would, in a child process of
    /// the same interpreter, so that nothing is loaded into Versus; the error is a sentence naming the runtime, the
    /// module and what to install. Empty when the runtime imports nothing (native, fake). Call it through
    /// RuntimeRegistry::checkRequirements, which asks once per runtime and module.
    std::function<Expected<void>(const std::string& module, const std::filesystem::path& folder)> probeModule;
    /// True when the answer of probeModule depends on the script's folder (npm packages in node_modules beside it).
    bool probeDependsOnFolder = false;
    bool available() const { return unavailableReason.empty(); }
};

}  // namespace versus
