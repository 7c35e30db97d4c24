// The command line of versus: one CLI11 declaration per option and command; list and run on the same core as the
// GUI, with progress on stderr and the table on stdout.
#include "cli.h"

#include <algorithm>
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
#include <thread>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "event_queue.h"
#include "results/journal.h"
#include "results_commands.h"
#include "memory_sampler.h"
#include "chart_render.h"
#include "gui.h"
#include "option_checks.h"
#include "external/external_process_runtime.h"
#include "cli_progress.h"
#include "run_session.h"
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
    // Output files are absolute from the moment they are parsed: workload code may change the working directory.
    std::vector<std::string> jsonFiles;    ///< results files (schema 2)
    std::vector<std::string> exportFiles;  ///< .json, .csv, .md or .html, by the extension
    std::string journalFile;
    std::vector<std::string> charts;  ///< chart files (.png, .svg, .pdf) of the results
    std::string order = runOrderName(RunOrder::Interleaved);
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
        // A stepped workload (cpu_parallel's workers) gives one item per step and runtime: a result per step.
        for (const ParamValues& step : w->stepOverrides(overrides, std::thread::hardware_concurrency()))
            for (const auto& runtimeId : options.runtimes)
                plan.items.push_back({w, runtimeId, step});
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
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    session.start(plan, setup);
    for (const auto& warning : session.document().warnings)
        std::cerr << "versus: warning: " << warning << "\n";
    if (!session.journalError().empty())
        std::cerr << "versus: warning: no journal for this run: " << session.journalError() << "\n";
    CliProgress progress(std::cerr, isatty(STDERR_FILENO) == 1, options.quiet);
    bool cancelSent = false;
    while (!session.done()) {
        if (g_interrupted && !cancelSent) {
            std::cerr << "\nversus: stopping (interrupted)\n";
            session.cancel();
            cancelSent = true;
        }
        session.pump(progress, std::chrono::milliseconds(100), 256);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    for (const auto& skipped : session.skipped())
        std::cerr << "versus: skipped: " << skipped.reason << "\n";
    const ResultsDocument& document = session.document();
    const std::vector<Result>& results = document.results;
    std::cout << formatResultsTable(results);
    for (const Workload* w : workloads)
        if (w->steps.parameter == "workers")  // the parallel models against their single-threaded baseline
            if (const std::string table = formatSpeedupTable(results, w->id, "workers"); !table.empty())
                std::cout << "\n" << table;
    std::vector<std::pair<std::string, std::string>> exports;  // file, format ("" = from the extension)
    for (const auto& file : options.jsonFiles)
        exports.emplace_back(file, "json");
    for (const auto& file : options.exportFiles)
        exports.emplace_back(file, "");
    for (const auto& [file, format] : exports) {
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
    run.add_option("--export", o.exportFiles, "also write FILE as .json, .csv, .md or .html, by its extension "
                                              "(repeatable)")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_option("--chart", o.charts,
                   "draw the charts (summary with 95% CIs, throughput) to FILE: .png, .svg or .pdf (repeatable)")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_option("--journal", o.journalFile, "where the run's journal goes (default "
                       + defaultJournalPath() + ")")
        ->transform(kAbsolutePath)
        ->type_name("FILE");
    run.add_flag("-q,--quiet", o.quiet, "no progress on stderr");
}

/// CLI11's error for arguments nobody declared. Its constructor lists them in reverse, as CLI11 keeps them.
CLI::ExtrasError unexpected(std::vector<std::string> arguments)
{
    std::reverse(arguments.begin(), arguments.end());
    return CLI::ExtrasError(arguments);
}

/// Refuses what is left over after parsing, unless it is an option of Qt's for the window: Qt's options start with
/// a single dash and may take one value (-style Fusion, -platform offscreen, -reverse).
void checkQtOptions(const std::vector<std::string>& extras)
{
    std::vector<std::string> refused;
    bool valueAllowed = false;
    for (const auto& word : extras) {
        const bool qtOption = word.size() > 1 && word[0] == '-' && word[1] != '-';
        if (!qtOption && !valueAllowed)
            refused.push_back(word);
        valueAllowed = qtOption;
    }
    if (!refused.empty())
        throw unexpected(refused);
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

/// Starts the window with Qt's own options and, when asked, a screenshot: the arguments ui/gui.cpp reads.
int startWindow(const char* program, const std::vector<std::string>& qtOptions, const std::string& screenshotFlag,
                const std::string& screenshotFile)
{
    std::vector<std::string> words{program};
    words.insert(words.end(), qtOptions.begin(), qtOptions.end());
    if (!screenshotFlag.empty()) {
        words.push_back(screenshotFlag);
        words.push_back(screenshotFile);
    }
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    return gui::main(static_cast<int>(words.size()), argv.data());
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

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Races Python and Node.js side by side. Without a command, opens the workbench window (or, on a\n"
                 "machine without a display, runs the default job and prints its results table). Qt's own options\n"
                 "(-style Fusion, -platform offscreen) go to the window.",
                 "versus"};
    app.footer("Exit status: 0 when every result succeeded, 1 when any failed, 2 for a usage error, 130 when "
               "interrupted.\n'versus COMMAND --help' lists the options of a command.");
    app.set_version_flag("--version", [] { return versionText(); }, "version of Versus and of its runtimes");
    app.allow_extras();  // Qt's options, when no command is given (checkQtOptions); refused after a command

    std::filesystem::path directory = workloadsDirectory();
    std::vector<std::string> interpreters;  // NAME=PATH
    std::string screenshot, startupScreenshot;
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
                                            "a PNG")
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
    StartupOptions startupOptions;
    auto* startup = app.add_subcommand("startup",
                                       "process cold start (median, spread, peak RSS) and embedded start-up parts");
    addStartupOptions(*startup, startupOptions);
    RecoverOptions recoverOptions;
    auto* recover = app.add_subcommand("recover", "turn the journal of an interrupted run into a results file");
    addRecoverOptions(*recover, recoverOptions);
    CompareOptions compareOptions;
    auto* compare = app.add_subcommand("compare",
                                       "per workload and runtime: the change, its 95% CI and significance");
    addCompareOptions(*compare, compareOptions);
    ExportOptions exportOptions;
    auto* exportResults = app.add_subcommand("export",
                                             "write a results file as CSV, Markdown, hyperfine JSON or an HTML report");
    addExportOptions(*exportResults, exportOptions);
    auto* help = app.add_subcommand("help", "this text");
    auto* gui = app.add_subcommand("gui", "the workbench window, as without a command")->group("");
    auto* probe = app.add_subcommand("startup-probe", "used by 'versus startup'")->group("");  // hidden
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        command->allow_extras(false);
        command->fallthrough();  // --workloads-dir and --interpreter may also follow the command
    }
    gui->allow_extras();  // Qt's options

    try {
        app.parse(argc, argv);
        const auto commands = app.get_subcommands();
        if (commands.empty() || gui->parsed())
            checkQtOptions(app.remaining(true));
        else if (!app.remaining(true).empty())
            throw unexpected(app.remaining(true));
        if (!commands.empty() && !gui->parsed() && (!screenshot.empty() || !startupScreenshot.empty()))
            throw CLI::ExcludesError(screenshot.empty() ? "--screenshot-startup" : "--screenshot",
                                     commands.front()->get_name());
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }

    if (help->parsed()) {  // app.help() would describe the selected subcommand, `help` itself
        std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
        return 0;
    }
    if (app.get_subcommands().empty() || gui->parsed()) {
        if (argc == 1 && !hasDisplay())
            return runDefaultJob();
        if (!gui->parsed() && screenshot.empty() && startupScreenshot.empty() && app.remaining().empty())
            return fail("--workloads-dir and --interpreter need a command: list, run, startup, ... (see versus --help)");
        if (!screenshot.empty())
            return startWindow(argv[0], app.remaining(true), "--screenshot", screenshot);
        if (!startupScreenshot.empty())
            return startWindow(argv[0], app.remaining(true), "--screenshot-startup", startupScreenshot);
        return startWindow(argv[0], app.remaining(true), "", "");
    }

    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    for (const auto& assignment : interpreters) {
        const auto eq = assignment.find('=');
        const std::string problem = registerExternalInterpreter(registry, assignment.substr(0, eq), assignment.substr(eq + 1));
        if (!problem.empty())
            std::cerr << "versus: --interpreter " << assignment << ": " << problem << "\n";
    }
    if (startup->parsed())
        return startupCommand(startupOptions, registry);
    if (recover->parsed())
        return recoverCommand(recoverOptions);
    if (compare->parsed())
        return compareCommand(compareOptions);
    if (exportResults->parsed())
        return exportCommand(exportOptions);
    if (selftest->parsed())
        return selftestCommand(selftestOptions);
    const Catalog catalog = Catalog::load(directory);
    if (catalog.workloads().empty() && !catalog.errors().empty())
        return fail(catalog.errors().front().toString());
    if (list->parsed())
        return listCommand(catalog, registry, directory);
    if (run->parsed()) {
        if (runOptions.runtimes.empty())
            runOptions.runtimes = {"python", "node"};
        return executePlan(catalog, registry, runOptions);
    }
    if (probe->parsed())
        return startupProbeCommand(catalog, registry);
    return fail("no command was run");  // every command is handled above
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
