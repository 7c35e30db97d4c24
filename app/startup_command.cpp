// `versus startup` (cold start, hyperfine-style, through versus-spawn) and the hidden `versus startup-probe`
// (embedded initialisation parts, measured in a fresh versus process because CPython initialises once per process).
#include "startup_command.h"
#include "command_error.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "catalog.h"
#include "option_checks.h"
#include "external/startup_study.h"
#include "node/embedded_node_runtime.h"
#include "python/embedded_python_runtime.h"
#include "runtime_registry.h"
#include "statistics.h"

namespace versus::cli {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

/// Records when the first sample of a job arrives (any thread).
class FirstSampleSink final : public EventSink {
public:
    void post(Event event) override
    {
        if (std::holds_alternative<SampleEvent>(event)) {
            std::lock_guard lock(m_mutex);
            if (!m_first)
                m_first = Clock::now();
        }
    }
    std::optional<Clock::time_point> first()
    {
        std::lock_guard lock(m_mutex);
        return m_first;
    }
    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_first.reset();
    }

private:
    std::mutex m_mutex;
    std::optional<Clock::time_point> m_first;
};

/// Milliseconds from now until the first sample of `workload`'s tiny run on `runtimeId`; NaN when it failed.
double timeToFirstSample(RuntimeRegistry& registry, const Workload& workload, const std::string& runtimeId,
                         const std::string& language, std::string& error)
{
    const auto started = Clock::now();
    const auto runtime = registry.get(runtimeId);
    const auto impls = workload.implementationsFor(language);
    if (!runtime || impls.empty()) {
        error = runtime ? workload.id + " has no " + language + " implementation" : runtime.error();
        return NAN;
    }
    RunJob job;
    job.key = {0, workload.id, runtimeId, impls.front()->flavour};
    job.workload = &workload;
    job.implementation = impls.front();
    const auto params = workload.resolveParams(workload.tinyParams);
    if (!params) {
        error = params.error();
        return NAN;
    }
    job.params = *params;
    job.options.warmupSamples = 1;
    job.options.samples = 1;
    job.options.minSampleTimeMs = 1;
    FirstSampleSink sink;
    const Result result = (*runtime)->execute(job, sink);
    if (!result.ok()) {
        error = result.failure.message;
        return NAN;
    }
    const auto first = sink.first();
    return first ? std::chrono::duration<double, std::milli>(*first - started).count() : NAN;
}

std::string formatMs(double ms)
{
    if (std::isnan(ms))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, ms < 10 ? "%.2f" : "%.1f", ms);
    return text;
}

std::string formatMiB(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return text;
}

std::string pad(const std::string& text, std::size_t width, bool right = true)
{
    if (text.size() >= width)
        return text;
    return right ? std::string(width - text.size(), ' ') + text : text + std::string(width - text.size(), ' ');
}

}  // namespace

void addStartupOptions(CLI::App& command, StartupOptions& o)
{
    command
        .add_option("-r,--runtime", o.runtimes,
                    "python3, node (the node process), pypy3, or an --interpreter (repeatable; default: python3, "
                    "node, pypy3)")
        ->type_name("ID");
    command.add_option("--runs", o.runs, "timed starts per command")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(1));
    command.add_option("--warmup", o.warmup, "untimed starts before them")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(0));
    command.add_option("--probe-runs", o.probeRuns, "fresh versus processes measuring embedded start-up (0 to skip)")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(0));
    command.add_option("--json", o.jsonFile, "write every run as JSON")->type_name("FILE");
}

int startupProbeCommand(const Catalog& catalog, RuntimeRegistry& registry)
{
    const Workload* fib = catalog.find("fib");
    if (!fib)
        return fail("startup-probe needs the 'fib' workload in the catalog");
    json out;
    std::string error;
    // CPython: the first job initialises the interpreter (once per process).
    out["python_first_sample_ms"] = timeToFirstSample(registry, *fib, "python", "python", error);
    out["python_interpreter_init_ms"] = EmbeddedPythonRuntime::interpreterInitMs();
    out["python_second_first_sample_ms"] = timeToFirstSample(registry, *fib, "python", "python", error);
    // Node.js: per-process initialisation once, then one environment per job.
    out["node_first_sample_ms"] = timeToFirstSample(registry, *fib, "node", "javascript", error);
    out["node_process_init_ms"] = EmbeddedNodeRuntime::processInitMs();
    out["node_first_env_create_ms"] = EmbeddedNodeRuntime::lastEnvironmentCreateMs();
    out["node_second_first_sample_ms"] = timeToFirstSample(registry, *fib, "node", "javascript", error);
    out["node_second_env_create_ms"] = EmbeddedNodeRuntime::lastEnvironmentCreateMs();
    for (auto& [key, value] : out.items())
        if (value.is_number_float() && std::isnan(value.get<double>()))
            value = nullptr;
    if (!error.empty())
        out["error"] = error;
    std::cout << out.dump() << std::endl;
    return error.empty() ? 0 : 1;
}

int startupCommand(const StartupOptions& o, RuntimeRegistry& registry)
{
    const std::vector<std::string> runtimes = o.runtimes.empty() ? defaultStartupRuntimeIds() : o.runtimes;
    const int runs = o.runs, warmup = o.warmup, probeRuns = o.probeRuns;
    const std::string& jsonFile = o.jsonFile;

    const StartupPlan plan = planStartup(registry, runtimes);
    for (const StartupSkip& skip : plan.skipped) {
        if (skip.notExternal)
            return fail(skip.reason);
        std::cerr << "versus: skipped " << skip.runtimeId << ": " << skip.reason << "\n";
    }

    std::cerr << "versus: " << plan.commands.size() << " commands x (" << warmup << " warm-up + " << runs
              << " runs), no shell, each through versus-spawn\n";
    std::cout << pad("command", 26, false) << pad("median ms", 11) << pad("MAD", 7) << pad("min", 8) << pad("max", 8)
              << pad("user ms", 9) << pad("sys ms", 8) << pad("peak RSS", 12) << "\n";
    StartupStudyCallbacks callbacks;
    callbacks.onProgress = [&](const StartupProgress& progress) {
        if (progress.probe && progress.index == 1)
            std::cerr << "versus: embedded start-up: " << probeRuns << " fresh 'versus startup-probe' processes\n";
    };
    // Each row as soon as its command is measured, as before the study moved to core.
    callbacks.onCommand = [&](const StartupMeasurement& m) {
        const StartupCommand& c = m.command;
        const StartupSummary& s = m.summary;
        if (!m.error.empty()) {
            std::cout << pad(c.label, 26, false) << "  failed: " << m.error << "\n";
        } else {
            std::cout << pad(c.label, 26, false) << pad(formatMs(s.medianMs), 11) << pad(formatMs(s.madMs), 7)
                      << pad(formatMs(s.minMs), 8) << pad(formatMs(s.maxMs), 8) << pad(formatMs(s.medianUserMs), 9)
                      << pad(formatMs(s.medianSysMs), 8) << pad(formatMiB(double(s.medianMaxRssBytes)), 12) << "\n";
        }
    };
    StartupStudyOptions options;
    options.runs = runs;
    options.warmup = warmup;
    options.probeRuns = probeRuns;
    options.versusExecutable = std::filesystem::read_symlink("/proc/self/exe").string();
    const StartupStudy study = runStartupStudy(plan, options, callbacks);

    if (probeRuns > 0) {
        std::cout << "\nEmbedded start-up (median of " << study.probes.size() << " fresh versus processes):\n";
        for (const StartupProbePart& part : study.parts)
            std::cout << "  " << pad(part.label, 52, false) << pad(formatMs(stats::median(part.values)), 9) << " ms\n";
        if (!study.probeMaxRssBytes.empty())
            std::cout << "  " << pad("peak RSS of the probe process", 52, false)
                      << pad(formatMiB(stats::median(study.probeMaxRssBytes)), 12) << "\n";
        if (!study.probeError.empty())
            std::cout << "  failed: " << study.probeError << "\n";
    }
    if (!jsonFile.empty()) {
        json all = json::array();
        for (const StartupMeasurement& m : study.commands) {
            const StartupCommand& c = m.command;
            const StartupSummary& s = m.summary;
            json runsJson = json::array();
            for (const auto& r : m.runs)
                runsJson.push_back({{"wall_ms", r.wallMs},
                                    {"user_ms", r.userMs},
                                    {"sys_ms", r.sysMs},
                                    {"max_rss_bytes", r.maxRssBytes}});
            all.push_back({{"runtime", c.runtimeId},
                           {"command", c.label},
                           {"argv", c.argv},
                           {"error", m.error},
                           {"median_ms", s.medianMs},
                           {"mad_ms", s.madMs},
                           {"min_ms", s.minMs},
                           {"max_ms", s.maxMs},
                           {"median_max_rss_bytes", s.medianMaxRssBytes},
                           {"runs", runsJson}});
        }
        std::ofstream file(jsonFile, std::ios::trunc);
        file << json{{"schema_version", 1}, {"kind", "startup"}, {"runs", runs},
                     {"warmup", warmup},    {"commands", all},   {"embedded_probes", study.probes}}
                    .dump(2)
             << "\n";
        if (!file)
            return fail("could not write " + jsonFile);
    }
    return study.failures() ? 1 : 0;
}

}  // namespace versus::cli
