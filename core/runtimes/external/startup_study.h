// A whole start-up study, shared by `versus startup` and the window's Start-up tab: which commands show each
// runtime's process cold start (plus the /bin/true baseline), each one measured through versus-spawn, then fresh
// `versus startup-probe` processes that report the parts of embedded start-up. No Qt.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "startup_benchmark.h"

namespace versus {

class RuntimeRegistry;

/// A runtime id asked for that will not be measured.
struct StartupSkip {
    std::string runtimeId;
    std::string reason;  ///< the registry's unavailable reason, or why the id cannot be started as a process
    bool notExternal = false;  ///< unknown id, or an embedded one without a process counterpart: a usage error
};

/// The commands to start cold, in order: the baseline first, then each runtime's variants.
struct StartupPlan {
    std::vector<StartupCommand> commands;
    std::vector<StartupSkip> skipped;  ///< in the order the ids were given
};

/// The commands for `runtimeIds` (external runtimes; "python" stands for python3, "node" for node-process, because
/// start-up is a property of a process). Always starts with {"baseline", "/bin/true (spawn cost)"}. Unavailable and
/// unknown ids go to `skipped`. Reads the registry only; call it on the thread that owns the registry.
StartupPlan planStartup(const RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds);

/// The ids `versus startup` measures when none is given.
std::vector<std::string> defaultStartupRuntimeIds();
/// Every external Python or JavaScript runtime of the registry, available or not, in registry order (the window's
/// choice); the native reference, which runs inside Versus, is not one.
std::vector<std::string> externalRuntimeIds(const RuntimeRegistry& registry);

struct StartupStudyOptions {
    int runs = 30;  ///< timed starts per command
    int warmup = 3;  ///< untimed starts before them
    int probeRuns = 5;  ///< fresh probe processes; 0 skips the embedded part
    std::string versusExecutable;  ///< the versus binary that understands `startup-probe`
};

/// What is running now; reported before each start.
struct StartupProgress {
    std::string label;  ///< "python3 -c pass", or "versus startup-probe"
    bool warmup = false;  ///< an untimed warm-up start
    bool probe = false;  ///< a probe process (embedded start-up)
    int index = 0;  ///< 1-based number of this start within its phase (warm-up, runs or probes)
    int count = 0;  ///< starts in that phase
    int step = 0;  ///< 1-based: which command (or the probes, last) of `steps`
    int steps = 0;
};

/// One part of embedded start-up, with its value from every probe that reported it.
struct StartupProbePart {
    std::string key;  ///< "python_interpreter_init_ms"
    std::string label;  ///< "CPython interpreter initialisation"
    std::string chartLabel;  ///< short lines for a chart axis: "CPython\ninterpreter\ninit"
    std::string runtimeId;  ///< the embedded runtime it belongs to ("python", "node"); empty for the whole process
    std::vector<double> values;  ///< milliseconds, one per probe, in probe order
};

/// Everything a study measured.
struct StartupStudy {
    std::vector<StartupSkip> skipped;
    std::vector<StartupMeasurement> commands;  ///< one per planned command that was reached, in plan order
    int probeRunsRequested = 0;
    std::vector<nlohmann::json> probes;  ///< each probe's JSON, plus process_wall_ms and process_max_rss_bytes
    std::vector<StartupProbePart> parts;  ///< the known parts some probe reported, in table order
    std::vector<double> probeMaxRssBytes;
    std::string probeError;  ///< why the probes stopped early; empty when all ran
    bool stopped = false;  ///< the stopper ended the study early

    /// Commands that failed, plus the probes when they failed.
    int failures() const;
};

/// Called on the thread running the study.
struct StartupStudyCallbacks {
    std::function<void(const StartupProgress&)> onProgress;
    /// Each command once measured (or failed), before the next starts.
    std::function<void(const StartupMeasurement&)> onCommand;
};

/// Each runtime's first command of `plan` only (its plain start: "node -e 0", "python3 -c pass"), without the
/// baseline or the variants; the skipped runtimes stay. What the article's start-up claim and the classroom compare.
StartupPlan plainStartsOnly(const StartupPlan& plan);

/// Measures every command of `plan`, then runs `options.probeRuns` probes, blocking. `stopper` (any thread) ends it
/// early: the current child is stopped, what was measured so far is returned with `stopped` set. Never throws.
StartupStudy runStartupStudy(const StartupPlan& plan, const StartupStudyOptions& options,
                             const StartupStudyCallbacks& callbacks = {}, ChildStopper* stopper = nullptr);

/// The parts of embedded start-up in table order: key, label, chart label, runtime id (values empty).
const std::vector<StartupProbePart>& startupProbePartTable();

}  // namespace versus
