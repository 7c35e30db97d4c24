// versus list / run: the same core as the GUI, with progress on stderr and the table on stdout.
#include "cli.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "event_queue.h"
#include "results/journal.h"
#include "results_commands.h"
#include "memory_sampler.h"
#include "chart_render.h"
#include "external/external_process_runtime.h"
#include "selftest_command.h"
#include "startup_command.h"
#include "run_scheduler.h"
#include "text_format.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted = true;
}

struct RunOptions {
    std::vector<std::string> workloads;
    std::vector<std::string> runtimes;
    std::vector<std::string> params;
    HarnessOptions harness;
    std::vector<std::pair<std::string, std::string>> exports;  ///< file, format ("" = from the extension)
    std::string journalFile;
    std::vector<std::string> charts;  ///< chart files (.png, .svg, .pdf) of the results
    RunOrder order = RunOrder::Interleaved;
    int roundSamples = 5;
    double targetCiPercent = 0;
    std::uint64_t seed = 1;
    bool tiny = false;
    bool quiet = false;
};

int fail(const std::string& message)
{
    std::cerr << "versus: " << message << "\n";
    return 2;
}

bool needValue(const std::vector<std::string>& args, size_t& i, std::string& value)
{
    if (i + 1 >= args.size())
        return false;
    value = args[++i];
    return true;
}

std::optional<double> number(const std::string& text)
{
    try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v) && v >= 0)
            return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

int listCommand(const Catalog& catalog, RuntimeRegistry& registry, const std::filesystem::path& directory)
{
    std::cout << "Workloads (" << directory.string() << "):\n";
    for (const auto& category : catalog.categories()) {
        std::cout << "  " << category << "\n";
        for (const auto& w : catalog.workloads()) {
            if (w.category != category)
                continue;
            std::cout << "    " << std::left << std::setw(18) << w.id << w.title;
            std::string languages;
            for (const auto& impl : w.implementations)
                languages += (languages.empty() ? "" : ", ") + impl.language
                    + (impl.flavour == "plain" ? "" : "/" + impl.flavour);
            std::cout << "  [" << languages << "]\n";
            const auto sentenceEnd = w.description.find(". ");
            std::cout << "        " << w.description.substr(0, sentenceEnd == std::string::npos ? std::string::npos
                                                                                    : sentenceEnd + 1)
                      << "\n";
        }
    }
    for (const auto& error : catalog.errors())
        std::cout << "  not loaded: " << error.toString() << "\n";
    std::cout << "\nRuntimes:\n";
    std::size_t idWidth = 0;
    for (const auto& d : registry.descriptors())
        idWidth = std::max(idWidth, d.info.id.size());
    for (const auto& d : registry.descriptors()) {
        std::cout << "  " << std::left << std::setw(static_cast<int>(idWidth + 2)) << d.info.id
                  << d.info.displayVersion();
        if (!d.available())
            std::cout << "  (unavailable: " << d.unavailableReason << ")";
        std::cout << "\n";
    }
    return 0;
}

/// Drains the queue on this thread, printing progress, until the plan is done.
void followProgress(EventQueue& queue, RunScheduler& scheduler, bool quiet, Journal* journal,
                    ResultsDocument& document)
{
    bool done = false;
    bool cancelSent = false;
    while (!done) {
        if (g_interrupted && !cancelSent) {
            std::cerr << "\nversus: stopping (interrupted)\n";
            scheduler.cancel();
            cancelSent = true;
        }
        for (auto& event : queue.take(256, std::chrono::milliseconds(100))) {
            if (journal)
                journal->record(event);
            if (auto* memory = std::get_if<MemoryEvent>(&event)) {
                document.memory.push_back(*memory);
                continue;
            }
            if (auto* gc = std::get_if<GcEvent>(&event)) {
                document.gcEvents.push_back(*gc);
                continue;
            }
            if (std::holds_alternative<PlanDoneEvent>(event)) {
                done = true;
            } else if (quiet) {
                continue;
            } else if (auto* started = std::get_if<StartedEvent>(&event)) {
                std::cerr << started->key.workloadId << " on " << started->runtimeName
                          << (started->key.flavour == "plain" ? "" : " [" + started->key.flavour + "]") << ": ";
            } else if (auto* calibrated = std::get_if<CalibratedEvent>(&event)) {
                std::cerr << calibrated->innerLoops << " call(s)/sample ";
            } else if (auto* sample = std::get_if<SampleEvent>(&event)) {
                std::cerr << (sample->sample.warmup ? "w" : ".");
            } else if (auto* finished = std::get_if<FinishedEvent>(&event)) {
                std::cerr << " " << formatDuration(finished->result.summary.medianNs) << "/call\n";
            } else if (auto* failed = std::get_if<FailedEvent>(&event)) {
                std::cerr << " FAILED\n";
                (void)failed;
            }
        }
    }
}

int executePlan(const Catalog& catalog, RuntimeRegistry& registry, RunOptions& options)
{
    RunPlan plan;
    plan.options = options.harness;
    std::vector<const Workload*> workloads;
    for (const auto& selector : options.workloads) {
        auto selected = catalog.select(selector);
        if (selected.empty()) {
            std::string known;
            for (const auto& w : catalog.workloads())
                known += (known.empty() ? "" : ", ") + w.id;
            for (const auto& error : catalog.errors())
                if (error.file.parent_path().filename() == selector)
                    return fail("workload '" + selector + "' could not be loaded: " + error.toString());
            return fail("no workload or category '" + selector + "' (workloads: " + known + ")");
        }
        workloads.insert(workloads.end(), selected.begin(), selected.end());
    }
    for (const auto& id : options.runtimes)
        if (!registry.descriptor(id)) {
            std::string known;
            for (const auto& d : registry.descriptors())
                known += (known.empty() ? "" : ", ") + d.info.id;
            return fail("unknown runtime '" + id + "' (runtimes: " + known + ")");
        }

    // Parameters are checked against every selected workload before any runtime starts.
    for (const Workload* w : workloads) {
        ParamValues overrides = options.tiny ? w->tinyParams : ParamValues{};
        for (const auto& assignment : options.params) {
            std::string name, text;
            if (auto error = parseParamAssignment(assignment, name, text))
                return fail(*error);
            const ParameterSpec* spec = w->parameter(name);
            if (!spec) {
                if (workloads.size() > 1)
                    continue;  // a parameter meant for another selected workload
                ParamValues probe;
                return fail(*w->resolveParams({{name, text}}, probe));
            }
            ParamValue value;
            if (auto error = parseParamValue(*spec, text, value))
                return fail("workload '" + w->id + "': " + *error);
            overrides[name] = value;
        }
        ParamValues resolved;
        if (auto error = w->resolveParams(overrides, resolved))
            return fail(*error);
        for (const auto& runtimeId : options.runtimes)
            plan.items.push_back({w, runtimeId, overrides});
    }

    plan.order = options.order;
    plan.roundSamples = options.roundSamples;
    plan.targetCiPercent = options.targetCiPercent;
    plan.seed = options.seed;
    ResultsDocument document = newRunDocument(registry, options.runtimes, options.harness);
    for (const auto& warning : document.warnings)
        std::cerr << "versus: warning: " << warning << "\n";

    // The journal keeps every event on disk as it happens: `versus recover` rebuilds the run after a crash.
    const std::string journalPath = options.journalFile.empty() ? defaultJournalPath().string() : options.journalFile;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(journalPath).parent_path(), ec);
    Journal journal(journalPath);
    if (!journal.ok())
        std::cerr << "versus: warning: no journal for this run: " << journal.error() << "\n";
    else
        journal.planStarted(document);

    EventQueue queue;
    RunScheduler scheduler(registry, queue);
    // Memory of the whole run at 10 Hz: Versus's RSS, children's RSS, the embedded CPython heap.
    MemorySampler sampler(queue);
    addBuiltinMemorySeries(sampler);
    document.clockOriginNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    sampler.start();
    scheduler.start(plan);
    followProgress(queue, scheduler, options.quiet, journal.ok() ? &journal : nullptr, document);
    scheduler.wait();
    sampler.stop();
    for (auto& event : queue.drain()) {
        if (auto* memory = std::get_if<MemoryEvent>(&event))
            document.memory.push_back(*memory);
        else if (auto* gc = std::get_if<GcEvent>(&event))
            document.gcEvents.push_back(*gc);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    const auto results = scheduler.results();
    for (const auto& skipped : scheduler.skipped())
        std::cerr << "versus: skipped: " << skipped.reason << "\n";
    document.runtimes.clear();
    for (const auto& id : options.runtimes)
        if (registry.isCreated(id)) {
            std::string ignored;
            document.runtimes.push_back(registry.get(id, &ignored)->info());
        } else if (auto* d = registry.descriptor(id)) {
            document.runtimes.push_back(d->info);
        }
    document.finishedAtUtc = utcTimestamp();
    document.results = results;
    std::cout << formatResultsTable(results);
    for (const auto& [file, format] : options.exports) {
        std::string error;
        if (!exportDocument(document, file, format, &error))
            return fail(error);
        std::cerr << "versus: wrote " << file << "\n";
    }
    for (const auto& file : options.charts) {
        std::string error;
        if (!gui::renderCharts(results, file, 1200, 800, 144, &error))
            return fail("chart " + file + ": " + error);
        std::cerr << "versus: wrote " << file << "\n";
    }
    if (g_interrupted)
        return 130;
    for (const auto& r : results)
        if (!r.ok())
            return 1;
    return results.empty() ? 1 : 0;
}

int runCommand(const std::vector<std::string>& args, const Catalog& catalog, RuntimeRegistry& registry)
{
    RunOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string v;
        auto numberOption = [&](double& target, const char* what) -> int {
            if (!needValue(args, i, v))
                return fail(a + " needs a value (" + what + ")");
            auto n = number(v);
            if (!n)
                return fail(a + " must be a non-negative number (" + what + "), got '" + v + "'");
            target = *n;
            return 0;
        };
        double n = 0;
        if (a == "--workload" || a == "-w") {
            if (!needValue(args, i, v))
                return fail("--workload needs a workload id, a category or 'all'");
            options.workloads.push_back(v);
        } else if (a == "--runtime" || a == "-r") {
            if (!needValue(args, i, v))
                return fail("--runtime needs a runtime id (see 'versus list')");
            options.runtimes.push_back(v);
        } else if (a == "--param" || a == "-p") {
            if (!needValue(args, i, v))
                return fail("--param needs name=value");
            options.params.push_back(v);
        } else if (a == "--samples") {
            if (int e = numberOption(n, "measured samples per result"))
                return e;
            if (n < 1 || n != std::floor(n))
                return fail("--samples must be a whole number of at least 1");
            options.harness.samples = static_cast<int>(n);
        } else if (a == "--warmup") {
            if (int e = numberOption(n, "warm-up samples"))
                return e;
            options.harness.warmupSamples = static_cast<int>(n);
        } else if (a == "--min-sample-time") {
            if (int e = numberOption(options.harness.minSampleTimeMs, "milliseconds"))
                return e;
        } else if (a == "--time-budget") {
            if (int e = numberOption(options.harness.timeBudgetS, "seconds"))
                return e;
        } else if (a == "--timeout") {
            if (int e = numberOption(options.harness.timeoutS, "seconds"))
                return e;
        } else if (a == "--json" || a == "--export") {
            if (!needValue(args, i, v))
                return fail(a + " needs a file name");
            // Absolute now: workload code may change the working directory before the files are written.
            options.exports.emplace_back(std::filesystem::absolute(v).string(), a == "--json" ? "json" : "");
        } else if (a == "--chart") {
            if (!needValue(args, i, v))
                return fail("--chart needs a file name ending in .png, .svg or .pdf");
            options.charts.push_back(std::filesystem::absolute(v).string());
        } else if (a == "--journal") {
            if (!needValue(args, i, options.journalFile))
                return fail("--journal needs a file name");
            options.journalFile = std::filesystem::absolute(options.journalFile).string();
        } else if (a == "--order") {
            if (!needValue(args, i, v) || !runOrderFromName(v))
                return fail("--order must be sequential, interleaved, random or race");
            options.order = *runOrderFromName(v);
        } else if (a == "--round-samples") {
            if (int e = numberOption(n, "measured samples per round"))
                return e;
            if (n < 1 || n != std::floor(n))
                return fail("--round-samples must be a whole number of at least 1");
            options.roundSamples = static_cast<int>(n);
        } else if (a == "--target-ci") {
            if (int e = numberOption(options.targetCiPercent, "percent of the median"))
                return e;
        } else if (a == "--seed") {
            if (int e = numberOption(n, "seed of the random order"))
                return e;
            options.seed = static_cast<std::uint64_t>(n);
        } else if (a == "--answer-limit") {
            if (int e = numberOption(n, "bytes of the serialised answer"))
                return e;
            if (n < 1 || n != std::floor(n))
                return fail("--answer-limit must be a whole number of bytes, at least 1");
            options.harness.answerLimitBytes = static_cast<std::int64_t>(n);
        } else if (a == "--memory-pass") {
            options.harness.memoryPass = true;
        } else if (a == "--tiny") {
            options.tiny = true;
        } else if (a == "--quiet" || a == "-q") {
            options.quiet = true;
        } else if (a == "--help" || a == "-h") {
            std::cout << usage();
            return 0;
        } else {
            return fail("unknown option '" + a + "' for 'run' (see versus --help)");
        }
    }
    if (options.workloads.empty())
        return fail("run needs --workload ID (see 'versus list')");
    if (options.runtimes.empty())
        options.runtimes = {"python", "node"};
    return executePlan(catalog, registry, options);
}

} // namespace

std::string usage()
{
    return R"(Usage: versus [COMMAND] [OPTIONS]

Races Python and Node.js side by side. Without a command, opens the workbench window (or, on a machine without
a display, runs the default job and prints its results table).

Commands:
  list                       workloads by category, and runtimes with their versions
  run --workload ID ...      measure workloads on runtimes and print a table
  selftest [--runs N] [--quick]
                             check the instrument on this machine: embedded against the same interpreter as a
                             process, harness cost against timeit and a bare JS loop, cost per sample, clock,
                             cancel latency, spread of a fib median (exit 1 when a figure misses its goal)
  startup [--runtime ID ...] process cold start (median, spread, peak RSS) and embedded start-up parts
  recover [JOURNAL] [-o F]   turn the journal of an interrupted run into a results file
  compare OLD.json NEW.json  per workload and runtime: the change, its 95% CI and significance
  export RESULTS -o FILE     write a results file as CSV, Markdown, hyperfine JSON or an HTML report
  help                       this text

Window:
  versus                     the workbench window (needs a display)
  versus --screenshot FILE   race fib on embedded CPython and Node.js in the window and save it as a PNG
  versus --screenshot-startup FILE
                             measure start-up in the window's Start-up tab and save it as a PNG

Options of run:
  -w, --workload ID          a workload id, a category, or 'all' (repeatable)
  -r, --runtime ID           python, node, ... (repeatable; default: python and node)
  -p, --param NAME=VALUE     a workload parameter (repeatable), checked against the manifest's limits
      --samples N            measured samples per result (default 10)
      --warmup N             warm-up samples, kept and marked (default 3)
      --min-sample-time MS   calibration target for one sample (default 50)
      --time-budget S        stop sampling a result after S seconds (default: none)
      --timeout S            stop and fail a result that runs longer (default 300)
      --tiny                 use each workload's tiny parameters (smoke runs)
      --answer-limit BYTES   fail a result whose serialised answer is larger (default 1048576)
      --memory-pass          after the timed samples, one extra call measured for memory (tracemalloc peak;
                             V8 heap growth between full collections), reported as memory_pass_* values
      --order ORDER          sequential, interleaved (default: rounds A B A B, so drift spreads evenly),
                             random (seeded rounds) or race (runtimes at once, for demos; labelled so)
      --round-samples N      measured samples per round of interleaved/random orders (default 5)
      --target-ci PCT        adaptive: add rounds until the 95% CI of the median is within PCT% of it
                             (or --time-budget runs out; at most 200 samples)
      --seed N               seed of the random order (default 1)
      --json FILE            write the results file (schema 2: every sample, summaries, environment)
      --export FILE          also write FILE as .json, .csv, .md or .html, by its extension (repeatable)
      --chart FILE           draw the charts (summary with 95% CIs, throughput) to FILE: .png, .svg or .pdf
      --journal FILE         where the run's journal goes (default ~/.local/state/versus/last-run.journal.jsonl)
      --workloads-dir DIR    read workloads from DIR instead of the installed catalog (list and run)
      --interpreter NAME=PATH  add an interpreter as external runtime NAME (list, run, startup; repeatable)
  -q, --quiet                no progress on stderr

)" + startupUsage() + R"(
  -h, --help                 this text
      --version              version of Versus and of its runtimes

Exit status: 0 when every result succeeded, 1 when any failed, 2 for a usage error, 130 when interrupted.
)";
}

std::string versionText()
{
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    std::string text = std::string("versus ") + VERSUS_VERSION + "\n";
    for (const auto& d : registry.descriptors())
        text += "  " + d.info.displayVersion() + "\n";
    return text;
}

int main(const std::vector<std::string>& args)
{
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usage();
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << versionText();
        return 0;
    }
    // --workloads-dir may stand before or after the command.
    std::vector<std::string> words;
    std::vector<std::string> interpreters;  // NAME=PATH of --interpreter
    std::filesystem::path directory = workloadsDirectory();
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--interpreter") {
            std::string value;
            if (!needValue(args, i, value) || value.find('=') == std::string::npos)
                return fail("--interpreter needs NAME=PATH, e.g. --interpreter py312=/usr/local/bin/python3.12");
            interpreters.push_back(value);
        } else if (args[i] == "--workloads-dir") {
            std::string value;
            if (!needValue(args, i, value))
                return fail("--workloads-dir needs a folder");
            directory = value;
        } else {
            words.push_back(args[i]);
        }
    }
    if (words.empty())
        return fail("--workloads-dir needs a command: list or run (see versus --help)");
    const std::string command = words.front();
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    for (const auto& assignment : interpreters) {
        const auto eq = assignment.find('=');
        const std::string problem = registerExternalInterpreter(registry, assignment.substr(0, eq), assignment.substr(eq + 1));
        if (!problem.empty())
            std::cerr << "versus: --interpreter " << assignment << ": " << problem << "\n";
    }
    if (command == "startup")
        return startupCommand(rest, registry);
    if (command == "recover")
        return recoverCommand(rest);
    if (command == "compare")
        return compareCommand(rest);
    if (command == "export")
        return exportCommand(rest);
    const Catalog catalog = Catalog::load(directory);
    if (catalog.workloads().empty() && !catalog.errors().empty())
        return fail(catalog.errors().front().toString());
    if (command == "list")
        return listCommand(catalog, registry, directory);
    if (command == "run")
        return runCommand(rest, catalog, registry);
    if (command == "selftest" || command == "harness-bench")  // harness-bench: the name of earlier versions
        return selftestCommand(rest);

    if (command == "startup-probe")  // hidden: used by `versus startup`
        return startupProbeCommand(catalog, registry);
    return fail("unknown command '" + command + "' (see versus --help)");
}

int runDefaultJob()
{
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    const Catalog catalog = Catalog::load(workloadsDirectory());
    for (const auto& error : catalog.errors())
        std::cerr << "versus: not loaded: " << error.toString() << "\n";
    RunOptions options;
    for (const auto& w : catalog.workloads())
        if (w.defaultJob)
            options.workloads.push_back(w.id);
    if (options.workloads.empty())
        return fail("no workload is marked default_job in " + workloadsDirectory().string());
    options.runtimes = {"python", "node"};
    std::cerr << "versus: no display; running the default job (" << options.workloads.size()
              << " workloads on embedded CPython and Node.js). 'versus --help' lists the commands.\n";
    return executePlan(catalog, registry, options);
}

} // namespace versus::cli
