// Process cold start, measured the way hyperfine does: no shell, warm-up runs, N runs, per-run wall time, peak RSS
// and user/sys CPU from versus-spawn's wait4, then median and spread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "child_process.h"

namespace versus {

/// One command to start cold, e.g. {"python3 -I -S -c pass", {"/usr/bin/python3.11", "-I", "-S", "-c", "pass"}}.
struct StartupCommand {
    std::string runtimeId;  ///< "python3"; "baseline" for /bin/true
    std::string label;  ///< how the table shows it
    std::vector<std::string> argv;
    std::vector<std::string> environment;  ///< "NAME=value" the program needs (ChildSpec::environment)
};

/// One timed start.
struct StartupRun {
    double wallMs = 0;  ///< fork to reap, measured by versus-spawn (its own start-up not included)
    double userMs = 0;
    double sysMs = 0;
    std::int64_t maxRssBytes = 0;
};

/// Median and spread of the runs; all zero when there are none.
struct StartupSummary {
    int runs = 0;
    double medianMs = 0;
    double madMs = 0;  ///< median absolute deviation of the wall time
    double minMs = 0;
    double maxMs = 0;
    double medianUserMs = 0;
    double medianSysMs = 0;
    std::int64_t medianMaxRssBytes = 0;
};

struct StartupMeasurement {
    StartupCommand command;
    std::vector<StartupRun> runs;  ///< measured runs only (warm-up runs are dropped)
    StartupSummary summary;
    std::string error;  ///< why it could not be measured (missing interpreter, non-zero exit...); empty when fine
};

/// The commands that show a runtime's start-up and why it costs what it does. `program` is the interpreter path.
/// python3: `-c pass`, `-I -S -c pass`; node: `-e 0`, `--jitless -e 0`; pypy3: `-c pass`; others by language.
std::vector<StartupCommand> startupCommandsFor(const std::string& runtimeId, const std::string& language,
                                               const std::string& program);

/// Called before each start: whether it is a warm-up, its 1-based number within its phase and the phase's length.
using StartupRunStarting = std::function<void(bool warmup, int index, int count)>;

/// Runs `warmup` untimed and `runs` timed starts of the command, one after the other, through versus-spawn.
/// Stops at the first failing run and reports why. `stopper` may end it early from another thread (error "stopped").
StartupMeasurement measureStartup(const StartupCommand& command, int warmup, int runs, ChildStopper* stopper = nullptr,
                                  const StartupRunStarting& onStart = {});

/// Pure: median, MAD, extremes of the runs.
StartupSummary summarizeStartup(const std::vector<StartupRun>& runs);

}  // namespace versus
