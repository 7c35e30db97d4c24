// The command line of versus: one CLI11 declaration per option and command; list and run on the same core as the
// GUI, with progress on stderr and the table on stdout.
#include "cli.h"
#include "command_error.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "database/postgres_cluster.h"
#include "event_queue.h"
#include "results/journal.h"
#include "results_commands.h"
#include "memory_sampler.h"
#include "option_checks.h"
#include "external/external_process_runtime.h"
#include "chart_commands.h"
#include "claims_command.h"
#include "cli_progress.h"
#include "run_session.h"
#include "selftest_command.h"
#include "startup_command.h"
#include "run_scheduler.h"
#include "process_tree.h"
#include "statistics.h"
#include "reported_table.h"
#include "text_format.h"
#include "isolated/isolated_worker.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::cli {

namespace {

// Set by SIGINT and SIGTERM: how many arrived, and the last one (the exit status is 128 + its number).
std::atomic<int> g_interrupts{0};
std::atomic<int> g_interruptSignal{0};

void onInterrupt(int signal)
{
    g_interruptSignal = signal;
    g_interrupts.fetch_add(1);
}

/// After the first interrupt, the running job has this long to stop; then it is abandoned (it is blocked where no
/// cancel reaches: C code, time.sleep) and Versus exits, within the 1 s a user waits for Ctrl-C.
constexpr auto kAbandonAfter = std::chrono::milliseconds(700);

struct RunOptions {
    std::vector<std::string> workloads;
    std::vector<std::string> runtimes;
    std::vector<std::string> params;
    HarnessOptions harness;
    // Output files are absolute from the moment they are parsed: workload code may change the working directory.
    std::vector<std::string> jsonFiles;  ///< results files (schema 2)
    std::vector<std::string> exportFiles;  ///< .json, .csv, .md or .html, by the extension
    std::string journalFile;
    std::vector<std::string> charts;  ///< chart files (.png, .svg, .pdf) of the results
    std::string order = runOrderName(RunOrder::Interleaved);
    int roundSamples = 5;
    double targetCiPercent = 0;
    std::uint64_t seed = 1;
    bool tiny = false;
    bool quiet = false;
    /// --isolate / --no-isolate; unset: isolated when the workloads come from outside the installed catalog.
    std::optional<bool> isolate;
    bool outsideCatalog = false;  ///< --workloads-dir names another folder than the installed catalog
    double memoryLimitMb = 0;  ///< --memory-limit; 0: the default share of physical memory
};

int listCommand(const Catalog& catalog, RuntimeRegistry& registry, const std::filesystem::path& directory)
{
    // Every flavour's modules probed at once, each in its own child process: the listing below then reads the
    // registry's kept answers instead of waiting for one interpreter after another.
    std::vector<std::future<void>> probes;
    for (const auto& w : catalog.workloads())
        for (const auto& impl : w.implementations)
            for (const auto& d : registry.descriptors())
                if (!impl.requires_.empty() && d.info.language == impl.language)
                    probes.push_back(std::async(std::launch::async, [&registry, id = d.info.id, &impl] {
                        (void)registry.checkRequirements(id, impl);
                    }));
    for (auto& probe : probes)
        probe.wait();
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
            if (w.service == "postgresql")
                if (const auto server = PostgresCluster::available(); !server)
                    std::cout << "        unavailable: " << server.error() << "\n";
            const auto sentenceEnd = w.description.find(". ");
            std::cout << "        "
                      << w.description.substr(0, sentenceEnd == std::string::npos ? std::string::npos : sentenceEnd + 1)
                      << "\n";
            // Flavours a runtime cannot run, with the reason a run would give (RuntimeRegistry::checkRequirements).
            for (const auto& impl : w.implementations)
                for (const auto& d : registry.descriptors())
                    if (!impl.requires_.empty() && d.info.language == impl.language)
                        if (const auto met = registry.checkRequirements(d.info.id, impl); !met)
                            std::cout << "        unavailable: " << impl.language << "/" << impl.flavour << " on "
                                      << d.info.id << ": " << met.error() << "\n";
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

/// The table, the results files and charts of a run, and its exit status (`interruptedStatus` when it was
/// interrupted: 130 for SIGINT, 143 for SIGTERM).
int reportRun(const ResultsDocument& document, const Catalog& catalog, const RunOptions& options, int interruptedStatus,
              GuiBackend& gui);

/// A second interrupt: Versus exits now. Every journal line recorded so far is already in the kernel (one write(2)
/// each), so `versus recover` rebuilds the run; the children of Versus go with it.
[[noreturn]] void exitAtOnce(RunSession& session)
{
    PostgresCluster::killEveryCluster();  // the run's database cluster: its server and its folder
    killDescendantProcesses();
    std::cerr << "versus: interrupted again: exiting now. The journal holds the run so far: versus recover --journal "
              << session.journalPath() << "\n";
    std::cerr.flush();
    _exit(128 + g_interruptSignal);
}

/// The running job did not stop after the interrupt: it is blocked where no cancel reaches (C code, time.sleep in
/// the embedded CPython). It is abandoned, marked so, with the samples it took; the rest of the run is reported as
/// usual and Versus exits without waiting for the job's thread (which would never end).
[[noreturn]] void abandonRun(RunSession& session, RunObserver& progress, const Catalog& catalog,
                             const RunOptions& options, GuiBackend& gui)
{
    PostgresCluster::killEveryCluster();
    killDescendantProcesses();
    while (session.pump(progress, std::chrono::milliseconds(0), 256) > 0) {
    }
    // The journal has every line recorded so far, including the abandoned job's samples: the run as it stands.
    ResultsDocument document = session.document();
    if (auto recovered = recoverJournal(session.journalPath()); recovered.ok()) {
        for (Result& r : recovered->document.results) {
            const bool reported = std::any_of(document.results.begin(), document.results.end(),
                                              [&](const Result& done) { return done.itemIndex == r.itemIndex; });
            if (reported)
                continue;
            r.failure.message = "abandoned: Versus was interrupted while this job was blocked where it cannot be "
                                "stopped (C code, or time.sleep in the embedded CPython); the "
                + std::to_string(stats::perCallNs(r.samples).size())
                + " measured samples it took are kept. Use --isolate to run such code in a worker that can be killed.";
            std::cerr << "versus: " << r.seriesName() << " on " << r.workloadId << ": " << r.failure.message << "\n";
            document.results.push_back(r);
        }
    }
    const int status = reportRun(document, catalog, options, 128 + g_interruptSignal, gui);
    std::cout.flush();
    std::cerr.flush();
    _exit(status);
}

int executePlan(const Catalog& catalog, RuntimeRegistry& registry, RunOptions& options, GuiBackend& gui)
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
            const auto parsed = parseParamAssignment(assignment);
            if (!parsed)
                return fail(parsed.error());
            const ParameterSpec* spec = w->parameter(parsed->name);
            if (!spec) {
                if (workloads.size() > 1)
                    continue;  // a parameter meant for another selected workload
                return fail(w->resolveParams({{parsed->name, parsed->value}}).error());
            }
            const auto value = parseParamValue(*spec, parsed->value);
            if (!value)
                return fail("workload '" + w->id + "': " + value.error());
            overrides[parsed->name] = *value;
        }
        if (const auto resolved = w->resolveParams(overrides); !resolved)
            return fail(resolved.error());
        // A stepped workload (cpu_parallel's workers) gives one item per step and runtime: a result per step.
        for (const ParamValues& step : w->stepOverrides(overrides, std::thread::hardware_concurrency()))
            for (const auto& runtimeId : options.runtimes)
                plan.items.push_back({w, runtimeId, step, options.isolate.value_or(options.outsideCatalog)});
    }

    plan.order = runOrderFromName(options.order).value_or(RunOrder::Interleaved);  // the parser checked the name
    plan.roundSamples = options.roundSamples;
    plan.targetCiPercent = options.targetCiPercent;
    plan.seed = options.seed;
    // One run session, as in the window: journal (`versus recover` rebuilds the run after a crash), memory sampler,
    // scheduler and results document.
    RunSession session(registry);
    RunSessionSetup setup;
    setup.journalPath = options.journalFile;
    setup.versusVersion = VERSUS_VERSION;
    plan.options.workerMemoryLimitBytes = static_cast<std::int64_t>(options.memoryLimitMb * 1024 * 1024);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    session.start(plan, setup);
    for (const auto& warning : session.document().warnings)
        std::cerr << "versus: warning: " << warning << "\n";
    if (!session.journalError().empty())
        std::cerr << "versus: warning: no journal for this run: " << session.journalError() << "\n";
    CliProgress progress(std::cerr, isatty(STDERR_FILENO) == 1, options.quiet);
    std::optional<std::chrono::steady_clock::time_point> cancelledAt;
    while (!session.done()) {
        if (g_interrupts > 1)
            exitAtOnce(session);
        if (g_interrupts > 0 && !cancelledAt) {
            std::cerr << "\nversus: stopping (" << strsignal(g_interruptSignal) << "; again to exit at once)\n";
            session.cancel();
            cancelledAt = std::chrono::steady_clock::now();
        }
        if (cancelledAt && std::chrono::steady_clock::now() - *cancelledAt >= kAbandonAfter)
            abandonRun(session, progress, catalog, options, gui);
        session.pump(progress, std::chrono::milliseconds(cancelledAt ? 20 : 100), 256);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    killDescendantProcesses();  // whatever workload code left running does not outlive the run

    for (const auto& skipped : session.skipped())
        std::cerr << "versus: skipped: " << skipped.reason << "\n";
    return reportRun(session.document(), catalog, options, g_interrupts > 0 ? 128 + g_interruptSignal : -1, gui);
}

int reportRun(const ResultsDocument& document, const Catalog& catalog, const RunOptions& options, int interruptedStatus,
              GuiBackend& gui)
{
    const std::vector<Result>& results = document.results;
    std::cout << formatResultsTable(results, catalog.callUnits());
    // Workloads stepped over workers (cpu_parallel): the parallel models against their single-threaded baseline.
    std::vector<std::string> stepped;
    for (const Result& r : results)
        if (r.params.count("workers") && std::find(stepped.begin(), stepped.end(), r.workloadId) == stepped.end())
            stepped.push_back(r.workloadId);
    for (const std::string& id : stepped)
        if (const std::string table = formatSpeedupTable(results, id, "workers"); !table.empty())
            std::cout << "\n" << table;
    if (const std::string table = formatHttpLoadTable(results); !table.empty())
        std::cout << "\n" << table;
    std::cout << formatReportedTable(results, catalog);
    std::vector<std::pair<std::string, std::string>> exports;  // file, format ("" = from the extension)
    for (const auto& file : options.jsonFiles)
        exports.emplace_back(file, "json");
    for (const auto& file : options.exportFiles)
        exports.emplace_back(file, "");
    for (const auto& [file, format] : exports) {
        if (const auto written = exportDocument(document, file, format, gui); !written)
            return fail(written.error());
        std::cerr << "versus: wrote " << file << "\n";
    }
    for (const auto& file : options.charts) {
        if (const auto drawn = gui.renderCharts(results, file, 1200, 800, 144); !drawn)
            return fail("chart " + file + ": " + drawn.error());
        std::cerr << "versus: wrote " << file << "\n";
    }
    if (interruptedStatus > 0)
        return interruptedStatus;
    for (const auto& r : results)
        if (!r.ok())
            return 1;
    return results.empty() ? 1 : 0;
}

/// Makes a file name absolute as it is parsed, before any job runs: workload code may change the working directory
/// before the files are written.
const CLI::Validator kAbsolutePath(
    [](std::string& path) {
        path = std::filesystem::absolute(path).string();
        return std::string();
    },
    "", "absolute");

void addRunOptions(CLI::App& run, RunOptions& o)
{
    std::vector<std::string> orders;
    for (RunOrder order : {RunOrder::Sequential, RunOrder::Interleaved, RunOrder::Random, RunOrder::Race})
        orders.emplace_back(runOrderName(order));
    run.add_option("-w,--workload", o.workloads, "a workload id, a category, or 'all' (repeatable)")
        ->required()
        ->type_name("ID");
    run.add_option("-r,--runtime", o.runtimes, "python, node, ... (repeatable; default: python and node)")
        ->type_name("ID");
    run.add_option("-p,--param", o.params, "a workload parameter (repeatable), checked against the manifest's limits")
        ->type_name("NAME=VALUE");
    run.add_option("--samples", o.harness.samples, "measured samples per result")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(1));
    run.add_option("--warmup", o.harness.warmupSamples, "warm-up samples, kept and marked")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(0));
    run.add_option("--min-sample-time", o.harness.minSampleTimeMs, "calibration target for one sample, in ms")
        ->capture_default_str()
        ->check(nonNegativeNumber())
        ->type_name("MS");
    run.add_option("--time-budget", o.harness.timeBudgetS, "stop sampling a result after S seconds (0: no budget)")
        ->capture_default_str()
        ->check(nonNegativeNumber())
        ->type_name("S");
    run.add_option("--timeout", o.harness.timeoutS, "stop and fail a result that runs longer, in seconds")
        ->capture_default_str()
        ->check(nonNegativeNumber())
        ->type_name("S");
    run.add_flag("--tiny", o.tiny, "use each workload's tiny parameters (smoke runs)");
    run.add_option("--answer-limit", o.harness.answerLimitBytes, "fail a result whose serialised answer is larger")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(1))
        ->type_name("BYTES");
    run.add_flag("--memory-pass", o.harness.memoryPass,
                 "after the timed samples, one extra call measured for memory (tracemalloc peak; V8 heap growth "
                 "between full collections), reported as memory_pass_* values");
    run.add_option("--order", o.order,
                   "sequential, interleaved (rounds A B A B, so drift spreads evenly), random (seeded rounds) or "
                   "race (runtimes at once, for demos; labelled so)")
        ->capture_default_str()
        ->check(CLI::IsMember(orders));
    run.add_option("--round-samples", o.roundSamples, "measured samples per round of interleaved/random orders")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(1));
    run.add_option("--target-ci", o.targetCiPercent,
                   "adaptive: add rounds until the 95% CI of the median is within PCT% of it (or --time-budget "
                   "runs out; at most 200 samples)")
        ->check(nonNegativeNumber())
        ->type_name("PCT");
    run.add_option("--seed", o.seed, "seed of the random order")->capture_default_str()->check(wholeNumberAtLeast(0));
    run.add_option("--json", o.jsonFiles, "write the results file (schema 2: every sample, summaries, environment)")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_option("--export", o.exportFiles,
                   "also write FILE as .json, .csv, .md or .html, by its extension "
                   "(repeatable)")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_option("--chart", o.charts,
                   "draw the charts (summary with 95% CIs, throughput) to FILE: .png, .svg or .pdf (repeatable)")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_option("--journal", o.journalFile, "where the run's journal goes (default " + defaultJournalPath() + ")")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_flag("-q,--quiet", o.quiet, "no progress on stderr");
    run.add_flag_function(
        "--isolate,!--no-isolate", [&o](std::int64_t count) { o.isolate = count > 0; },
        "run the embedded runtimes' jobs in worker processes, so that a crash, a signal or an exit of workload "
        "code fails that result only (default: on for --workloads-dir, off for the installed catalog)");
    run.add_option("--memory-limit", o.memoryLimitMb,
                   "resident memory an isolated job may use, in MB (default: half of the physical memory)")
        ->check(nonNegativeNumber())
        ->type_name("MB");
}

/// CLI11's error for arguments nobody declared. Its constructor lists them in reverse, as CLI11 keeps them.
CLI::ExtrasError unexpected(std::vector<std::string> arguments)
{
    std::reverse(arguments.begin(), arguments.end());
    return CLI::ExtrasError(arguments);
}

/// What the window takes from the words left over after parsing: Qt's options (a single dash, maybe one value:
/// -style Fusion, -platform offscreen, -reverse) and results files to open, one to show or two to compare (a word
/// right after a Qt option is its value, unless it names a .json file). Anything else is refused.
struct WindowArguments {
    std::vector<std::string> qtOptions;
    std::vector<std::string> files;
};

WindowArguments windowArguments(const std::vector<std::string>& extras)
{
    WindowArguments window;
    bool valueAllowed = false;
    for (const auto& word : extras) {
        const bool qtOption = word.size() > 1 && word[0] == '-' && word[1] != '-';
        const bool json = word.size() > 5 && word.compare(word.size() - 5, 5, ".json") == 0;
        if (qtOption || (valueAllowed && !json)) {
            window.qtOptions.push_back(word);
            valueAllowed = qtOption;
            continue;
        }
        valueAllowed = false;
        if (word.rfind("--", 0) == 0)
            throw unexpected({word});
        if (!std::filesystem::is_regular_file(word))
            throw CLI::ValidationError("FILE",
                                       "'" + word
                                           + "' is not a file: versus opens results files written by "
                                             "'versus run --json' (one to show it, two to compare them)");
        window.files.push_back(std::filesystem::absolute(word).string());
    }
    if (window.files.size() > 2)
        throw CLI::ValidationError("FILE",
                                   "the window opens one results file to show it or two to compare them, not "
                                       + std::to_string(window.files.size()));
    return window;
}

bool hasDisplay()
{
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform)
        return true;  // the user chose a platform (offscreen included): honour it
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

std::string versionText()
{
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    std::string text = std::string("versus ") + VERSUS_VERSION;
    for (const auto& d : registry.descriptors())
        text += "\n  " + d.info.displayVersion();
    return text;  // CLI11 ends the line
}

}  // namespace

int main(int argc, char** argv, GuiBackend& gui)
{
    CLI::App app{"Races Python and Node.js side by side. Without a command, opens the workbench window (or, on a\n"
                 "machine without a display, runs the default job and prints its results table). 'versus FILE.json'\n"
                 "opens a results file in the window, 'versus A.json B.json' compares two. Qt's own options\n"
                 "(-style Fusion, -platform offscreen) go to the window.",
                 "versus"};
    app.footer("Exit status: 0 when every result succeeded, 1 when any failed, 2 for a usage error, 130 when "
               "interrupted by Ctrl-C, 143 by SIGTERM.\n'versus COMMAND --help' lists the options of a command.");
    app.set_version_flag(
        "--version", [] { return versionText(); }, "version of Versus and of its runtimes");
    app.allow_extras();  // Qt's options, when no command is given (checkQtOptions); refused after a command

    std::filesystem::path directory = workloadsDirectory();
    std::vector<std::string> interpreters;  // NAME=PATH
    std::string screenshot, startupScreenshot;
    WindowArguments windowWords;
    app.add_option("--workloads-dir", directory,
                   "read workloads from DIR instead of the installed catalog (list, run, startup-probe)")
        ->check(CLI::ExistingDirectory.description(""))
        ->type_name("DIR");
    app.add_option("--interpreter", interpreters,
                   "add an interpreter as external runtime NAME (list, run, startup; repeatable)")
        ->check(CLI::Validator(
            [](std::string& value) {
                return value.find('=') == std::string::npos
                    ? "needs NAME=PATH, e.g. --interpreter py312=/usr/local/bin/python3.12, got '" + value + "'"
                    : std::string();
            },
            "", "NAME=PATH"))
        ->type_name("NAME=PATH");
    auto* screenshotOption = app.add_option("--screenshot", screenshot,
                                            "race fib on embedded CPython and Node.js in the window and save it as "
                                            "a PNG (given a results file: show that file instead)")
                                 ->type_name("FILE");
    app.add_option("--screenshot-startup", startupScreenshot,
                   "measure start-up in the window's Start-up tab and save it as a PNG")
        ->type_name("FILE")
        ->excludes(screenshotOption);

    auto* list = app.add_subcommand("list", "workloads by category, and runtimes with their versions");
    RunOptions runOptions;
    auto* run = app.add_subcommand("run", "measure workloads on runtimes and print a table");
    addRunOptions(*run, runOptions);
    SelftestOptions selftestOptions;
    auto* selftest = app.add_subcommand("selftest",
                                        "check the instrument on this machine: embedded against the same interpreter "
                                        "as a process, harness cost against timeit and a bare JS loop, cost per "
                                        "sample, clock, cancel latency, spread of a fib median (exit 1 when a figure "
                                        "misses its goal)");
    selftest->alias("harness-bench");  // the name of earlier versions
    addSelftestOptions(*selftest, selftestOptions);
    ClaimsOptions claimsOptions;
    auto* claimsCommandLine = app.add_subcommand(
        "claims",
        "check the article's claims on this machine: runs every testable claim and prints a verdict table "
        "(holds, partly, does not hold, or why it cannot be tested), as Markdown or an HTML handout too");
    addClaimsOptions(*claimsCommandLine, claimsOptions);
    StartupOptions startupOptions;
    auto* startup =
        app.add_subcommand("startup", "process cold start (median, spread, peak RSS) and embedded start-up parts");
    addStartupOptions(*startup, startupOptions);
    RecoverOptions recoverOptions;
    auto* recover = app.add_subcommand("recover", "turn the journal of an interrupted run into a results file");
    addRecoverOptions(*recover, recoverOptions);
    CompareOptions compareOptions;
    auto* compare = app.add_subcommand("compare", "per workload and runtime: the change, its 95% CI and significance");
    addCompareOptions(*compare, compareOptions);
    ExportOptions exportOptions;
    auto* exportResults =
        app.add_subcommand("export", "write a results file as CSV, Markdown, hyperfine JSON or an HTML report");
    addExportOptions(*exportResults, exportOptions);
    auto* help = app.add_subcommand("help", "this text");
    auto* window = app.add_subcommand("gui", "the workbench window, as without a command")->group("");
    auto* probe = app.add_subcommand("startup-probe", "used by 'versus startup'")->group("");  // hidden
    ChartOptions chartOptions;
    auto* renderChartsCommand = app.add_subcommand("render-charts", "used by 'versus run --chart'")->group("");
    addRenderChartsOptions(*renderChartsCommand, chartOptions);
    auto* reportChartsCommand = app.add_subcommand("report-charts", "used by HTML exports")->group("");
    addReportChartsOptions(*reportChartsCommand, chartOptions);
    auto* worker = app.add_subcommand("worker", "used by isolated runs")->group("");  // hidden
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        command->allow_extras(false);
        command->fallthrough();  // --workloads-dir and --interpreter may also follow the command
    }
    window->allow_extras();  // Qt's options

    try {
        app.parse(argc, argv);
        const auto commands = app.get_subcommands();
        if (commands.empty() || window->parsed())
            windowWords = windowArguments(app.remaining(true));
        else if (!app.remaining(true).empty())
            throw unexpected(app.remaining(true));
        if (!commands.empty() && !window->parsed() && (!screenshot.empty() || !startupScreenshot.empty()))
            throw CLI::ExcludesError(screenshot.empty() ? "--screenshot-startup" : "--screenshot",
                                     commands.front()->get_name());
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }

    if (help->parsed()) {  // app.help() would describe the selected subcommand, `help` itself
        std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
        return 0;
    }
    if (app.get_subcommands().empty() || window->parsed()) {
        if (argc == 1 && !hasDisplay())
            return runDefaultJob(gui);
        // The catalog and interpreter options are the commands'; alone, they would be dropped without a word. A
        // plain `versus` with a display opens the window.
        const bool commandOptions = app.count("--workloads-dir") > 0 || app.count("--interpreter") > 0;
        if (!window->parsed() && screenshot.empty() && startupScreenshot.empty() && commandOptions)
            return fail(
                "--workloads-dir and --interpreter need a command: list, run, startup, ... (see versus --help)");
        if (!windowWords.files.empty() && !hasDisplay())
            return fail("opening a results file needs a display (DISPLAY or WAYLAND_DISPLAY is unset); without one, "
                        "'versus export FILE -o FILE.md' writes it as a table, 'versus compare A B' compares two");
        std::vector<std::string> arguments = windowWords.qtOptions;  // as ui/gui.cpp reads them
        arguments.insert(arguments.end(), windowWords.files.begin(), windowWords.files.end());
        if (!screenshot.empty())
            arguments.insert(arguments.end(), {"--screenshot", screenshot});
        if (!startupScreenshot.empty())
            arguments.insert(arguments.end(), {"--screenshot-startup", startupScreenshot});
        return gui.startWindow(arguments);
    }
    if (renderChartsCommand->parsed())
        return renderChartsFromFile(chartOptions, gui);
    if (reportChartsCommand->parsed())
        return reportChartsFromFile(chartOptions, gui);

    if (worker->parsed()) {  // only the embedded runtimes: no interpreter is looked up at each worker's start
        RuntimeRegistry embedded;
        registerEmbeddedRuntimes(embedded);
        return serveIsolatedJob(embedded, kProtocolFd);
    }
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    for (const auto& assignment : interpreters) {
        const auto eq = assignment.find('=');
        const auto added = registerExternalInterpreter(registry, assignment.substr(0, eq), assignment.substr(eq + 1));
        if (!added)
            std::cerr << "versus: --interpreter " << assignment << ": " << added.error() << "\n";
    }
    if (startup->parsed())
        return startupCommand(startupOptions, registry);
    if (recover->parsed())
        return recoverCommand(recoverOptions);
    if (compare->parsed())
        return compareCommand(compareOptions);
    if (exportResults->parsed())
        return exportCommand(exportOptions, gui);
    if (selftest->parsed())
        return selftestCommand(selftestOptions);
    const Catalog catalog = Catalog::load(directory);
    if (catalog.workloads().empty() && !catalog.errors().empty())
        return fail(catalog.errors().front().toString());
    if (list->parsed())
        return listCommand(catalog, registry, directory);
    if (claimsCommandLine->parsed())
        return claimsCommand(claimsOptions, catalog, registry, gui);
    if (run->parsed()) {
        if (runOptions.runtimes.empty())
            runOptions.runtimes = {"python", "node"};
        std::error_code ec;
        runOptions.outsideCatalog = !std::filesystem::equivalent(directory, workloadsDirectory(), ec);
        return executePlan(catalog, registry, runOptions, gui);
    }
    if (probe->parsed())
        return startupProbeCommand(catalog, registry);
    return fail("no command was run");  // every command is handled above
}

int runDefaultJob(GuiBackend& gui)
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
    return executePlan(catalog, registry, options, gui);
}

}  // namespace versus::cli
