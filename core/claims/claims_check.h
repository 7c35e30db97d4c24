// One check of the article on this machine, for every front end: the start-up study, then the plan through one
// RunSession, then the verdicts. `versus claims` and the window's Check the article both call runClaimsCheck, so they
// measure and judge the same way. Blocking; no Qt.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "claims_plan.h"
#include "results/results_file.h"
#include "run_session.h"

namespace versus::claims {

struct ClaimsCheckCallbacks {
    /// Before anything runs: what will run (to size a progress bar).
    std::function<void(const ClaimsPlan&)> onPlan;
    /// Before each command's cold starts: "python3 -c pass", and how many starts.
    std::function<void(const std::string& label, int starts)> onStartup;
    /// Sees every event of the run, on the calling thread; may be null.
    RunObserver* observer = nullptr;
    /// Set from any thread to stop: the run is cancelled and the verdicts use what was measured.
    const std::atomic<bool>* stop = nullptr;
};

/// Everything a check measured and concluded.
struct ClaimsCheck {
    ClaimsPlan plan;
    std::vector<StartupFigure> startup;
    ResultsDocument document;
    std::vector<ClaimOutcome> outcomes;  ///< one per claim, in the article's order
    bool cancelled = false;
};

/// Plans the claims (planClaims), measures the start-up they need (each runtime's plain start through versus-spawn,
/// `versusExecutable` for nothing else), runs the plan through a RunSession and judges it (judgeClaims). Blocks until
/// done or stopped.
ClaimsCheck runClaimsCheck(const ClaimCatalog& claims, const Catalog& catalog, RuntimeRegistry& registry,
                           const ClaimsBudget& budget, unsigned cores, const std::string& versusVersion,
                           const ClaimsCheckCallbacks& callbacks);

}  // namespace versus::claims
