// From the claims to a run plan, and from its results to verdicts: the one place that decides what a check of the
// article runs and which results each claim is judged on.
#include "claims_plan.h"

#include <algorithm>
#include <cstdlib>

namespace versus::claims {

ClaimsBudget defaultClaimsBudget()
{
    ClaimsBudget b;
    b.options.warmupSamples = 1;
    b.options.samples = 5;
    b.options.minSampleTimeMs = 20;
    b.options.timeBudgetS = 3;  // caps the slow results (http's 1 s slices, cpu_parallel's processes)
    b.options.timeoutS = 60;
    return b;
}

ClaimsBudget tinyClaimsBudget()
{
    ClaimsBudget b;
    b.tiny = true;
    b.options.warmupSamples = 0;
    b.options.samples = 2;
    b.options.minSampleTimeMs = 1;
    b.options.timeoutS = 60;
    b.startupRuns = 2;
    b.startupWarmup = 0;
    return b;
}

std::string olderCpythonRuntime(const RuntimeRegistry& registry)
{
    for (const RuntimeDescriptor& d : registry.descriptors()) {
        const RuntimeInfo& info = d.info;
        if (!d.available() || info.language != "python" || info.name.find("PyPy") != std::string::npos
            || info.id == "pypy3")
            continue;
        // "3.10.12" -> 3, 10: older than 3.11.
        char* end = nullptr;
        const long major = std::strtol(info.version.c_str(), &end, 10);
        const long minor = end && *end == '.' ? std::strtol(end + 1, nullptr, 10) : 0;
        if (major == 3 && minor < 11)
            return info.id;
    }
    return {};
}

namespace {

/// A runtime a check names, resolved: the placeholder "older-cpython" becomes the interpreter the user added.
std::string resolveRuntime(const std::string& id, const RuntimeRegistry& registry)
{
    return id == "older-cpython" ? olderCpythonRuntime(registry) : id;
}

/// Why `runtimeId` cannot run here; empty when it can.
std::string unavailableRuntime(const std::string& runtimeId, const RuntimeRegistry& registry)
{
    const RuntimeDescriptor* d = registry.descriptor(runtimeId);
    if (!d)
        return "no runtime '" + runtimeId + "' on this machine";
    if (!d->available())
        return d->info.name + " is not available here: " + d->unavailableReason;
    return {};
}

/// The check's parameters for `workload` under the budget: tiny or default parameters, then the check's own ("cores"
/// is this machine's core count, within the parameter's limits).
Expected<ParamValues> checkOverrides(const ClaimCheck& check, const Workload& workload, const ClaimsBudget& budget,
                                     unsigned cores)
{
    ParamValues overrides = budget.tiny ? workload.tinyParams : ParamValues{};
    if (!budget.tiny)
        for (const auto& [name, value] : check.defaultParams)
            overrides[name] = value;
    for (const auto& [name, value] : check.params) {
        const ParameterSpec* spec = workload.parameter(name);
        if (!spec)
            return Error{"workload '" + workload.id + "' has no parameter '" + name + "'"};
        if (const auto* text = std::get_if<std::string>(&value); text && *text == "cores") {
            double n = cores;
            if (spec->max)
                n = std::min(n, *spec->max);
            overrides[name] = static_cast<std::int64_t>(n);
        } else {
            overrides[name] = value;
        }
    }
    if (const auto resolved = workload.resolveParams(overrides); !resolved)
        return Error{resolved.error()};
    return overrides;
}

/// Adds `workload` on `runtimeId` with `overrides`, measuring only `flavours` (the ones some check reads): the other
/// flavours of a workload (websocket servers, threads for I/O) would cost minutes and judge nothing.
void addItem(RunPlan& plan, const Workload* workload, const std::string& runtimeId, const ParamValues& overrides,
             const std::vector<std::string>& flavours)
{
    const auto known = std::find_if(plan.items.begin(), plan.items.end(), [&](const PlanItem& item) {
        return item.workload == workload && item.runtimeId == runtimeId && item.overrides == overrides;
    });
    PlanItem& item =
        known != plan.items.end() ? *known : plan.items.emplace_back(PlanItem{workload, runtimeId, overrides});
    for (const std::string& flavour : flavours)
        if (std::find(item.flavours.begin(), item.flavours.end(), flavour) == item.flavours.end())
            item.flavours.push_back(flavour);
}

std::string runtimesOf(const PlannedCheck& p)
{
    return p.check->kind == CheckKind::Ratio ? p.numeratorRuntime + " / " + p.denominatorRuntime : p.runtimeId;
}

}  // namespace

ClaimsPlan planClaims(const ClaimCatalog& claims, const Catalog& catalog, const RuntimeRegistry& registry,
                      const ClaimsBudget& budget, unsigned cores)
{
    ClaimsPlan out;
    out.plan.options = budget.options;
    out.plan.order = RunOrder::Sequential;
    for (const Claim& claim : claims.claims()) {
        if (!claim.notTestable.empty()) {
            out.unmeasured[claim.id] = {Verdict::NotTestable, claim.notTestable};
            continue;
        }
        if (!claim.requiresWorkloadPrefix.empty()) {
            const bool present =
                std::any_of(catalog.workloads().begin(), catalog.workloads().end(),
                            [&](const Workload& w) { return w.id.rfind(claim.requiresWorkloadPrefix, 0) == 0; });
            if (!present) {
                out.unmeasured[claim.id] = {Verdict::NotMeasurableYet,
                                            "its workloads (" + claim.requiresWorkloadPrefix
                                                + "*) are not in this catalog yet; the claim goes live when they land"};
                continue;
            }
        }
        if (claim.requiresCores > 0 && cores < unsigned(claim.requiresCores)) {
            out.unmeasured[claim.id] = {Verdict::NotTestable,
                                        "it needs at least " + std::to_string(claim.requiresCores)
                                            + " cores; this machine has " + std::to_string(cores)};
            continue;
        }
        if (!claim.requiresRuntime.empty() && resolveRuntime(claim.requiresRuntime, registry).empty()) {
            out.unmeasured[claim.id] = {Verdict::NotTestable, claim.requiresRuntimeReason};
            continue;
        }
        for (const ClaimCheck& check : claim.checks) {
            PlannedCheck base;
            base.claim = &claim;
            base.check = &check;
            if (check.kind == CheckKind::Startup) {
                base.runtimeId = check.series.runtimeId;
                base.unavailable = unavailableRuntime(base.runtimeId, registry);
                if (base.unavailable.empty()
                    && std::find(out.startupRuntimes.begin(), out.startupRuntimes.end(), base.runtimeId)
                        == out.startupRuntimes.end())
                    out.startupRuntimes.push_back(base.runtimeId);
                out.checks.push_back(base);
                continue;
            }
            std::vector<std::string> runtimes;
            std::vector<const std::vector<std::string>*> flavours;  // per runtime of `runtimes`
            if (check.kind == CheckKind::Figure) {
                base.runtimeId = resolveRuntime(check.series.runtimeId, registry);
                runtimes = {base.runtimeId};
                flavours = {&check.series.flavours};
            } else {
                base.numeratorRuntime = resolveRuntime(check.numerator.runtimeId, registry);
                base.denominatorRuntime = resolveRuntime(check.denominator.runtimeId, registry);
                runtimes = {base.numeratorRuntime, base.denominatorRuntime};
                flavours = {&check.numerator.flavours, &check.denominator.flavours};
            }
            for (const std::string& id : runtimes)
                if (base.unavailable.empty())
                    base.unavailable = unavailableRuntime(id, registry);
            for (const std::string& pattern : check.workloads) {
                bool matched = false;
                for (const Workload& w : catalog.workloads()) {
                    if (!workloadMatches(pattern, w.id))
                        continue;
                    matched = true;
                    PlannedCheck planned = base;
                    planned.workload = &w;
                    const auto overrides = checkOverrides(check, w, budget, cores);
                    if (!overrides)
                        planned.unavailable = overrides.error();
                    else
                        planned.overrides = *overrides;
                    if (planned.unavailable.empty())
                        for (std::size_t i = 0; i < runtimes.size(); ++i)
                            addItem(out.plan, &w, runtimes[i], planned.overrides, *flavours[i]);
                    out.checks.push_back(planned);
                }
                if (!matched) {
                    PlannedCheck planned = base;
                    planned.unavailable = "workload '" + pattern + "' is not in the catalog";
                    out.checks.push_back(planned);
                }
            }
        }
    }
    return out;
}

namespace {

bool sameParams(const ParamValues& resultParams, const ParamValues& overrides)
{
    for (const auto& [name, value] : overrides) {
        const auto it = resultParams.find(name);
        if (it == resultParams.end() || formatParamValue(it->second) != formatParamValue(value))
            return false;
    }
    return true;
}

/// The result of `planned`'s workload and parameters on `runtimeId`, in the first of `flavours` that was measured.
const Result* findResult(const std::vector<Result>& results, const PlannedCheck& planned, const std::string& runtimeId,
                         const std::vector<std::string>& flavours)
{
    for (const std::string& flavour : flavours)
        for (const Result& r : results)
            if (r.workloadId == planned.workload->id && r.runtimeId == runtimeId && r.flavour == flavour
                && sameParams(r.params, planned.overrides))
                return &r;
    return nullptr;
}

std::string missing(const PlannedCheck& planned, const std::string& runtimeId, const std::vector<std::string>& flavours)
{
    std::string flavourText;
    for (const std::string& f : flavours)
        flavourText += (flavourText.empty() ? "" : " or ") + f;
    return "no result of " + planned.workload->id + " on " + runtimeId + " (" + flavourText
        + "): the run was stopped, or the workload has no such implementation";
}

CheckOutcome judgePlanned(const PlannedCheck& p, const ClaimTolerances& tolerances, const std::vector<Result>& results,
                          const std::vector<StartupFigure>& startup)
{
    const ClaimCheck& check = *p.check;
    const std::string label = (p.workload ? p.workload->id + ": " : std::string("start-up: ")) + runtimesOf(p);
    if (!p.unavailable.empty())
        return untestedCheck(check, label, p.unavailable);
    if (check.kind == CheckKind::Startup) {
        const auto it = std::find_if(startup.begin(), startup.end(),
                                     [&](const StartupFigure& f) { return f.runtimeId == p.runtimeId; });
        if (it == startup.end())
            return untestedCheck(check, label, "the start-up of " + p.runtimeId + " was not measured");
        if (!it->error.empty())
            return untestedCheck(check, it->label, it->error);
        return judgeStartupCheck(check, it->label, it->wallMs, tolerances);
    }
    if (check.kind == CheckKind::Figure) {
        const Result* r = findResult(results, p, p.runtimeId, check.series.flavours);
        return r ? judgeFigureCheck(check, *r, tolerances)
                 : untestedCheck(check, label, missing(p, p.runtimeId, check.series.flavours));
    }
    const Result* numerator = findResult(results, p, p.numeratorRuntime, check.numerator.flavours);
    const Result* denominator = findResult(results, p, p.denominatorRuntime, check.denominator.flavours);
    if (!numerator)
        return untestedCheck(check, label, missing(p, p.numeratorRuntime, check.numerator.flavours));
    if (!denominator)
        return untestedCheck(check, label, missing(p, p.denominatorRuntime, check.denominator.flavours));
    return judgeRatioCheck(check, *numerator, *denominator, tolerances);
}

}  // namespace

std::vector<ClaimOutcome> judgeClaims(const ClaimCatalog& claims, const ClaimsPlan& plan,
                                      const std::vector<Result>& results, const std::vector<StartupFigure>& startup)
{
    std::vector<ClaimOutcome> out;
    for (const Claim& claim : claims.claims()) {
        if (const auto it = plan.unmeasured.find(claim.id); it != plan.unmeasured.end()) {
            out.push_back(unmeasuredClaim(claim, it->second.first, it->second.second));
            continue;
        }
        std::vector<CheckOutcome> checks;
        for (const PlannedCheck& p : plan.checks)
            if (p.claim == &claim)
                checks.push_back(judgePlanned(p, claims.tolerances(), results, startup));
        out.push_back(combineChecks(claim, std::move(checks)));
    }
    return out;
}

}  // namespace versus::claims
