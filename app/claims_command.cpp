// `versus claims`: the same plan and verdicts as the window's Check the article (core/claims/claims_plan.h), run
// through one RunSession as `versus run` runs, with progress and the time left on stderr.
#include "claims_command.h"
#include "command_error.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "catalog.h"
#include "claims_check.h"
#include "claims_report.h"
#include "process_tree.h"
#include "results/output_file.h"
#include "run_progress.h"
#include "text_format.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::cli {

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};  // SIGINT or SIGTERM: stop, and judge what was measured

void onStop(int)
{
    g_stop = true;
}

/// Progress of the plan on stderr: the share of samples done and the time left, at most every two seconds.
class ClaimsProgress final : public RunObserver {
public:
    ClaimsProgress(const RunPlan& plan, const RuntimeRegistry& registry, bool quiet) : m_quiet(quiet)
    {
        m_progress.start(plan, registry);
    }
    void started(const StartedEvent&) override { }
    void calibrated(const CalibratedEvent&) override { }
    void sample(const SampleEvent& e) override
    {
        m_progress.sample(e.key.itemIndex, e.key.flavour);
        report(false);
    }
    void output(const OutputEvent&) override { }
    void finished(const FinishedEvent& e) override { ended(e.result); }
    void failed(const FailedEvent& e) override { ended(e.result); }
    void memory(const MemoryEvent&) override { }
    void gc(const GcEvent&) override { }
    void planDone(const PlanDoneEvent& e) override
    {
        m_progress.finish(e.cancelled);
        report(true);
    }

private:
    void ended(const Result& r)
    {
        m_progress.resultEnded(r.itemIndex, r.flavour);
        report(false);
    }
    void report(bool force)
    {
        const auto now = Clock::now();
        if (m_quiet || (!force && now - m_lastReport < std::chrono::seconds(2)))
            return;
        m_lastReport = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        std::cerr << "versus: claims: " << m_progress.perMille() / 10 << "% (" << m_progress.resultsDone() << " of "
                  << m_progress.resultsExpected() << " results)";
        if (const auto left = m_progress.secondsLeft(elapsed))
            std::cerr << ", " << formatWait(*left) << " left";
        std::cerr << "\n";
    }

    RunProgress m_progress;
    bool m_quiet;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_lastReport = Clock::now();
};

}  // namespace

void addClaimsOptions(CLI::App& command, ClaimsOptions& o)
{
    command.add_flag("--tiny", o.tiny, "a fast smoke run: tiny parameters, 2 samples, 2 cold starts");
    command.add_option("--markdown", o.markdownFile, "write the verdict table and every check as Markdown")
        ->type_name("FILE");
    command.add_option("--html", o.htmlFile, "write a self-contained HTML handout: verdicts and each claim's chart")
        ->type_name("FILE");
    command.add_option("--json", o.jsonFile, "write the results file of the runs behind the verdicts")
        ->type_name("FILE");
    command.add_flag("-q,--quiet", o.quiet, "no progress on stderr");
}

int claimsCommand(const ClaimsOptions& o, const Catalog& catalog, RuntimeRegistry& registry, GuiBackend& gui)
{
    const claims::ClaimCatalog& claimCatalog = claims::articleClaimCatalog();
    if (!claims::articleClaimCatalogError().empty())
        return fail(claims::articleClaimCatalogError());
    const auto started = Clock::now();
    std::unique_ptr<ClaimsProgress> progress;
    claims::ClaimsCheckCallbacks callbacks;
    callbacks.onPlan = [&](const claims::ClaimsPlan& plan) {
        progress = std::make_unique<ClaimsProgress>(plan.plan, registry, o.quiet);
        callbacks.observer = progress.get();
        if (!o.quiet)
            std::cerr << "versus: claims: " << claimCatalog.claims().size() << " claims: " << plan.plan.items.size()
                      << " runs, and the start-up of " << plan.startupRuntimes.size() << " interpreters\n";
    };
    callbacks.onStartup = [&](const std::string& label, int starts) {
        if (!o.quiet)
            std::cerr << "versus: claims: start-up of " << label << " (" << starts << " cold starts)\n";
    };
    callbacks.stop = &g_stop;
    std::signal(SIGINT, onStop);
    std::signal(SIGTERM, onStop);
    const claims::ClaimsCheck check = claims::runClaimsCheck(
        claimCatalog, catalog, registry, o.tiny ? claims::tinyClaimsBudget() : claims::defaultClaimsBudget(),
        std::thread::hardware_concurrency(), VERSUS_VERSION, callbacks);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    killDescendantProcesses();  // whatever workload code left running does not outlive the check

    std::cout << claims::claimsText(check.outcomes);
    if (!o.quiet)
        std::cerr << "versus: claims: checked in "
                  << formatDuration(std::chrono::duration<double, std::nano>(Clock::now() - started).count()) << "\n";
    auto write = [&](const std::string& file, const std::string& bytes) -> Expected<void> {
        if (file.empty())
            return {};
        if (auto written = writeOutputFile(file, bytes); !written)
            return written;
        std::cerr << "versus: wrote " << file << "\n";
        return {};
    };
    if (auto w = write(o.markdownFile, claims::claimsMarkdown(check.outcomes, check.document)); !w)
        return fail(w.error());
    if (!o.htmlFile.empty()) {
        const auto charts = claims::claimCharts(check.outcomes, check.document,
                                                [&](const ResultsDocument& d) { return gui.reportCharts(d); });
        if (!charts)
            std::cerr << "versus: warning: the handout has no charts: " << charts.error() << "\n";
        if (auto w =
                write(o.htmlFile,
                      claims::claimsHtml(check.outcomes, check.document, charts ? *charts : claims::ClaimCharts{}));
            !w)
            return fail(w.error());
    }
    if (auto w = write(o.jsonFile, writeResultsDocument(check.document)); !w)
        return fail(w.error());
    return check.cancelled ? 130 : 0;
}

}  // namespace versus::cli
