// The classroom's ready-made demos as data (demos.json beside claims.json): what each runs, the chart it shows, the
// guess the class makes, the claim it illustrates; and from a demo's measurements to the numbers it reveals. No Qt.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "catalog.h"
#include "expected.h"
#include "result.h"
#include "run_scheduler.h"
#include "statistics.h"

namespace versus {
class RuntimeRegistry;
}

namespace versus::claims {

class ClaimCatalog;

enum class DemoKind {
    Run,  ///< a run plan through a RunSession: one workload on some runtimes
    Startup,  ///< cold starts of process runtimes (the start-up study's plain start of each)
};

enum class DemoChart {
    Samples,  ///< per-call time of every sample, in order: warm-up shows
    Bars,  ///< median time per call (or start-up) of each series
    Speedup,  ///< each series' speed-up over the series it is relative to
};

/// One bar or line of a demo: the results of one runtime and flavour.
struct DemoSeries {
    std::string label;  ///< "CPython + NumPy"
    std::string runtimeId;
    std::string flavour = "plain";
    std::string relativeTo;  ///< Speedup: the label of the series this one is divided into; empty for a baseline
};

/// "Node.js will be __x faster than CPython": the ratio is median(series[slower]) / median(series[faster]).
struct DemoGuess {
    std::string sentence;  ///< "__" marks where the class's number goes
    int slower = 0;
    int faster = 1;
};

struct Demo {
    std::string id;
    std::string title;
    std::string watchFor;  ///< the title card's text: what to watch for
    std::vector<std::string> claimIds;  ///< ids of claims.json; the first gives the article's figure
    DemoKind kind = DemoKind::Run;
    std::string workloadId;  ///< Run
    ParamValues params;  ///< Run: on top of the workload's defaults
    std::vector<std::string> runtimeIds;  ///< what runs (every flavour of the workload on each)
    HarnessOptions options;  ///< Run
    int startupRuns = 10;  ///< Startup: cold starts per runtime
    DemoChart chart = DemoChart::Bars;
    std::vector<DemoSeries> series;
    DemoGuess guess;
};

class DemoCatalog {
public:
    /// Parses the demos file's text; the error names the demo and the field.
    static Expected<DemoCatalog> parse(const std::string& jsonText);
    static Expected<DemoCatalog> load(const std::filesystem::path& file);
    const std::vector<Demo>& demos() const { return m_demos; }
    const Demo* find(const std::string& id) const;

private:
    std::vector<Demo> m_demos;
};

/// <data directory>/core/claims/demos.json, installed beside claims.json.
std::filesystem::path demosFile();

/// What is wrong with `demo` here, one sentence each: a workload, parameter, flavour, runtime or claim that does not
/// exist. Empty when it can run (an unavailable runtime is not a problem: the run says why).
std::vector<std::string> demoProblems(const Demo& demo, const Catalog& catalog, const RuntimeRegistry& registry,
                                      const ClaimCatalog& claims);

/// The run plan of a Run demo: its workload on each of its runtimes, in the flavours its series show, with its
/// parameters and options.
Expected<RunPlan> demoPlan(const Demo& demo, const Catalog& catalog);

/// Per series of `demo`: the per-call times (ns) of its measured samples in order, from `results`; empty for a
/// series that was not measured.
std::vector<std::vector<double>> demoSeriesSamples(const Demo& demo, const std::vector<Result>& results);

/// What the reveal shows: the guess's ratio (slower over faster, with its bootstrap 95% CI), and per series the
/// value its chart bar stands for (median, or speed-up for a Speedup demo; NaN when not measured).
struct DemoReveal {
    stats::Comparison ratio;
    bool measured = false;  ///< both series of the guess have samples
    std::vector<double> barValues;
};
DemoReveal revealDemo(const Demo& demo, const std::vector<std::vector<double>>& seriesSamples);

/// The guess sentence with the class's number in place of "__": "Node.js will be 5x faster than CPython".
std::string guessSentence(const Demo& demo, const std::string& number);

}  // namespace versus::claims
