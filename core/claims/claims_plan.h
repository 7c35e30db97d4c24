// Checking the article on this machine: which runs every testable claim needs (a run plan and a start-up study),
// and the verdicts once they ran. Shared by `versus claims` and the window's Check the article, so both run the same
// plan and judge it by the same rules. No Qt.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog.h"
#include "claim_catalog.h"
#include "run_scheduler.h"
#include "verdict.h"

namespace versus::claims {

/// How hard to look: the harness options of the plan and the runs of the start-up study.
struct ClaimsBudget {
    bool tiny = false;  ///< each workload's tiny parameters (and the checks' "params", never their "default_params")
    HarnessOptions options;
    int startupRuns = 10;
    int startupWarmup = 1;
};
/// Defaults meant to finish the whole check within about 3 minutes on a 2-core machine: 5 measured samples after 1
/// warm-up, samples of at least 20 ms, at most 3 s of measured samples per result, and 10 cold starts per interpreter.
ClaimsBudget defaultClaimsBudget();
/// A smoke run for tests: tiny parameters, 2 samples, no warm-up, 2 cold starts.
ClaimsBudget tinyClaimsBudget();

/// One check of a claim on one workload, with everything resolved: the parameters and the runtimes.
struct PlannedCheck {
    const Claim* claim = nullptr;
    const ClaimCheck* check = nullptr;
    const Workload* workload = nullptr;  ///< nullptr for start-up
    ParamValues overrides;  ///< what the plan item runs with
    std::string runtimeId;  ///< Startup, Figure
    std::string numeratorRuntime;  ///< Ratio (placeholders resolved)
    std::string denominatorRuntime;
    std::string unavailable;  ///< non-empty: not run, and why (a runtime missing, no such parameter...)
};

/// Everything a check of the article runs.
struct ClaimsPlan {
    RunPlan plan;  ///< one item per workload, runtime and parameters that some check needs, in claim order
    std::vector<std::string> startupRuntimes;  ///< process runtimes whose cold start a check needs, in claim order
    std::vector<PlannedCheck> checks;
    /// Claims that run nothing: not testable here, or not measurable yet, with the reason.
    std::map<std::string, std::pair<Verdict, std::string>> unmeasured;
};

/// A CPython older than 3.11 among the registry's available Python runtimes (an interpreter the user added); empty
/// when there is none. What the placeholder "older-cpython" stands for.
std::string olderCpythonRuntime(const RuntimeRegistry& registry);

/// The plan for every claim of `claims` that this machine can test: unavailable runtimes, missing workloads and too
/// few `cores` make a check or a claim untestable (said, never silently dropped).
ClaimsPlan planClaims(const ClaimCatalog& claims, const Catalog& catalog, const RuntimeRegistry& registry,
                      const ClaimsBudget& budget, unsigned cores);

/// A process runtime's measured cold starts (the study's first command of that runtime).
struct StartupFigure {
    std::string runtimeId;
    std::string label;  ///< "python3 -c pass"
    std::vector<double> wallMs;  ///< one per timed start
    std::string error;  ///< why it was not measured
};

/// Every claim's outcome, in the catalog's order: one per claim, whether it ran or not.
std::vector<ClaimOutcome> judgeClaims(const ClaimCatalog& claims, const ClaimsPlan& plan,
                                      const std::vector<Result>& results, const std::vector<StartupFigure>& startup);

}  // namespace versus::claims
