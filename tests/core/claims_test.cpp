// The article's claims as data and the verdict rules: every claim names workloads and runtimes that exist (or says
// why it cannot be measured), and hand-made measurements give the verdict each rule promises.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include <gtest/gtest.h>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "claim_catalog.h"
#include "claims_plan.h"
#include "claims_report.h"
#include "verdict.h"

using namespace versus;
using namespace versus::claims;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// A successful result of `workload` on `runtime` whose measured samples take about `perCallNs` (a small spread).
Result timed(const std::string& workload, const std::string& runtime, double perCallNs,
             const std::string& flavour = "plain")
{
    Result r;
    r.workloadId = workload;
    r.runtimeId = runtime;
    r.runtimeName = runtime;
    r.language = runtime == "native" ? "native" : runtime.find("node") != std::string::npos ? "javascript" : "python";
    r.embedded = runtime == "python" || runtime == "node";
    r.flavour = flavour;
    r.flavourLabel = flavour == "plain" ? "" : flavour;
    for (int i = 0; i < 10; ++i)
        r.samples.push_back({i, false, 1, std::int64_t(perCallNs * (1.0 + 0.01 * (i % 3))), -1});
    r.summary = stats::summarize(r.samples);
    return r;
}

const ClaimCatalog& shipped()
{
    static const ClaimCatalog catalog = [] {
        auto loaded = ClaimCatalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "core/claims/claims.json");
        EXPECT_TRUE(loaded.ok()) << loaded.error();
        return loaded.ok() ? *loaded : ClaimCatalog{};
    }();
    return catalog;
}

ClaimCheck ratioCheck(double low, double high)
{
    ClaimCheck c;
    c.kind = CheckKind::Ratio;
    c.range = {low, high};
    c.statement = "test claim";
    return c;
}

}  // namespace

TEST(ClaimCatalog, ShipsTheArticlesFifteenClaimsInOrder)
{
    const auto& claims = shipped().claims();
    ASSERT_EQ(claims.size(), 15u);
    for (std::size_t i = 0; i < claims.size(); ++i) {
        EXPECT_EQ(claims[i].number, int(i) + 1) << claims[i].id;
        EXPECT_FALSE(claims[i].sentence.empty()) << claims[i].id;
        EXPECT_FALSE(claims[i].articleSays.empty()) << claims[i].id;
        EXPECT_FALSE(claims[i].why.empty()) << claims[i].id;
    }
    EXPECT_EQ(articleClaimCatalogError(), "");  // the build tree finds the same file
    EXPECT_EQ(articleClaimCatalog().claims().size(), claims.size());
}

TEST(ClaimCatalog, EveryClaimNamesWorkloadsAndRuntimesThatExistOrSaysWhyNot)
{
    const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    for (const Claim& claim : shipped().claims()) {
        if (!claim.notTestable.empty()) {
            EXPECT_TRUE(claim.checks.empty()) << claim.id;
            continue;
        }
        for (const ClaimCheck& check : claim.checks) {
            for (const SeriesRef* s : {&check.series, &check.numerator, &check.denominator}) {
                if (s->runtimeId.empty())
                    continue;
                if (s->runtimeId == claim.requiresRuntime)
                    continue;  // a placeholder the claim says how to fill (Add interpreter...)
                EXPECT_NE(registry.descriptor(s->runtimeId), nullptr) << claim.id << ": " << s->runtimeId;
            }
            for (const std::string& pattern : check.workloads) {
                bool found = false;
                for (const Workload& w : catalog.workloads())
                    found = found || workloadMatches(pattern, w.id);
                // Not measurable yet is the only excuse for a missing workload, and only for its prefix.
                const bool pending =
                    !claim.requiresWorkloadPrefix.empty() && pattern.rfind(claim.requiresWorkloadPrefix, 0) == 0;
                EXPECT_TRUE(found || pending) << claim.id << ": " << pattern;
                for (const Workload& w : catalog.workloads()) {
                    if (!workloadMatches(pattern, w.id))
                        continue;
                    for (const auto& [name, value] : check.params) {
                        EXPECT_NE(w.parameter(name), nullptr) << claim.id << ": " << w.id << "." << name;
                    }
                }
            }
        }
    }
}

TEST(ClaimCatalog, RefusesAClaimWithoutARangeAndNamesIt)
{
    const auto parsed = ClaimCatalog::parse(R"({"schema_version": 1, "claims": [{"id": "x", "sentence": "s",
        "checks": [{"kind": "ratio", "workloads": ["fib"], "numerator": {"runtime": "python"},
                    "denominator": {"runtime": "node"}}]}]})");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().find("claim 'x', check 1"), std::string::npos) << parsed.error();
    EXPECT_NE(parsed.error().find("range"), std::string::npos) << parsed.error();
    EXPECT_FALSE(ClaimCatalog::parse(R"({"schema_version": 1, "claims": [{"id": "y", "sentence": "s"}]})").ok());
}

TEST(ClaimCatalog, AboutAFigureMeansWithinTheTolerance)
{
    const Claim* startup = shipped().find("startup");
    ASSERT_NE(startup, nullptr);
    const ClaimCheck& node = startup->checks.front();
    const double f = shipped().tolerances().aboutFactor;
    EXPECT_DOUBLE_EQ(node.range.low, node.about / f);
    EXPECT_DOUBLE_EQ(node.range.high, node.about * f);
    const Claim* objects = shipped().find("object-size");
    ASSERT_NE(objects, nullptr);
    EXPECT_TRUE(std::isinf(objects->checks.front().range.high));  // "at least 28 bytes"
}

TEST(VerdictRules, ARatioInTheClaimedRangeHolds)
{
    EXPECT_EQ(judgeRatio({5, 10}, {7, {6, 8}}, 2), Verdict::Holds);
    EXPECT_EQ(judgeRatio({5, 10}, {11, {9.5, 12}}, 2), Verdict::Holds);  // the CI reaches the range
    EXPECT_EQ(judgeRatio({0, 1}, {0.5, {0.4, 0.6}}, 2), Verdict::Holds);  // "CPython faster"
    EXPECT_EQ(judgeRatio({1, kInf}, {5, {kNan, kNan}}, 2), Verdict::Holds);  // no CI: the value alone
}

TEST(VerdictRules, TheClaimedDirectionButNotTheSizeIsPartly)
{
    EXPECT_EQ(judgeRatio({5, 10}, {14, {12, 18}}, 2), Verdict::Partly);
    EXPECT_EQ(judgeRatio({3, 5}, {1.5, {1.3, 1.7}}, 2), Verdict::Partly);
    EXPECT_EQ(judgeRatio({0.5, 2}, {3, {2.5, 3.5}}, 2), Verdict::Partly);  // "comparable", within the widened range
}

TEST(VerdictRules, NoDifferenceOrTheOtherWayDoesNotHold)
{
    EXPECT_EQ(judgeRatio({5, 10}, {7, {0.9, 12}}, 2), Verdict::DoesNotHold);  // the CI includes 1: no clear difference
    EXPECT_EQ(judgeRatio({2, 3}, {0.25, {0.2, 0.3}}, 2), Verdict::DoesNotHold);  // the other way round
    EXPECT_EQ(judgeRatio({0, 1}, {1.2, {1.1, 1.3}}, 2), Verdict::DoesNotHold);
    EXPECT_EQ(judgeRatio({0.5, 2}, {6.4, {6, 7}}, 2), Verdict::DoesNotHold);
}

TEST(VerdictRules, FiguresHoldWithinTheRangeAndPartlyWithinItsWidening)
{
    EXPECT_EQ(judgeFigure({20, 45}, {30, {28, 33}}, 2), Verdict::Holds);
    EXPECT_EQ(judgeFigure({20, 45}, {80, {75, 85}}, 2), Verdict::Partly);
    EXPECT_EQ(judgeFigure({20, 45}, {111, {100, 120}}, 2), Verdict::DoesNotHold);
    EXPECT_EQ(judgeFigure({28, kInf}, {40.6, {kNan, kNan}}, 2), Verdict::Holds);
    EXPECT_EQ(judgeFigure({28, kInf}, {8, {kNan, kNan}}, 2), Verdict::DoesNotHold);
}

TEST(VerdictRules, RatioChecksCompareLikeWithLikeAndSaySo)
{
    const ClaimCheck check = ratioCheck(5, 10);
    const ClaimTolerances tolerances;
    const CheckOutcome holds =
        judgeRatioCheck(check, timed("fib", "python", 7e6), timed("fib", "node", 1e6), tolerances);
    EXPECT_EQ(holds.verdict, Verdict::Holds);
    EXPECT_EQ(holds.comparedAs, "embedded against embedded");
    EXPECT_NEAR(holds.measurement.value, 7, 0.2);
    EXPECT_LE(holds.measurement.ci.low, holds.measurement.value);
    EXPECT_GE(holds.measurement.ci.high, holds.measurement.value);
    EXPECT_NE(holds.measured.find("faster"), std::string::npos) << holds.measured;

    EXPECT_EQ(judgeRatioCheck(check, timed("fib", "python", 20e6), timed("fib", "node", 1e6), tolerances).verdict,
              Verdict::Partly);
    EXPECT_EQ(judgeRatioCheck(check, timed("fib", "python", 1e6), timed("fib", "node", 3e6), tolerances).verdict,
              Verdict::DoesNotHold);
    const CheckOutcome process =
        judgeRatioCheck(check, timed("fib", "python3", 7e6), timed("fib", "node-process", 1e6), tolerances);
    EXPECT_EQ(process.comparedAs, "process against process");

    // An embedded runtime against a process is not like with like: not judged, and the reason says so.
    const CheckOutcome mixed =
        judgeRatioCheck(check, timed("fib", "python", 7e6), timed("fib", "node-process", 1e6), tolerances);
    EXPECT_EQ(mixed.verdict, Verdict::NotTestable);
    EXPECT_NE(mixed.reason.find("process"), std::string::npos) << mixed.reason;
    EXPECT_EQ(likeWithLike(timed("fib", "python", 1), timed("fib", "native", 1)).value(),
              "embedded against the C++ reference");

    Result failed = timed("fib", "node", 1e6);
    failed.status = ResultStatus::Failed;
    failed.failure.message = "boom";
    const CheckOutcome untested = judgeRatioCheck(check, timed("fib", "python", 7e6), failed, tolerances);
    EXPECT_EQ(untested.verdict, Verdict::NotTestable);
    EXPECT_NE(untested.reason.find("boom"), std::string::npos);
}

TEST(VerdictRules, ReportedFiguresAreScaledAndJudged)
{
    ClaimCheck check;
    check.kind = CheckKind::Figure;
    check.metric = "reported:bytes_per_connection";
    check.scale = 10000;
    check.range = {20e6 / 1.5, 20e6 * 1.5};
    check.unit = "bytes";
    Result r = timed("idle_connections", "node", 1e6);
    r.reported["bytes_per_connection"] = 2000;
    const CheckOutcome holds = judgeFigureCheck(check, r, {});
    EXPECT_EQ(holds.verdict, Verdict::Holds);
    EXPECT_DOUBLE_EQ(holds.measurement.value, 2e7);
    r.reported["bytes_per_connection"] = 4200;
    EXPECT_EQ(judgeFigureCheck(check, r, {}).verdict, Verdict::Partly);
    r.reported.clear();
    EXPECT_EQ(judgeFigureCheck(check, r, {}).verdict, Verdict::NotTestable);
}

TEST(VerdictRules, AClaimCombinesItsChecks)
{
    const Claim claim = *shipped().find("cpu-bound");
    auto outcome = [](Verdict v) {
        CheckOutcome c;
        c.verdict = v;
        c.comparedAs = "embedded against embedded";
        c.reason = v == Verdict::NotTestable ? "PyPy is not available here" : "";
        return c;
    };
    EXPECT_EQ(combineChecks(claim, {outcome(Verdict::Holds), outcome(Verdict::Holds)}).verdict, Verdict::Holds);
    EXPECT_EQ(combineChecks(claim, {outcome(Verdict::Holds), outcome(Verdict::DoesNotHold)}).verdict, Verdict::Partly);
    EXPECT_EQ(combineChecks(claim, {outcome(Verdict::Partly), outcome(Verdict::Holds)}).verdict, Verdict::Partly);
    EXPECT_EQ(combineChecks(claim, {outcome(Verdict::DoesNotHold), outcome(Verdict::NotTestable)}).verdict,
              Verdict::DoesNotHold);
    const ClaimOutcome none = combineChecks(claim, {outcome(Verdict::NotTestable)});
    EXPECT_EQ(none.verdict, Verdict::NotTestable);
    EXPECT_EQ(none.reason, "PyPy is not available here");
    EXPECT_EQ(combineChecks(claim, {outcome(Verdict::Holds)}).comparedAs, "embedded against embedded");
}

TEST(ClaimsPlan, UntestableClaimsSayWhyAndTheDatabaseClaimWaitsForItsWorkloads)
{
    const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    const ClaimsPlan plan = planClaims(shipped(), catalog, registry, tinyClaimsBudget(), 1);
    ASSERT_TRUE(plan.unmeasured.count("serverless-cold-start"));
    EXPECT_EQ(plan.unmeasured.at("serverless-cold-start").first, Verdict::NotTestable);
    const bool hasDb = std::any_of(catalog.workloads().begin(), catalog.workloads().end(),
                                   [](const Workload& w) { return w.id.rfind("db_", 0) == 0; });
    if (!hasDb) {
        ASSERT_TRUE(plan.unmeasured.count("orm"));
        EXPECT_EQ(plan.unmeasured.at("orm").first, Verdict::NotMeasurableYet);
    }
    ASSERT_TRUE(plan.unmeasured.count("gil"));  // one core: threads and processes cannot be told apart
    EXPECT_NE(plan.unmeasured.at("gil").second.find("cores"), std::string::npos);
    if (olderCpythonRuntime(registry).empty()) {
        EXPECT_NE(plan.unmeasured.at("specialising-interpreter").second.find("Add interpreter"), std::string::npos);
    }
    EXPECT_FALSE(plan.plan.items.empty());
    for (const PlanItem& item : plan.plan.items) {
        EXPECT_TRUE(item.workload->resolveParams(item.overrides).ok()) << item.workload->id;
        // Only the flavours some check reads: io_concurrency's threads flavour took half a minute and judged nothing.
        EXPECT_FALSE(item.flavours.empty()) << item.workload->id;
        if (item.workload->id == "io_concurrency") {
            EXPECT_EQ(std::count(item.flavours.begin(), item.flavours.end(), "threads"), 0);
        }
    }

    // Judged with no results at all, every claim still gets a verdict or a reason.
    const auto outcomes = judgeClaims(shipped(), plan, {}, {});
    ASSERT_EQ(outcomes.size(), shipped().claims().size());
    for (const ClaimOutcome& o : outcomes) {
        if (o.verdict == Verdict::NotTestable || o.verdict == Verdict::NotMeasurableYet) {
            EXPECT_FALSE(o.reason.empty()) << o.claim->id;
        }
    }
}

TEST(ClaimsPlan, TheDatabaseClaimGoesLiveWhenItsWorkloadsLand)
{
    // A catalog with a db_ workload: the claim is planned, on the workload, as soon as it exists.
    const auto dir = std::filesystem::temp_directory_path() / "versus_claims_db_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "db_orm");
    std::filesystem::copy(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads/fib", dir / "db_orm",
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    {  // the manifest's id must be its folder's name
        std::ifstream in(dir / "db_orm/manifest.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text.replace(text.find("\"fib\""), 5, "\"db_orm\"");
        std::ofstream(dir / "db_orm/manifest.json", std::ios::trunc) << text;
    }
    const Catalog catalog = Catalog::load(dir);
    ASSERT_NE(catalog.find("db_orm"), nullptr) << (catalog.errors().empty() ? "" : catalog.errors().front().toString());
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    const ClaimsPlan plan = planClaims(shipped(), catalog, registry, tinyClaimsBudget(), 2);
    EXPECT_FALSE(plan.unmeasured.count("orm"));
    const bool planned = std::any_of(plan.plan.items.begin(), plan.plan.items.end(),
                                     [](const PlanItem& item) { return item.workload->id == "db_orm"; });
    EXPECT_TRUE(planned);
    std::filesystem::remove_all(dir);
}

TEST(ClaimsReport, EveryClaimIsInTheTableTheMarkdownAndTheHandout)
{
    std::vector<ClaimOutcome> outcomes;
    for (const Claim& claim : shipped().claims())
        outcomes.push_back(unmeasuredClaim(claim, Verdict::NotTestable, "reason of " + claim.id));
    outcomes[10] = combineChecks(shipped().claims()[10],
                                 {judgeRatioCheck(shipped().claims()[10].checks.front(), timed("fib", "python", 7e6),
                                                  timed("fib", "node", 1e6), {})});
    const std::string text = claimsText(outcomes);
    ResultsDocument doc;
    const std::string markdown = claimsMarkdown(outcomes, doc);
    const std::string html =
        claimsHtml(outcomes, doc, {{"cpu-bound", {ChartSvg{"fib chart", "<svg id=\"c\"></svg>"}}}});
    for (const Claim& claim : shipped().claims()) {
        EXPECT_NE(text.find(claim.sentence), std::string::npos) << claim.id;
        EXPECT_NE(markdown.find(claim.sentence), std::string::npos) << claim.id;
    }
    EXPECT_NE(text.find("holds"), std::string::npos);
    EXPECT_NE(markdown.find("**holds**"), std::string::npos);
    EXPECT_NE(html.find("<svg id=\"c\"></svg>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos);  // self-contained: nothing to fetch
}
