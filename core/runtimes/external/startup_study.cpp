// The start-up study: plan (registry ids to commands), cold-start runs, then the embedded start-up probes.
#include "startup_study.h"

#include <algorithm>
#include <map>

#include "external_process_runtime.h"
#include "runtime_registry.h"

namespace versus {

namespace {

/// A runtime whose start-up is a process start: an interpreter of Python or JavaScript outside Versus.
bool startsAProcess(const RuntimeDescriptor& d)
{
    return !d.info.embedded && (d.info.language == "python" || d.info.language == "javascript");
}

using nlohmann::json;

const std::string kProbeLabel = "versus startup-probe";

}  // namespace

const std::vector<StartupProbePart>& startupProbePartTable()
{
    static const std::vector<StartupProbePart> table{
        {"python_interpreter_init_ms",
         "CPython interpreter initialisation",
         "CPython\ninterpreter\ninit",
         "python",
         {}},
        {"python_first_sample_ms",
         "CPython: first job, to its first sample (fib tiny)",
         "CPython\n1st job",
         "python",
         {}},
        {"python_second_first_sample_ms", "CPython: second job, to its first sample", "CPython\n2nd job", "python", {}},
        {"node_process_init_ms", "Node.js per-process initialisation", "Node.js\nprocess\ninit", "node", {}},
        {"node_first_env_create_ms", "Node.js first environment creation", "Node.js\n1st env\ncreation", "node", {}},
        {"node_second_env_create_ms", "Node.js second environment creation", "Node.js\n2nd env\ncreation", "node", {}},
        {"node_first_sample_ms", "Node.js: first job, to its first sample (fib tiny)", "Node.js\n1st job", "node", {}},
        {"node_second_first_sample_ms", "Node.js: second job, to its first sample", "Node.js\n2nd job", "node", {}},
        {"process_wall_ms", "whole probe process (both runtimes, 4 jobs)", "whole\nprobe\nprocess", "", {}},
    };
    return table;
}

std::vector<std::string> defaultStartupRuntimeIds()
{
    return {"python3", "node", "pypy3"};
}

std::vector<std::string> externalRuntimeIds(const RuntimeRegistry& registry)
{
    std::vector<std::string> ids;
    for (const RuntimeDescriptor& d : registry.descriptors())
        // Not the native reference (it runs inside Versus), nor node-jitless: node's own commands include
        // "node --jitless -e 0".
        if (startsAProcess(d) && d.info.id != "node-jitless")
            ids.push_back(d.info.id);
    return ids;
}

StartupPlan planStartup(const RuntimeRegistry& registry, const std::vector<std::string>& runtimeIds)
{
    StartupPlan plan;
    plan.commands.push_back({"baseline", "/bin/true (spawn cost)", {"/bin/true"}});
    for (std::string id : runtimeIds) {
        // Start-up is a property of a process: the embedded ids stand for their process counterparts here.
        if (id == "node")
            id = "node-process";
        if (id == "python")
            id = "python3";
        const RuntimeDescriptor* d = registry.descriptor(id);
        if (!d || !startsAProcess(*d)) {
            plan.skipped.push_back(
                {id, "'" + id + "' is not an external runtime: use python3, node, pypy3 or an --interpreter", true});
            continue;
        }
        if (!d->available()) {
            plan.skipped.push_back({id, d->unavailableReason, false});
            continue;
        }
        std::string program =
            id == "python3" ? "/usr/bin/python3.11" : resolveProgram(id == "node-process" ? "node" : id);
        std::vector<std::string> environment;
        // User interpreters and node18-process: the program (and what it needs) is inside the runtime; ask it.
        if (auto runtime = d->create(); auto* external = dynamic_cast<ExternalProcessRuntime*>(runtime.get())) {
            program = external->harnessCommand().front();
            environment = external->environment();
        }
        const std::string label = id == "node-process" ? "node" : id;
        for (auto c : startupCommandsFor(id, d->info.language, program)) {
            if (c.label.rfind(id, 0) == 0)
                c.label = label + c.label.substr(id.size());
            c.environment = environment;
            plan.commands.push_back(c);
        }
    }
    return plan;
}

StartupPlan plainStartsOnly(const StartupPlan& plan)
{
    StartupPlan out;
    out.skipped = plan.skipped;
    for (const StartupCommand& c : plan.commands)
        if (c.runtimeId != "baseline"
            && std::none_of(out.commands.begin(), out.commands.end(),
                            [&](const StartupCommand& done) { return done.runtimeId == c.runtimeId; }))
            out.commands.push_back(c);
    return out;
}

int StartupStudy::failures() const
{
    const auto failed = std::count_if(commands.begin(), commands.end(), [](const auto& m) { return !m.error.empty(); });
    return static_cast<int>(failed) + (probeError.empty() ? 0 : 1);
}

StartupStudy runStartupStudy(const StartupPlan& plan, const StartupStudyOptions& options,
                             const StartupStudyCallbacks& callbacks, ChildStopper* stopper)
{
    StartupStudy study;
    study.skipped = plan.skipped;
    study.probeRunsRequested = options.probeRuns;
    const int steps = static_cast<int>(plan.commands.size()) + (options.probeRuns > 0 ? 1 : 0);
    auto stopRequested = [&] { return stopper && stopper->requested(); };

    for (std::size_t i = 0; i < plan.commands.size() && !stopRequested(); ++i) {
        const StartupCommand& command = plan.commands[i];
        auto onStart = [&](bool warmup, int index, int count) {
            if (callbacks.onProgress)
                callbacks.onProgress({command.label, warmup, false, index, count, int(i) + 1, steps});
        };
        study.commands.push_back(measureStartup(command, options.warmup, options.runs, stopper, onStart));
        if (stopRequested())
            break;
        if (callbacks.onCommand)
            callbacks.onCommand(study.commands.back());
    }

    std::map<std::string, std::vector<double>> values;
    for (int i = 0; i < options.probeRuns && !stopRequested(); ++i) {
        if (callbacks.onProgress)
            callbacks.onProgress({kProbeLabel, false, true, i + 1, options.probeRuns, steps, steps});
        ChildSpec spec;
        spec.argv = {options.versusExecutable, "startup-probe"};
        spec.timeoutS = 120;
        std::string text;
        ChildCallbacks childCallbacks;
        childCallbacks.onOutput = [&](const char* stream, std::string_view chunk) {
            if (std::string_view(stream) == "stdout")
                text.append(chunk);
        };
        const ChildOutcome outcome = runChild(spec, childCallbacks, stopper);
        if (stopRequested())
            break;
        json probe = json::parse(text, nullptr, false);
        if (!outcome.exited || outcome.exitCode != 0 || !probe.is_object()) {
            const std::string lines = outcome.lastLines(3);
            study.probeError = kProbeLabel + " " + outcome.describeEnd() + (lines.empty() ? "" : ": " + lines);
            break;
        }
        probe["process_wall_ms"] = outcome.wallNs / 1e6;
        probe["process_max_rss_bytes"] = outcome.maxRssBytes;
        study.probeMaxRssBytes.push_back(double(outcome.maxRssBytes));
        for (const auto& [key, value] : probe.items())
            if (value.is_number())
                values[key].push_back(value.get<double>());
        study.probes.push_back(probe);
    }
    for (StartupProbePart part : startupProbePartTable()) {
        if (auto it = values.find(part.key); it != values.end()) {
            part.values = it->second;
            study.parts.push_back(part);
        }
    }
    study.stopped = stopRequested();
    return study;
}

}  // namespace versus
