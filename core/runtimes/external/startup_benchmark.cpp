// Cold-start runs through versus-spawn and their summary.
#include "startup_benchmark.h"

#include <algorithm>

#include "statistics.h"

namespace versus {

std::vector<StartupCommand> startupCommandsFor(const std::string& runtimeId, const std::string& language,
                                               const std::string& program)
{
    const std::string name = runtimeId;
    if (language == "javascript") {
        return {{runtimeId, name + " -e 0", {program, "-e", "0"}},
                {runtimeId, name + " --jitless -e 0", {program, "--jitless", "-e", "0"}}};
    }
    if (runtimeId == "pypy3")
        return {{runtimeId, name + " -c pass", {program, "-c", "pass"}}};
    // CPython: -I -S skips the site import (and user site, environment), which dominates its start.
    return {{runtimeId, name + " -c pass", {program, "-c", "pass"}},
            {runtimeId, name + " -I -S -c pass", {program, "-I", "-S", "-c", "pass"}}};
}

StartupSummary summarizeStartup(const std::vector<StartupRun>& runs)
{
    StartupSummary s;
    s.runs = static_cast<int>(runs.size());
    if (runs.empty())
        return s;
    std::vector<double> wall, user, sys, rss;
    for (const auto& r : runs) {
        wall.push_back(r.wallMs);
        user.push_back(r.userMs);
        sys.push_back(r.sysMs);
        rss.push_back(static_cast<double>(r.maxRssBytes));
    }
    s.medianMs = stats::median(wall);
    s.madMs = stats::mad(wall);
    s.minMs = stats::minimum(wall);
    s.maxMs = stats::maximum(wall);
    s.medianUserMs = stats::median(user);
    s.medianSysMs = stats::median(sys);
    s.medianMaxRssBytes = static_cast<std::int64_t>(stats::median(rss));
    return s;
}

StartupMeasurement measureStartup(const StartupCommand& command, int warmup, int runs, ChildStopper* stopper,
                                  const StartupRunStarting& onStart)
{
    StartupMeasurement m;
    m.command = command;
    for (int i = 0; i < warmup + runs; ++i) {
        if (stopper && stopper->requested()) {
            m.error = "stopped";
            break;
        }
        if (onStart)
            onStart(i < warmup, i < warmup ? i + 1 : i - warmup + 1, i < warmup ? warmup : runs);
        ChildSpec spec;
        spec.argv = command.argv;
        spec.environment = command.environment;
        spec.discardOutput = true;  // as hyperfine: output to /dev/null, no pipe to drain
        spec.timeoutS = 30;
        const ChildOutcome outcome = runChild(spec, {}, stopper);
        if (stopper && stopper->requested()) {
            m.error = "stopped";
            break;
        }
        if (!outcome.startError.empty() || !outcome.exited || outcome.exitCode != 0) {
            m.error =
                "'" + command.label + "' " + (outcome.timedOut ? "did not end within 30 s" : outcome.describeEnd());
            break;
        }
        if (i < warmup)
            continue;
        m.runs.push_back({outcome.wallNs / 1e6, outcome.userNs / 1e6, outcome.sysNs / 1e6, outcome.maxRssBytes});
    }
    m.summary = summarizeStartup(m.runs);
    return m;
}

}  // namespace versus
