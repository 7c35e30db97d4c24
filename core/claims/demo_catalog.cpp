// Reading demos.json, checking its references, planning a demo and computing what its reveal shows.
#include "demo_catalog.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "claim_catalog.h"
#include "json_parse_error.h"
#include "runtime_registry.h"

namespace versus::claims {

namespace {

using nlohmann::json;

/// A field error, completed with the demo's id by parse().
struct ParseError {
    std::string message;
};

std::string text(const json& object, const char* key, bool required = true)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            throw ParseError{std::string("'") + key + "' is missing"};
        return {};
    }
    if (!it->is_string())
        throw ParseError{std::string("'") + key + "' must be text"};
    return it->get<std::string>();
}

std::vector<std::string> textList(const json& object, const char* key)
{
    std::vector<std::string> out;
    const auto it = object.find(key);
    if (it == object.end())
        return out;
    if (!it->is_array())
        throw ParseError{std::string("'") + key + "' must be a list of text"};
    for (const json& item : *it) {
        if (!item.is_string())
            throw ParseError{std::string("'") + key + "' must be a list of text"};
        out.push_back(item.get<std::string>());
    }
    return out;
}

/// Demos set whole numbers and text only (sizes, worker counts, modes).
ParamValues params(const json& object)
{
    ParamValues out;
    const auto it = object.find("params");
    if (it == object.end())
        return out;
    if (!it->is_object())
        throw ParseError{"'params' must be an object"};
    for (const auto& [name, value] : it->items()) {
        if (value.is_number_integer())
            out[name] = value.get<std::int64_t>();
        else if (value.is_string())
            out[name] = value.get<std::string>();
        else
            throw ParseError{"parameter '" + name + "' must be a whole number or text"};
    }
    return out;
}

HarnessOptions options(const json& object)
{
    HarnessOptions o;
    o.timeoutS = 60;
    const auto it = object.find("options");
    if (it == object.end())
        return o;
    if (!it->is_object())
        throw ParseError{"'options' must be an object"};
    o.warmupSamples = it->value("warmup", o.warmupSamples);
    o.samples = it->value("samples", o.samples);
    o.minSampleTimeMs = it->value("min_sample_ms", o.minSampleTimeMs);
    o.timeBudgetS = it->value("time_budget_s", o.timeBudgetS);
    o.fixedInnerLoops = it->value("fixed_inner_loops", o.fixedInnerLoops);
    if (o.samples < 2 || o.warmupSamples < 0)
        throw ParseError{"'options' needs at least 2 samples and no negative warm-up"};
    return o;
}

DemoChart chartOf(const std::string& name)
{
    if (name == "samples")
        return DemoChart::Samples;
    if (name == "bars")
        return DemoChart::Bars;
    if (name == "speedup")
        return DemoChart::Speedup;
    throw ParseError{"'chart' must be samples, bars or speedup, not '" + name + "'"};
}

Demo demoOf(const json& object)
{
    if (!object.is_object())
        throw ParseError{"a demo must be an object"};
    Demo d;
    d.id = text(object, "id");
    d.title = text(object, "title");
    d.watchFor = text(object, "watch_for");
    d.claimIds = textList(object, "claims");
    const std::string kind = text(object, "kind", false);
    if (kind == "startup")
        d.kind = DemoKind::Startup;
    else if (!kind.empty() && kind != "run")
        throw ParseError{"'kind' must be run or startup"};
    if (d.kind == DemoKind::Run)
        d.workloadId = text(object, "workload");
    d.params = params(object);
    d.runtimeIds = textList(object, "runtimes");
    d.options = options(object);
    d.startupRuns = object.value("startup_runs", d.startupRuns);
    d.chart = chartOf(text(object, "chart"));
    const auto series = object.find("series");
    if (series == object.end() || !series->is_array() || series->size() < 2)
        throw ParseError{"'series' must list at least two series"};
    for (const json& s : *series) {
        DemoSeries out;
        out.label = text(s, "label");
        out.runtimeId = text(s, "runtime");
        if (const std::string flavour = text(s, "flavour", false); !flavour.empty())
            out.flavour = flavour;
        out.relativeTo = text(s, "relative_to", false);
        d.series.push_back(out);
    }
    const auto guess = object.find("guess");
    if (guess == object.end() || !guess->is_object())
        throw ParseError{"'guess' is missing"};
    d.guess.sentence = text(*guess, "sentence");
    d.guess.slower = guess->value("slower", -1);
    d.guess.faster = guess->value("faster", -1);
    const int n = static_cast<int>(d.series.size());
    if (d.guess.slower < 0 || d.guess.slower >= n || d.guess.faster < 0 || d.guess.faster >= n
        || d.guess.slower == d.guess.faster)
        throw ParseError{"'guess' must name two different series by their index (0 to " + std::to_string(n - 1) + ")"};
    if (d.guess.sentence.find("__") == std::string::npos)
        throw ParseError{"the guess's 'sentence' needs \"__\" where the class's number goes"};
    return d;
}

double medianOrNaN(const std::vector<double>& values)
{
    return values.empty() ? std::numeric_limits<double>::quiet_NaN() : stats::median(values);
}

}  // namespace

Expected<DemoCatalog> DemoCatalog::parse(const std::string& jsonText)
{
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        return Error{"demos.json is not valid JSON: " + describeJsonError(e)};
    }
    const auto demos = root.find("demos");
    if (demos == root.end() || !demos->is_array())
        return Error{"demos.json needs a list 'demos'"};
    DemoCatalog catalog;
    for (std::size_t i = 0; i < demos->size(); ++i) {
        const json& object = (*demos)[i];
        try {
            catalog.m_demos.push_back(demoOf(object));
        } catch (const ParseError& e) {
            const std::string id = object.is_object() ? object.value("id", std::string()) : std::string();
            return Error{"demos.json, demo " + (id.empty() ? std::to_string(i + 1) : "'" + id + "'") + ": "
                         + e.message};
        } catch (const json::exception& e) {
            return Error{"demos.json, demo " + std::to_string(i + 1) + ": " + e.what()};
        }
    }
    return catalog;
}

Expected<DemoCatalog> DemoCatalog::load(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return Error{"cannot read the demos file " + file.string() + ": reinstall Versus or set VERSUS_DATA_DIR"};
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str());
}

const Demo* DemoCatalog::find(const std::string& id) const
{
    const auto it = std::find_if(m_demos.begin(), m_demos.end(), [&](const Demo& d) { return d.id == id; });
    return it == m_demos.end() ? nullptr : &*it;
}

std::filesystem::path demosFile()
{
    return dataDirectory() / "core" / "claims" / "demos.json";
}

std::vector<std::string> demoProblems(const Demo& demo, const Catalog& catalog, const RuntimeRegistry& registry,
                                      const ClaimCatalog& claims)
{
    std::vector<std::string> problems;
    const std::string where = "demo '" + demo.id + "': ";
    for (const std::string& id : demo.claimIds)
        if (!claims.find(id))
            problems.push_back(where + "no claim '" + id + "' in claims.json");
    if (demo.claimIds.empty())
        problems.push_back(where + "it names no claim");
    for (const std::string& id : demo.runtimeIds)
        if (!registry.descriptor(id))
            problems.push_back(where + "no runtime '" + id + "'");
    const Workload* workload = demo.kind == DemoKind::Run ? catalog.find(demo.workloadId) : nullptr;
    if (demo.kind == DemoKind::Run) {
        if (!workload)
            problems.push_back(where + "no workload '" + demo.workloadId + "'");
        else if (const auto resolved = workload->resolveParams(demo.params); !resolved)
            problems.push_back(where + resolved.error());
    }
    for (const DemoSeries& s : demo.series) {
        if (std::find(demo.runtimeIds.begin(), demo.runtimeIds.end(), s.runtimeId) == demo.runtimeIds.end())
            problems.push_back(where + "series '" + s.label + "' is on runtime '" + s.runtimeId
                               + "', which the demo does not run");
        if (!s.relativeTo.empty() && std::none_of(demo.series.begin(), demo.series.end(), [&](const DemoSeries& other) {
                return other.label == s.relativeTo;
            }))
            problems.push_back(where + "series '" + s.label + "' is relative to '" + s.relativeTo
                               + "', which is not one of its series");
        const RuntimeDescriptor* d = registry.descriptor(s.runtimeId);
        if (!workload || !d)
            continue;
        const auto impls = workload->implementationsFor(d->info.language);
        if (std::none_of(impls.begin(), impls.end(),
                         [&](const Implementation* impl) { return impl->flavour == s.flavour; }))
            problems.push_back(where + "workload '" + workload->id + "' has no " + d->info.language + " flavour '"
                               + s.flavour + "'");
    }
    return problems;
}

Expected<RunPlan> demoPlan(const Demo& demo, const Catalog& catalog)
{
    const Workload* workload = catalog.find(demo.workloadId);
    if (demo.kind != DemoKind::Run || !workload)
        return Error{"demo '" + demo.id + "' has no workload to run ('" + demo.workloadId + "')"};
    if (const auto resolved = workload->resolveParams(demo.params); !resolved)
        return Error{"demo '" + demo.id + "': " + resolved.error()};
    RunPlan plan;
    plan.options = demo.options;
    plan.order = RunOrder::Sequential;
    for (const std::string& runtimeId : demo.runtimeIds) {
        PlanItem item{workload, runtimeId, demo.params};
        for (const DemoSeries& s : demo.series)  // only what the chart shows: no flavour runs for nothing
            if (s.runtimeId == runtimeId)
                item.flavours.push_back(s.flavour);
        plan.items.push_back(item);
    }
    return plan;
}

std::vector<std::vector<double>> demoSeriesSamples(const Demo& demo, const std::vector<Result>& results)
{
    std::vector<std::vector<double>> out;
    for (const DemoSeries& s : demo.series) {
        const auto it = std::find_if(results.begin(), results.end(), [&](const Result& r) {
            return r.workloadId == demo.workloadId && r.runtimeId == s.runtimeId && r.flavour == s.flavour
                && r.status == ResultStatus::Ok;
        });
        out.push_back(it == results.end() ? std::vector<double>{} : stats::perCallNs(it->samples));
    }
    return out;
}

DemoReveal revealDemo(const Demo& demo, const std::vector<std::vector<double>>& seriesSamples)
{
    DemoReveal reveal;
    const auto samplesOf = [&](std::size_t i) {
        return i < seriesSamples.size() ? seriesSamples[i] : std::vector<double>{};
    };
    const std::vector<double> slower = samplesOf(std::size_t(demo.guess.slower));
    const std::vector<double> faster = samplesOf(std::size_t(demo.guess.faster));
    reveal.measured = !slower.empty() && !faster.empty();
    reveal.ratio = stats::compareSamples(slower, faster);
    for (std::size_t i = 0; i < demo.series.size(); ++i) {
        const double value = medianOrNaN(samplesOf(i));
        const std::string& base = demo.series[i].relativeTo;
        if (demo.chart != DemoChart::Speedup || base.empty()) {
            reveal.barValues.push_back(demo.chart == DemoChart::Speedup ? 1.0 : value);
            continue;
        }
        const auto b =
            std::find_if(demo.series.begin(), demo.series.end(), [&](const DemoSeries& s) { return s.label == base; });
        reveal.barValues.push_back(medianOrNaN(samplesOf(std::size_t(b - demo.series.begin()))) / value);
    }
    return reveal;
}

std::string guessSentence(const Demo& demo, const std::string& number)
{
    std::string out = demo.guess.sentence;
    if (const auto at = out.find("__"); at != std::string::npos)
        out.replace(at, 2, number);
    return out;
}

}  // namespace versus::claims
