// Reads and validates workload manifests. Every error names the file and the field, and never stops the rest.
#include "catalog.h"
#include "install_layout.h"
#include "json_parse_error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <limits>
#include <set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#ifndef VERSUS_SOURCE_DIR
#define VERSUS_SOURCE_DIR ""
#endif

namespace versus {

using nlohmann::json;

namespace {

const std::set<std::string> kLanguages = {"python", "javascript", "native"};
const std::set<std::string> kCategories = {"cpu",  "numeric",     "json",     "file",   "memory", "startup",
                                           "http", "concurrency", "database", "custom", "test"};
/// Servers Versus starts for a run (core/database/plan_services.h).
const std::set<std::string> kServices = {"postgresql"};

/// A Python module ("numpy", "xml.etree") or an npm package ("express", "@fastify/static"): what `requires` may name.
/// The probes pass it as an argument, never as code; this refuses paths and text that is no module at all.
bool isModuleName(const std::string& name)
{
    if (name.empty() || name.size() > 214 || name.front() == '.' || name.front() == '-'
        || name.find("..") != std::string::npos)
        return false;
    const auto slash = name.find('/');
    if (slash != std::string::npos
        && (name.front() != '@' || name.find('/', slash + 1) != std::string::npos || slash + 1 == name.size()))
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (!std::isalnum(c) && c != '_' && c != '.' && c != '-' && c != '/' && !(c == '@' && i == 0))
            return false;
    }
    return true;
}

/// A JSON value as short text for an error message.
std::string shortJson(const json& value)
{
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);  // valid UTF-8 whatever it holds
    return text.size() > 60 ? text.substr(0, 60) + "..." : text;
}

struct ManifestReader {
    std::filesystem::path file;
    std::vector<CatalogError>& errors;
    bool ok = true;

    void fail(const std::string& field, const std::string& message)
    {
        errors.push_back({file, field, message});
        ok = false;
    }

    const json* need(const json& object, const std::string& key, json::value_t type, const std::string& path,
                     const char* typeName)
    {
        auto it = object.find(key);
        if (it == object.end()) {
            fail(path + key, "missing required field '" + key + "' (" + typeName + ")");
            return nullptr;
        }
        bool matches = it->type() == type || (type == json::value_t::number_float && it->is_number())
            || (type == json::value_t::number_integer && it->is_number_integer());
        if (!matches) {
            fail(path + key, "field '" + key + "' must be " + typeName + ", found " + it->type_name());
            return nullptr;
        }
        return &*it;
    }

    std::string needString(const json& object, const std::string& key, const std::string& path)
    {
        const json* value = need(object, key, json::value_t::string, path, "a string");
        return value ? value->get<std::string>() : std::string();
    }

    std::string optString(const json& object, const std::string& key, const std::string& path,
                          const std::string& fallback)
    {
        if (!object.contains(key))
            return fallback;
        return needString(object, key, path);
    }
};

std::optional<ParamValue> jsonToParam(const ParameterSpec& spec, const json& value)
{
    switch (spec.type) {
    case ParamType::Int: {
        // Only values an int64 holds: a larger unsigned would wrap, a larger double would be undefined behaviour.
        constexpr double kInt64End = 9223372036854775808.0;  // 2^63
        if (value.is_number_unsigned())
            return value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max())
                ? std::optional(ParamValue{value.get<std::int64_t>()})
                : std::nullopt;
        if (value.is_number_integer())
            return ParamValue{value.get<std::int64_t>()};
        if (value.is_number_float()) {
            const double v = value.get<double>();
            if (std::floor(v) == v && v >= -kInt64End && v < kInt64End)
                return ParamValue{static_cast<std::int64_t>(v)};
        }
        return std::nullopt;
    }
    case ParamType::Float:
        if (value.is_number())
            return ParamValue{value.get<double>()};
        return std::nullopt;
    case ParamType::Bool:
        if (value.is_boolean())
            return ParamValue{value.get<bool>()};
        return std::nullopt;
    case ParamType::Choice:
        if (value.is_string())
            return ParamValue{value.get<std::string>()};
        return std::nullopt;
    }
    return std::nullopt;
}

/// Null when `value` fits the spec, else the reason.
std::optional<std::string> checkLimits(const ParameterSpec& spec, const ParamValue& value)
{
    auto outside = [&](double v) { return (spec.min && v < *spec.min) || (spec.max && v > *spec.max); };
    bool typeOk = true;
    bool inLimits = true;
    switch (spec.type) {
    case ParamType::Int:
        typeOk = std::holds_alternative<std::int64_t>(value);
        inLimits = typeOk && !outside(static_cast<double>(std::get<std::int64_t>(value)));
        break;
    case ParamType::Float:
        typeOk = std::holds_alternative<double>(value) || std::holds_alternative<std::int64_t>(value);
        if (typeOk) {
            double v = std::holds_alternative<double>(value) ? std::get<double>(value)
                                                             : static_cast<double>(std::get<std::int64_t>(value));
            inLimits = std::isfinite(v) && !outside(v);
        }
        break;
    case ParamType::Bool:
        typeOk = std::holds_alternative<bool>(value);
        break;
    case ParamType::Choice:
        typeOk = std::holds_alternative<std::string>(value);
        inLimits = typeOk
            && std::find(spec.choices.begin(), spec.choices.end(), std::get<std::string>(value)) != spec.choices.end();
        break;
    }
    if (typeOk && inLimits)
        return std::nullopt;
    return "parameter '" + spec.name + "' must be " + spec.describeLimits() + " (got " + formatParamValue(value) + ")";
}

bool sameValue(const ParamValue& a, const ParamValue& b)
{
    auto asDouble = [](const ParamValue& v) -> std::optional<double> {
        if (auto i = std::get_if<std::int64_t>(&v))
            return static_cast<double>(*i);
        if (auto d = std::get_if<double>(&v))
            return *d;
        return std::nullopt;
    };
    auto da = asDouble(a), db = asDouble(b);
    if (da && db)
        return *da == *db;
    return a == b;
}

/// The script `file` names, resolved after symlinks, when it is a readable regular file inside `directory`; else
/// why not. Checked at load, so that a manifest cannot run a file outside its folder nor fail later at run time.
Expected<std::filesystem::path> resolveScript(const std::filesystem::path& directory, const std::string& file)
{
    namespace fs = std::filesystem;
    const fs::path named(file);
    if (named.is_absolute())
        return Error{"script '" + file + "' is an absolute path: name a script inside the workload folder "
                     + directory.string() + ", relative to it"};
    std::error_code ec;
    const fs::path folder = fs::canonical(directory, ec);
    if (ec)
        return Error{"the workload folder " + directory.string() + " cannot be resolved: " + ec.message()};
    const fs::path script = fs::weakly_canonical(folder / named, ec);
    if (ec)
        return Error{"script '" + file + "' cannot be resolved: " + ec.message()};
    // Inside means: the folder's components are a prefix of the script's, and the script is not the folder itself.
    const auto [folderEnd, scriptAt] = std::mismatch(folder.begin(), folder.end(), script.begin(), script.end());
    if (folderEnd != folder.end() || scriptAt == script.end())
        return Error{"script '" + file + "' resolves to " + script.string() + ", outside the workload folder "
                     + folder.string() + ": a manifest may only run scripts inside its own folder"};
    const fs::file_status status = fs::status(script, ec);
    if (!fs::exists(status))
        return Error{"script '" + file + "' does not exist in " + directory.string()};
    if (!fs::is_regular_file(status))
        return Error{"script '" + file + "' is not a regular file ("
                     + (fs::is_directory(status) ? std::string("a folder") : std::string("a device, FIFO or socket"))
                     + "): name a .py or .js file"};
    if (::access(script.c_str(), R_OK) != 0)
        return Error{"script '" + file + "' cannot be read: " + std::strerror(errno)};
    return script;
}

}  // namespace

std::string ParameterSpec::describeLimits() const
{
    switch (type) {
    case ParamType::Int:
    case ParamType::Float: {
        std::string kind = type == ParamType::Int ? "an integer" : "a number";
        if (min && max)
            return kind + " from " + formatNumber(*min) + " to " + formatNumber(*max);
        if (min)
            return kind + " of at least " + formatNumber(*min);
        if (max)
            return kind + " of at most " + formatNumber(*max);
        return kind;
    }
    case ParamType::Bool:
        return "true or false";
    case ParamType::Choice: {
        std::string text = "one of ";
        for (size_t i = 0; i < choices.size(); ++i)
            text += (i ? ", " : "") + choices[i];
        return text;
    }
    }
    return "valid";
}

std::string CatalogError::toString() const
{
    std::string text = file.string();
    if (!field.empty())
        text += ": field '" + field + "'";
    return text + ": " + message;
}

std::string ReportColumn::keyFor(const ParamValues& params) const
{
    std::string key = name;
    for (const auto& [parameter, value] : params) {
        const std::string placeholder = "{" + parameter + "}";
        for (std::size_t at = key.find(placeholder); at != std::string::npos; at = key.find(placeholder))
            key.replace(at, placeholder.size(), formatParamValue(value));
    }
    return key;
}

const ParameterSpec* Workload::parameter(const std::string& name) const
{
    for (const auto& p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

std::vector<const Implementation*> Workload::implementationsFor(const std::string& language) const
{
    std::vector<const Implementation*> found;
    for (const auto& impl : implementations)
        if (impl.language == language)
            found.push_back(&impl);
    return found;
}

Expected<ParamValues> Workload::resolveParams(const ParamValues& overrides) const
{
    ParamValues out;
    for (const auto& spec : parameters)
        out[spec.name] = spec.defaultValue;
    for (const auto& [name, value] : overrides) {
        const ParameterSpec* spec = parameter(name);
        if (!spec) {
            std::string known;
            for (const auto& p : parameters)
                known += (known.empty() ? "" : ", ") + p.name;
            return Error{"workload '" + id + "' has no parameter '" + name + "'"
                         + (known.empty() ? std::string(" (it takes none)") : " (it takes: " + known + ")")};
        }
        ParamValue v = value;
        if (spec->type == ParamType::Float)
            if (auto i = std::get_if<std::int64_t>(&value))
                v = static_cast<double>(*i);
        if (auto error = checkLimits(*spec, v))
            return Error{"workload '" + id + "': " + *error};
        out[name] = v;
    }
    return out;
}

std::vector<ParamValues> Workload::stepOverrides(const ParamValues& overrides, unsigned cores) const
{
    if (steps.parameter.empty() || overrides.count(steps.parameter))
        return {overrides};
    std::int64_t limit = std::numeric_limits<std::int64_t>::max();
    if (steps.upTo == "cores") {
        limit = std::max<std::int64_t>(1, cores);
    } else if (!steps.upTo.empty()) {
        if (auto resolved = resolveParams(overrides))
            if (auto* value = std::get_if<std::int64_t>(&(*resolved)[steps.upTo]))
                limit = *value;
    }
    std::vector<std::int64_t> values;
    for (std::int64_t v : steps.values)
        if (v <= limit)
            values.push_back(v);
    if (!steps.upTo.empty() && (values.empty() || values.back() < limit)
        && std::find(steps.values.begin(), steps.values.end(), limit) == steps.values.end()) {
        const ParameterSpec* spec = parameter(steps.parameter);
        if (spec && (!spec->max || static_cast<double>(limit) <= *spec->max))
            values.push_back(limit);
    }
    std::vector<ParamValues> result;
    for (std::int64_t v : values) {
        ParamValues step = overrides;
        step[steps.parameter] = v;
        result.push_back(std::move(step));
    }
    return result;
}

std::optional<std::string> Workload::expectedAnswerFor(const ParamValues& params) const
{
    for (const auto& known : expected) {
        bool matches = true;
        for (const auto& [name, value] : known.params) {
            auto it = params.find(name);
            if (it == params.end() || !sameValue(it->second, value)) {
                matches = false;
                break;
            }
        }
        if (matches)
            return known.answerJson;
    }
    return std::nullopt;
}

std::optional<Workload> Catalog::loadManifest(const std::filesystem::path& manifestFile,
                                              std::vector<CatalogError>& errors)
{
    ManifestReader r{manifestFile, errors};
    json doc;
    {
        std::ifstream in(manifestFile);
        if (!in) {
            r.fail("", "cannot be opened");
            return std::nullopt;
        }
        try {
            doc = json::parse(in);
        } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e309
            r.fail("", "is not valid JSON: " + describeJsonError(e));
            return std::nullopt;
        }
    }
    if (!doc.is_object()) {
        r.fail("", "must hold a JSON object");
        return std::nullopt;
    }
    if (doc.contains("schema_version") && (!doc["schema_version"].is_number_integer() || doc["schema_version"] != 1)) {
        r.fail("schema_version", "this Versus reads manifest schema_version 1; update Versus or the manifest");
        return std::nullopt;
    }

    Workload w;
    w.directory = std::filesystem::absolute(manifestFile).parent_path();
    w.id = r.needString(doc, "id", "");
    if (r.ok && w.id != w.directory.filename().string())
        r.fail("id", "must equal the folder name '" + w.directory.filename().string() + "', found '" + w.id + "'");
    w.title = r.needString(doc, "title", "");
    w.category = r.needString(doc, "category", "");
    if (!w.category.empty() && !kCategories.count(w.category))
        r.fail("category", "unknown category '" + w.category + "'");
    w.description = r.needString(doc, "description", "");
    w.claim = r.optString(doc, "claim", "", "");
    w.service = r.optString(doc, "service", "", "");
    if (!w.service.empty() && !kServices.count(w.service))
        r.fail("service", "unknown service '" + w.service + "': Versus can start 'postgresql'");
    if (doc.contains("default_job")) {
        if (doc["default_job"].is_boolean())
            w.defaultJob = doc["default_job"].get<bool>();
        else
            r.fail("default_job", "must be true or false");
    }

    if (const json* params =
            doc.contains("parameters") ? r.need(doc, "parameters", json::value_t::array, "", "an array") : nullptr) {
        for (size_t i = 0; i < params->size(); ++i) {
            const json& p = (*params)[i];
            std::string path = "parameters[" + std::to_string(i) + "].";
            if (!p.is_object()) {
                r.fail(path.substr(0, path.size() - 1), "must be an object");
                continue;
            }
            ParameterSpec spec;
            spec.name = r.needString(p, "name", path);
            std::string type = r.needString(p, "type", path);
            spec.description = r.optString(p, "description", path, "");
            spec.unit = r.optString(p, "unit", path, "");
            if (type == "int")
                spec.type = ParamType::Int;
            else if (type == "float")
                spec.type = ParamType::Float;
            else if (type == "bool")
                spec.type = ParamType::Bool;
            else if (type == "choice")
                spec.type = ParamType::Choice;
            else if (!type.empty()) {
                r.fail(path + "type", "must be int, float, bool or choice, found '" + type + "'");
                continue;
            }
            for (const char* bound : {"min", "max"}) {
                if (!p.contains(bound))
                    continue;
                if (!p[bound].is_number()) {
                    r.fail(path + bound, std::string("must be a number"));
                    continue;
                }
                (std::string(bound) == "min" ? spec.min : spec.max) = p[bound].get<double>();
            }
            if (spec.min && spec.max && *spec.min > *spec.max) {
                r.fail(path + "max",
                       "must not be below min (" + formatNumber(*spec.min) + "), found " + formatNumber(*spec.max));
                continue;
            }
            if (spec.type == ParamType::Choice) {
                if (const json* choices = r.need(p, "choices", json::value_t::array, path, "an array of strings"))
                    for (const auto& c : *choices) {
                        if (c.is_string())
                            spec.choices.push_back(c.get<std::string>());
                        else
                            r.fail(path + "choices", "must hold strings only");
                    }
            }
            if (!p.contains("default")) {
                r.fail(path + "default", "missing required field 'default'");
                continue;
            }
            auto value = jsonToParam(spec, p["default"]);
            if (!value) {
                r.fail(path + "default", "does not match type '" + type + "'");
                continue;
            }
            if (auto error = checkLimits(spec, *value)) {
                r.fail(path + "default", *error);
                continue;
            }
            spec.defaultValue = *value;
            w.parameters.push_back(std::move(spec));
        }
    }

    auto readParamObject = [&](const json& object, const std::string& path, ParamValues& out) {
        if (!object.is_object()) {
            r.fail(path, "must be an object of parameter values");
            return;
        }
        for (const auto& [name, value] : object.items()) {
            const ParameterSpec* spec = w.parameter(name);
            if (!spec) {
                r.fail(path + "." + name, "names no parameter of this workload");
                continue;
            }
            auto v = jsonToParam(*spec, value);
            if (!v) {
                r.fail(path + "." + name, "does not match the parameter's type: must be " + spec->describeLimits());
                continue;
            }
            if (auto error = checkLimits(*spec, *v)) {
                r.fail(path + "." + name, *error);
                continue;
            }
            out[name] = *v;
        }
    };
    if (doc.contains("tiny"))
        readParamObject(doc["tiny"], "tiny", w.tinyParams);

    if (doc.contains("steps")) {
        const json& st = doc["steps"];
        if (!st.is_object()) {
            r.fail("steps", "must be an object {parameter, values, up_to}");
        } else {
            w.steps.parameter = r.needString(st, "parameter", "steps.");
            w.steps.upTo = r.optString(st, "up_to", "steps.", "");
            const ParameterSpec* stepped = w.parameter(w.steps.parameter);
            if (!w.steps.parameter.empty() && (!stepped || stepped->type != ParamType::Int))
                r.fail("steps.parameter", "must name an int parameter of this workload");
            const ParameterSpec* bound = w.parameter(w.steps.upTo);
            if (!w.steps.upTo.empty() && w.steps.upTo != "cores" && (!bound || bound->type != ParamType::Int))
                r.fail("steps.up_to", "must be \"cores\" or name an int parameter of this workload");
            if (const json* values = r.need(st, "values", json::value_t::array, "steps.", "an array of integers")) {
                for (const auto& v : *values) {
                    if (!v.is_number_integer()
                        || (!w.steps.values.empty() && v.get<std::int64_t>() <= w.steps.values.back())) {
                        r.fail("steps.values", "must hold integers in ascending order");
                        break;
                    }
                    if (stepped && checkLimits(*stepped, ParamValue{v.get<std::int64_t>()})) {
                        r.fail("steps.values", *checkLimits(*stepped, ParamValue{v.get<std::int64_t>()}));
                        break;
                    }
                    w.steps.values.push_back(v.get<std::int64_t>());
                }
            }
        }
    }

    if (doc.contains("metric")) {
        const json& m = doc["metric"];
        if (!m.is_object()) {
            r.fail("metric", "must be an object");
        } else {
            std::string kind = r.optString(m, "kind", "metric.", "time");
            w.metric.unit = r.optString(m, "unit", "metric.", kind == "time" ? "ms" : "");
            w.metric.callUnit = r.optString(m, "call_unit", "metric.", "");
            if (!w.metric.callUnit.empty()
                && (w.metric.callUnit.size() > 30
                    || w.metric.callUnit.find_first_not_of("abcdefghijklmnopqrstuvwxyz ") != std::string::npos))
                r.fail("metric.call_unit", "must be a plural noun in lower-case letters, at most 30 (\"requests\")");
            if (kind == "time") {
                w.metric.kind = MetricSpec::Kind::TimePerCall;
            } else if (kind == "throughput") {
                w.metric.kind = MetricSpec::Kind::Throughput;
                w.metric.higherIsBetter = true;
                w.metric.workParameter = r.needString(m, "work_parameter", "metric.");
                if (!w.metric.workParameter.empty() && !w.parameter(w.metric.workParameter))
                    r.fail("metric.work_parameter", "names no parameter of this workload");
            } else if (kind == "reported") {
                w.metric.kind = MetricSpec::Kind::Reported;
                w.metric.reportedName = r.needString(m, "name", "metric.");
                if (m.contains("higher_is_better") && m["higher_is_better"].is_boolean())
                    w.metric.higherIsBetter = m["higher_is_better"].get<bool>();
            } else {
                r.fail("metric.kind", "must be time, throughput or reported, found '" + kind + "'");
            }
        }
    }

    if (doc.contains("report")) {
        const json& report = doc["report"];
        if (!report.is_array())
            r.fail("report", "must be an array of {name, label, format}");
        for (std::size_t i = 0; report.is_array() && i < report.size(); ++i) {
            const std::string path = "report[" + std::to_string(i) + "].";
            if (!report[i].is_object()) {
                r.fail(path.substr(0, path.size() - 1), "must be an object {name, label, format}");
                continue;
            }
            ReportColumn column;
            column.name = r.needString(report[i], "name", path);
            column.label = r.needString(report[i], "label", path);
            const std::string format = r.optString(report[i], "format", path, "number");
            static const std::map<std::string, ReportColumn::Format> kFormats = {
                {"bytes", ReportColumn::Format::Bytes},
                {"share", ReportColumn::Format::Share},
                {"number", ReportColumn::Format::Number},
                {"rate", ReportColumn::Format::Rate}};
            if (const auto found = kFormats.find(format); found != kFormats.end())
                column.format = found->second;
            else
                r.fail(path + "format", "must be bytes, share, number or rate, found '" + format + "'");
            for (std::size_t open = column.name.find('{'); open != std::string::npos;
                 open = column.name.find('{', open + 1)) {
                const std::size_t close = column.name.find('}', open);
                const std::string parameter =
                    close == std::string::npos ? std::string() : column.name.substr(open + 1, close - open - 1);
                if (!w.parameter(parameter))
                    r.fail(path + "name", "'{" + parameter + "}' names no parameter of this workload");
            }
            w.report.push_back(std::move(column));
        }
    }

    if (const json* impls = r.need(doc, "implementations", json::value_t::array, "", "an array")) {
        std::set<std::pair<std::string, std::string>> seen;
        for (size_t i = 0; i < impls->size(); ++i) {
            const json& j = (*impls)[i];
            std::string path = "implementations[" + std::to_string(i) + "].";
            if (!j.is_object()) {
                r.fail(path.substr(0, path.size() - 1), "must be an object");
                continue;
            }
            Implementation impl;
            impl.language = r.needString(j, "language", path);
            if (!impl.language.empty() && !kLanguages.count(impl.language)) {
                r.fail(path + "language",
                       "unknown language '" + impl.language + "' (known: python, javascript, native)");
                continue;
            }
            impl.flavour = r.optString(j, "flavour", path, "plain");
            impl.label = r.optString(j, "label", path, "");
            impl.function = r.optString(j, "function", path, "run");
            if (impl.language != "native") {
                const std::string file = r.needString(j, "file", path);
                if (!file.empty()) {
                    if (auto script = resolveScript(w.directory, file))
                        impl.file = *script;
                    else
                        r.fail(path + "file", script.error());
                }
            }
            if (j.contains("requires")) {
                if (j["requires"].is_array()) {
                    for (const auto& req : j["requires"]) {
                        if (req.is_string() && isModuleName(req.get<std::string>()))
                            impl.requires_.push_back(req.get<std::string>());
                        else
                            r.fail(path + "requires",
                                   shortJson(req)
                                       + " is not a module name (a Python module as numpy or an npm package as "
                                         "express or @scope/name)");
                    }
                } else {
                    r.fail(path + "requires", "must be an array of module names");
                }
            }
            if (!seen.insert({impl.language, impl.flavour}).second)
                r.fail(path + "flavour", "a second '" + impl.flavour + "' implementation in " + impl.language);
            w.implementations.push_back(std::move(impl));
        }
        if (impls->empty())
            r.fail("implementations", "must name at least one implementation");
    }

    if (doc.contains("expected")) {
        if (!doc["expected"].is_array()) {
            r.fail("expected", "must be an array of {params, answer}");
        } else {
            for (size_t i = 0; i < doc["expected"].size(); ++i) {
                const json& e = doc["expected"][i];
                std::string path = "expected[" + std::to_string(i) + "]";
                if (!e.is_object() || !e.contains("answer")) {
                    r.fail(path, "must be an object with 'params' and 'answer'");
                    continue;
                }
                ExpectedAnswer known;
                if (e.contains("params"))
                    readParamObject(e["params"], path + ".params", known.params);
                known.answerJson = e["answer"].dump();
                w.expected.push_back(std::move(known));
            }
        }
    }
    if (!r.ok)
        return std::nullopt;
    return w;
}

Catalog Catalog::load(const std::filesystem::path& directory)
{
    Catalog catalog;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        catalog.m_errors.push_back({directory, "", "workload folder does not exist"});
        return catalog;
    }
    std::vector<std::filesystem::path> folders;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory() && !name.empty() && name[0] != '_' && name[0] != '.')
            folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        auto manifest = folder / "manifest.json";
        if (!std::filesystem::exists(manifest)) {
            catalog.m_errors.push_back({manifest, "", "missing: every workload folder needs a manifest.json"});
            continue;
        }
        if (auto w = loadManifest(manifest, catalog.m_errors))
            catalog.m_workloads.push_back(std::move(*w));
    }
    return catalog;
}

const Workload* Catalog::find(const std::string& id) const
{
    for (const auto& w : m_workloads)
        if (w.id == id)
            return &w;
    return nullptr;
}

std::vector<const Workload*> Catalog::select(const std::string& selector) const
{
    std::vector<const Workload*> found;
    for (const auto& w : m_workloads)
        if (selector == "all" ? w.category != "test" : (w.id == selector || w.category == selector))
            found.push_back(&w);
    return found;
}

std::vector<std::string> Catalog::categories() const
{
    std::vector<std::string> result;
    for (const auto& w : m_workloads)
        if (std::find(result.begin(), result.end(), w.category) == result.end())
            result.push_back(w.category);
    return result;
}

Expected<ParamAssignment> parseParamAssignment(const std::string& text)
{
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        return Error{"parameter '" + text + "' must be written name=value, e.g. n=27"};
    return ParamAssignment{text.substr(0, eq), text.substr(eq + 1)};
}

Expected<ParamValue> parseParamValue(const ParameterSpec& spec, const std::string& text)
{
    auto bad = [&] {
        return Error{"parameter '" + spec.name + "' must be " + spec.describeLimits() + " (got '" + text + "')"};
    };
    ParamValue out;
    try {
        size_t used = 0;
        switch (spec.type) {
        case ParamType::Int: {
            long long v = std::stoll(text, &used);
            if (used != text.size())
                return bad();
            out = static_cast<std::int64_t>(v);
            break;
        }
        case ParamType::Float: {
            double v = std::stod(text, &used);
            if (used != text.size())
                return bad();
            out = v;
            break;
        }
        case ParamType::Bool:
            if (text == "true" || text == "1")
                out = true;
            else if (text == "false" || text == "0")
                out = false;
            else
                return bad();
            break;
        case ParamType::Choice:
            out = text;
            break;
        }
    } catch (const std::exception&) {
        return bad();
    }
    if (auto error = checkLimits(spec, out))
        return Error{*error};
    return out;
}

std::filesystem::path dataDirectory()
{
    if (const char* env = std::getenv("VERSUS_DATA_DIR"); env && *env)
        return env;
    if (auto installed = installedDataDirectory(); !installed.empty())
        return installed;
    return VERSUS_SOURCE_DIR;
}

std::filesystem::path workloadsDirectory()
{
    return dataDirectory() / "workloads";
}

std::filesystem::path harnessDirectory()
{
    return dataDirectory() / "core" / "harness";
}

std::map<std::string, std::string> Catalog::callUnits() const
{
    std::map<std::string, std::string> units;
    for (const Workload& w : m_workloads)
        if (!w.metric.callUnit.empty())
            units[w.id] = w.metric.callUnit;
    return units;
}

}  // namespace versus
