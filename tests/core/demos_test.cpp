// The classroom's ready-made demos as data: every shipped demo names workloads, flavours, runtimes and claims that
// exist, the reader rejects what it cannot use with the field named, and the reveal's numbers come from the samples.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "claim_catalog.h"
#include "demo_catalog.h"

using namespace versus;
using namespace versus::claims;

namespace {

const DemoCatalog& shippedDemos()
{
    static const DemoCatalog demos = [] {
        auto loaded = DemoCatalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "core/claims/demos.json");
        EXPECT_TRUE(loaded) << loaded.error();
        return loaded ? *loaded : DemoCatalog{};
    }();
    return demos;
}

/// A demo file with one demo; `change` edits the demo's JSON text before it is parsed.
std::string oneDemo(const std::string& fields)
{
    return R"({"demos": [{"id": "d", "title": "T", "watch_for": "W", "claims": ["json"], "workload": "fib",
        "runtimes": ["python", "node"], "chart": "bars",
        "series": [{"label": "A", "runtime": "python"}, {"label": "B", "runtime": "node"}])"
        + fields + "}]}";
}

}  // namespace

TEST(Demos, TheSixShippedDemosReferToWhatExists)
{
    const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    auto claims = ClaimCatalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "core/claims/claims.json");
    ASSERT_TRUE(claims) << claims.error();
    ASSERT_EQ(shippedDemos().demos().size(), 6u);
    for (const char* id : {"warmup", "jitless", "numpy", "gil", "startup", "json"})
        EXPECT_NE(shippedDemos().find(id), nullptr) << id;
    for (const Demo& demo : shippedDemos().demos()) {
        for (const std::string& problem : demoProblems(demo, catalog, registry, *claims))
            ADD_FAILURE() << problem;
        if (demo.kind == DemoKind::Run) {
            const auto plan = demoPlan(demo, catalog);
            ASSERT_TRUE(plan) << plan.error();
            EXPECT_EQ(plan->items.size(), demo.runtimeIds.size()) << demo.id;
        }
    }
    // The jitless demo runs the Node.js process with --jitless, beside the same node without it.
    const Demo* jitless = shippedDemos().find("jitless");
    ASSERT_NE(jitless, nullptr);
    EXPECT_NE(std::find(jitless->runtimeIds.begin(), jitless->runtimeIds.end(), "node-jitless"),
              jitless->runtimeIds.end());
}

TEST(Demos, APlanMeasuresOnlyTheFlavoursItsChartShows)
{
    const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    const Demo* numpy = shippedDemos().find("numpy");
    ASSERT_NE(numpy, nullptr);
    const auto plan = demoPlan(*numpy, catalog);
    ASSERT_TRUE(plan) << plan.error();
    ASSERT_EQ(plan->items.size(), 2u);
    const auto flavoursOf = [](const PlanItem& item, const std::string& language) {
        std::vector<std::string> out;
        for (const Implementation* impl : item.implementations(language))
            out.push_back(impl->flavour);
        return out;
    };
    EXPECT_EQ(flavoursOf(plan->items[0], "python"), (std::vector<std::string>{"plain", "numpy"}));
    EXPECT_EQ(flavoursOf(plan->items[1], "javascript"), (std::vector<std::string>{"plain"}));  // not "typed"
    PlanItem every{catalog.find("matmul"), "node", {}};
    EXPECT_EQ(flavoursOf(every, "javascript"), (std::vector<std::string>{"plain", "typed"}));
}

TEST(Demos, ProblemsNameWhatDoesNotExist)
{
    const Catalog catalog = Catalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "workloads");
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    auto claims = ClaimCatalog::load(std::filesystem::path(VERSUS_SOURCE_DIR) / "core/claims/claims.json");
    ASSERT_TRUE(claims);
    auto parsed = DemoCatalog::parse(R"({"demos": [{"id": "d", "title": "T", "watch_for": "W", "claims": ["nope"],
        "workload": "fib", "runtimes": ["python", "rhino"], "chart": "bars", "params": {"n": 999},
        "series": [{"label": "A", "runtime": "python", "flavour": "numpy"}, {"label": "B", "runtime": "rhino"}],
        "guess": {"sentence": "__x", "slower": 0, "faster": 1}}]})");
    ASSERT_TRUE(parsed) << parsed.error();
    const auto problems = demoProblems(parsed->demos().front(), catalog, registry, *claims);
    const auto mentions = [&](const std::string& text) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const std::string& p) { return p.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("no claim 'nope'"));
    EXPECT_TRUE(mentions("no runtime 'rhino'"));
    EXPECT_TRUE(mentions("flavour 'numpy'"));
    EXPECT_TRUE(mentions("'n'"));  // out of its limits
}

TEST(Demos, TheReaderNamesTheDemoAndTheField)
{
    EXPECT_TRUE(DemoCatalog::parse(oneDemo(R"(, "guess": {"sentence": "__x", "slower": 0, "faster": 1})")));
    const auto noGuess = DemoCatalog::parse(oneDemo(""));
    ASSERT_FALSE(noGuess);
    EXPECT_NE(noGuess.error().find("demo 'd': 'guess' is missing"), std::string::npos) << noGuess.error();
    const auto sameSeries = DemoCatalog::parse(oneDemo(R"(, "guess": {"sentence": "__x", "slower": 1, "faster": 1})"));
    ASSERT_FALSE(sameSeries);
    EXPECT_NE(sameSeries.error().find("two different series"), std::string::npos);
    const auto noBlank = DemoCatalog::parse(oneDemo(R"(, "guess": {"sentence": "5x", "slower": 0, "faster": 1})"));
    ASSERT_FALSE(noBlank);
    EXPECT_NE(noBlank.error().find("\"__\""), std::string::npos);
    const auto badChart = DemoCatalog::parse(R"({"demos": [{"id": "d", "title": "T", "watch_for": "W",
        "workload": "fib", "chart": "pie"}]})");
    ASSERT_FALSE(badChart);
    EXPECT_NE(badChart.error().find("'chart'"), std::string::npos);
    EXPECT_FALSE(DemoCatalog::parse("{not json"));
}

TEST(Demos, TheRevealIsTheSlowerOverTheFasterWithBarsAsCharted)
{
    const Demo* json = shippedDemos().find("json");
    ASSERT_NE(json, nullptr);
    // Series: CPython json, CPython ujson, Node.js; the guess is json over Node.js.
    const std::vector<std::vector<double>> samples{{400, 400, 400, 400}, {200, 200, 200, 200}, {100, 100, 100, 100}};
    const DemoReveal reveal = revealDemo(*json, samples);
    ASSERT_TRUE(reveal.measured);
    EXPECT_DOUBLE_EQ(reveal.ratio.ratio, 4.0);
    EXPECT_EQ(reveal.barValues, (std::vector<double>{400, 200, 100}));

    const Demo* gil = shippedDemos().find("gil");
    ASSERT_NE(gil, nullptr);
    // one worker, threads, processes (Python); one worker, worker_threads (Node.js)
    const DemoReveal speedup = revealDemo(*gil, {{100, 100}, {110, 110}, {50, 50}, {40, 40}, {20, 20}});
    ASSERT_EQ(speedup.barValues.size(), 5u);
    EXPECT_DOUBLE_EQ(speedup.barValues[0], 1.0);
    EXPECT_NEAR(speedup.barValues[1], 100.0 / 110, 1e-12);
    EXPECT_DOUBLE_EQ(speedup.barValues[2], 2.0);
    EXPECT_DOUBLE_EQ(speedup.barValues[4], 2.0);
    EXPECT_NEAR(speedup.ratio.ratio, 2.2, 1e-12);  // threads over processes

    const DemoReveal missing = revealDemo(*json, {{400, 400}, {}, {}});
    EXPECT_FALSE(missing.measured);
    EXPECT_TRUE(std::isnan(missing.barValues[2]));
    EXPECT_EQ(guessSentence(*json, "4"), "Node.js will be 4x faster than CPython's json");
}

TEST(Demos, SeriesSamplesComeFromTheMatchingResult)
{
    const Demo* numpy = shippedDemos().find("numpy");
    ASSERT_NE(numpy, nullptr);
    Result plain, vectorised;
    plain.workloadId = vectorised.workloadId = "matmul";
    plain.runtimeId = vectorised.runtimeId = "python";
    plain.flavour = "plain";
    vectorised.flavour = "numpy";
    plain.samples = {{0, true, 1, 999, -1}, {1, false, 2, 2000, -1}};  // warm-up excluded; per call: ns / loops
    vectorised.samples = {{0, false, 1, 30, -1}};
    const auto samples = demoSeriesSamples(*numpy, {vectorised, plain});
    ASSERT_EQ(samples.size(), 3u);
    EXPECT_EQ(samples[0], (std::vector<double>{1000}));
    EXPECT_EQ(samples[1], (std::vector<double>{30}));
    EXPECT_TRUE(samples[2].empty());  // Node.js was not measured
}
