// Reading claims.json: one parser for the article's claims, used by the CLI, the window and the charts.
#include "claim_catalog.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog.h"
#include "json_parse_error.h"

namespace versus::claims {

namespace {

using nlohmann::json;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A field error: "claims.json, claim 'json', check 2: 'range' needs [low, high]".
struct ParseError {
    std::string message;
};

std::string stringOr(const json& object, const char* key, const std::string& fallback = {})
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_string())
        throw ParseError{std::string("'") + key + "' must be text"};
    return it->get<std::string>();
}

double numberOr(const json& object, const char* key, double fallback)
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_number())
        throw ParseError{std::string("'") + key + "' must be a number"};
    return it->get<double>();
}

ParamValues paramsOf(const json& object, const char* key)
{
    ParamValues out;
    const auto it = object.find(key);
    if (it == object.end())
        return out;
    if (!it->is_object())
        throw ParseError{std::string("'") + key + "' must be an object of parameter values"};
    for (const auto& [name, value] : it->items()) {
        if (value.is_boolean())
            out[name] = value.get<bool>();
        else if (value.is_number_integer())
            out[name] = value.get<std::int64_t>();
        else if (value.is_number())
            out[name] = value.get<double>();
        else if (value.is_string())
            out[name] = value.get<std::string>();
        else
            throw ParseError{"parameter '" + name + "' must be a number, a boolean or text"};
    }
    return out;
}

SeriesRef seriesOf(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object())
        throw ParseError{std::string("'") + key + "' needs {\"runtime\": ..., \"flavour\": ...}"};
    SeriesRef s;
    s.runtimeId = stringOr(*it, "runtime");
    if (s.runtimeId.empty())
        throw ParseError{std::string("'") + key + "' names no runtime"};
    if (const auto flavour = it->find("flavour"); flavour != it->end()) {
        s.flavours.clear();
        if (flavour->is_string())
            s.flavours.push_back(flavour->get<std::string>());
        else if (flavour->is_array())
            for (const auto& f : *flavour)
                s.flavours.push_back(f.get<std::string>());
        if (s.flavours.empty())
            throw ParseError{std::string("'") + key + ".flavour' must be a flavour or a list of them"};
    }
    return s;
}

ClaimCheck checkOf(const json& c, const ClaimTolerances& tolerances)
{
    ClaimCheck check;
    const std::string kind = stringOr(c, "kind");
    if (kind == "startup")
        check.kind = CheckKind::Startup;
    else if (kind == "figure")
        check.kind = CheckKind::Figure;
    else if (kind == "ratio")
        check.kind = CheckKind::Ratio;
    else
        throw ParseError{"'kind' must be startup, figure or ratio, got '" + kind + "'"};
    if (const auto it = c.find("workloads"); it != c.end())
        check.workloads = it->get<std::vector<std::string>>();
    if (check.kind != CheckKind::Startup && check.workloads.empty())
        throw ParseError{"'workloads' names no workload"};
    check.params = paramsOf(c, "params");
    check.defaultParams = paramsOf(c, "default_params");
    if (check.kind == CheckKind::Startup)
        check.series.runtimeId = stringOr(c, "runtime");
    else if (check.kind == CheckKind::Figure)
        check.series = seriesOf(c, "series");
    else {
        check.numerator = seriesOf(c, "numerator");
        check.denominator = seriesOf(c, "denominator");
    }
    check.metric = stringOr(c, "metric", check.kind == CheckKind::Ratio ? "time" : "calls_per_s");
    if (check.metric != "time" && check.metric != "calls_per_s" && check.metric.rfind("reported:", 0) != 0)
        throw ParseError{"'metric' must be time, calls_per_s or reported:<name>, got '" + check.metric + "'"};
    check.about = numberOr(c, "about", 0);
    if (check.about > 0) {
        check.range = {check.about / tolerances.aboutFactor, check.about * tolerances.aboutFactor};
    } else {
        const auto range = c.find("range");
        if (range == c.end() || !range->is_array() || range->size() != 2 || !(*range)[0].is_number())
            throw ParseError{"needs 'about' or 'range': [low, high] (high null for no upper bound)"};
        check.range = {(*range)[0].get<double>(), (*range)[1].is_null() ? kInfinity : (*range)[1].get<double>()};
        if (!(check.range.low <= check.range.high))
            throw ParseError{"'range' must run from low to high"};
    }
    check.scale = numberOr(c, "scale", 1);
    check.unit = stringOr(c, "unit");
    check.ratioName = stringOr(c, "ratio_name", "ratio");
    check.statement = stringOr(c, "statement");
    return check;
}

}  // namespace

Expected<ClaimCatalog> ClaimCatalog::parse(const std::string& jsonText)
{
    json doc;
    try {
        doc = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        return Error{"the claims file is not valid JSON: " + describeJsonError(e)};
    }
    ClaimCatalog catalog;
    std::string where = "the claims file";
    try {
        if (doc.value("schema_version", 0) != 1)
            return Error{"the claims file has schema_version " + doc.value("schema_version", json()).dump()
                         + "; this Versus reads version 1"};
        if (const auto t = doc.find("tolerances"); t != doc.end()) {
            catalog.m_tolerances.aboutFactor = numberOr(*t, "about_factor", 1.5);
            catalog.m_tolerances.partlyFactor = numberOr(*t, "partly_factor", 2);
        }
        for (const json& c : doc.at("claims")) {
            Claim claim;
            claim.id = stringOr(c, "id");
            where = "claim '" + claim.id + "'";
            claim.number = static_cast<int>(numberOr(c, "number", 0));
            claim.sentence = stringOr(c, "sentence");
            claim.articleSays = stringOr(c, "article_says");
            claim.why = stringOr(c, "why");
            claim.notTestable = stringOr(c, "not_testable");
            if (const auto r = c.find("requires_runtime"); r != c.end()) {
                claim.requiresRuntime = stringOr(*r, "id");
                claim.requiresRuntimeReason = stringOr(*r, "reason");
            }
            claim.requiresWorkloadPrefix = stringOr(c, "requires_workload_prefix");
            claim.requiresCores = static_cast<int>(numberOr(c, "requires_cores", 0));
            if (claim.id.empty() || claim.sentence.empty())
                throw ParseError{"every claim needs an 'id' and a 'sentence'"};
            if (const auto checks = c.find("checks"); checks != c.end()) {
                int index = 0;
                for (const json& check : *checks) {
                    where = "claim '" + claim.id + "', check " + std::to_string(++index);
                    claim.checks.push_back(checkOf(check, catalog.m_tolerances));
                }
            }
            if (claim.checks.empty() && claim.notTestable.empty())
                throw ParseError{"a claim without checks must say why it is not testable ('not_testable')"};
            catalog.m_claims.push_back(std::move(claim));
        }
    } catch (const ParseError& e) {
        return Error{where + ": " + e.message};
    } catch (const json::exception& e) {
        return Error{where + ": " + e.what()};
    }
    return catalog;
}

Expected<ClaimCatalog> ClaimCatalog::load(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return Error{"cannot read the article's claims from " + file.string()
                     + ": reinstall Versus, or set VERSUS_DATA_DIR to the folder that holds core/claims/claims.json"};
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse(text.str());
    if (!parsed)
        return Error{file.string() + ": " + parsed.error()};
    return parsed;
}

const Claim* ClaimCatalog::find(const std::string& id) const
{
    for (const Claim& claim : m_claims)
        if (claim.id == id)
            return &claim;
    return nullptr;
}

std::filesystem::path claimsFile()
{
    return dataDirectory() / "core" / "claims" / "claims.json";
}

namespace {

struct LoadedCatalog {
    ClaimCatalog catalog;
    std::string error;
};

const LoadedCatalog& loadedCatalog()
{
    static const LoadedCatalog loaded = [] {
        LoadedCatalog out;
        auto catalog = ClaimCatalog::load(claimsFile());
        if (catalog)
            out.catalog = std::move(*catalog);
        else
            out.error = catalog.error();
        return out;
    }();
    return loaded;
}

}  // namespace

const ClaimCatalog& articleClaimCatalog()
{
    return loadedCatalog().catalog;
}

const std::string& articleClaimCatalogError()
{
    return loadedCatalog().error;
}

bool workloadMatches(const std::string& pattern, const std::string& workloadId)
{
    if (!pattern.empty() && pattern.back() == '*')
        return workloadId.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
    return pattern == workloadId;
}

}  // namespace versus::claims
