// Results document <-> JSON. The reader checks every type and range itself, so hostile input becomes a message.
#include "results_file.h"

#include <chrono>
#include <ctime>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "git_commit.h"
#include "json_parse_error.h"
#include "statistics.h"

namespace versus {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxNestingDepth = 100;
constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(1) << 30;

// ---------------------------------------------------------------------------------------------------------- writing

json nullIfNegative(double value)
{
    return value < 0 ? json(nullptr) : json(value);
}

json nullIfNegative(std::int64_t value)
{
    return value < 0 ? json(nullptr) : json(value);
}

json paramsToJson(const ParamValues& params)
{
    json out = json::object();
    for (const auto& [name, value] : params)
        std::visit([&out, &key = name](const auto& v) { out[key] = v; }, value);  // clang 14 cannot capture a binding
    return out;
}

/// Canonical answer text back to a JSON value; text that is not JSON is kept as a string.
json answerToJson(const std::string& text)
{
    if (text.empty())
        return nullptr;
    json value = json::parse(text, nullptr, false);
    return value.is_discarded() ? json(text) : value;
}

const char* statusName(ResultStatus status)
{
    switch (status) {
    case ResultStatus::Ok:
        return "ok";
    case ResultStatus::Failed:
        return "failed";
    case ResultStatus::Cancelled:
        return "cancelled";
    }
    return "failed";
}

json summaryToJson(const Summary& s)
{
    return {{"samples", s.samples},
            {"median_ns_per_call", s.medianNs},
            {"ci95_low_ns_per_call", s.ciLowNs},
            {"ci95_high_ns_per_call", s.ciHighNs},
            {"mad_ns_per_call", s.madNs},
            {"mean_ns_per_call", s.meanNs},
            {"stddev_ns_per_call", s.stddevNs},
            {"min_ns_per_call", s.minNs},
            {"max_ns_per_call", s.maxNs},
            {"p5_ns_per_call", s.p5Ns},
            {"p25_ns_per_call", s.p25Ns},
            {"p75_ns_per_call", s.p75Ns},
            {"p95_ns_per_call", s.p95Ns},
            {"p99_ns_per_call", s.p99Ns},
            {"cv", s.cv},
            {"outliers", s.outliers},
            {"steady_state_index", s.steadyStateIndex},
            {"calls_per_s", s.callsPerSecond}};
}

json environmentToJson(const Environment& e)
{
    json load = json::array();
    for (double l : {e.loadAverage1m, e.loadAverage5m, e.loadAverage15m})
        load.push_back(nullIfNegative(l));
    return {{"os", e.os},
            {"kernel", e.kernel},
            {"cpu_model", e.cpuModel},
            {"logical_cores", nullIfNegative(std::int64_t{e.logicalCores})},
            {"governor", e.governor},
            {"turbo", e.turbo},
            {"load_average", load},
            {"aslr", nullIfNegative(std::int64_t{e.aslr})},
            {"memory_total_bytes", nullIfNegative(e.memoryTotalBytes)},
            {"memory_available_bytes", nullIfNegative(e.memoryAvailableBytes)}};
}

json optionsToJson(const HarnessOptions& o)
{
    return {{"warmup_samples", o.warmupSamples},
            {"samples", o.samples},
            {"min_sample_time_ms", o.minSampleTimeMs},
            {"time_budget_s", o.timeBudgetS},
            {"max_inner_loops", o.maxInnerLoops},
            {"timeout_s", o.timeoutS},
            {"output_limit_bytes", o.outputLimitBytes},
            {"memory_limit_bytes", o.memoryLimitBytes},
            {"answer_limit_bytes", o.answerLimitBytes},
            {"memory_pass", o.memoryPass},
            {"worker_memory_limit_bytes", o.workerMemoryLimitBytes}};
}

// ---------------------------------------------------------------------------------------------------------- reading

/// Thrown by the checks below and caught at the public entry points of this file; never leaves it.
struct FormatError {
    std::string message;
};

[[noreturn]] void fail(const std::string& where, const std::string& what)
{
    throw FormatError{(where.empty() ? std::string() : where + ": ") + what};
}

/// "string \"abc\"", "number 1.5", "an object": what was found, short enough for one line.
std::string describe(const json& value)
{
    switch (value.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::null:
        return "null";
    default:
        break;
    }
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return std::string(value.type_name()) + " " + text;
}

std::string child(const std::string& where, const std::string& key)
{
    return where.empty() ? key : where + "." + key;
}

std::string element(const std::string& where, std::size_t index)
{
    return where + "[" + std::to_string(index) + "]";
}

void expectObject(const json& value, const std::string& where)
{
    if (!value.is_object())
        fail(where, "expected an object, found " + describe(value));
}

const json* findMember(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const json& requireMember(const json& object, const char* key, const std::string& where)
{
    const json* value = findMember(object, key);
    if (!value)
        fail(where, std::string("the required field \"") + key + "\" is missing");
    return *value;
}

const json& requireArray(const json& object, const char* key, const std::string& where)
{
    const json& value = requireMember(object, key, where);
    if (!value.is_array())
        fail(child(where, key), "expected an array, found " + describe(value));
    return value;
}

std::string toString(const json& value, const std::string& where)
{
    if (!value.is_string())
        fail(where, "expected a string, found " + describe(value));
    return value.get<std::string>();
}

std::string optionalString(const json& object, const char* key, const std::string& where)
{
    const json* value = findMember(object, key);
    return value && !value->is_null() ? toString(*value, child(where, key)) : std::string();
}

std::int64_t toInteger(const json& value, const std::string& where, std::int64_t min, std::int64_t max)
{
    std::int64_t result = 0;
    const std::string range =
        " is out of range (expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ")";
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max))
            fail(where, std::to_string(u) + range);
        result = static_cast<std::int64_t>(u);
    } else if (value.is_number_integer()) {
        result = value.get<std::int64_t>();
    } else if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is the first double outside int64; checked before the cast, which would be undefined behaviour.
        if (!(std::fabs(d) < 9223372036854775808.0))
            fail(where, value.dump() + range);
        if (d != std::floor(d))
            fail(where, "expected an integer, found " + describe(value));
        result = static_cast<std::int64_t>(d);
    } else {
        fail(where, "expected an integer, found " + describe(value));
    }
    if (result < min || result > max)
        fail(where, std::to_string(result) + range);
    return result;
}

/// An optional integer field; `fallback` when absent or null.
std::int64_t optionalInteger(const json& object, const char* key, const std::string& where, std::int64_t min,
                             std::int64_t max, std::int64_t fallback)
{
    const json* value = findMember(object, key);
    return value && !value->is_null() ? toInteger(*value, child(where, key), min, max) : fallback;
}

/// A number; null stands for "not a number" (what the writer writes for NaN and infinities).
double toNumber(const json& value, const std::string& where)
{
    if (value.is_null())
        return std::numeric_limits<double>::quiet_NaN();
    if (!value.is_number())
        fail(where, "expected a number, found " + describe(value));
    return value.get<double>();
}

double optionalNumber(const json& object, const char* key, const std::string& where, double fallback)
{
    const json* value = findMember(object, key);
    return value ? toNumber(*value, child(where, key)) : fallback;
}

bool optionalBool(const json& object, const char* key, const std::string& where, bool fallback)
{
    const json* value = findMember(object, key);
    if (!value)
        return fallback;
    if (!value->is_boolean())
        fail(child(where, key), "expected true or false, found " + describe(*value));
    return value->get<bool>();
}

/// The canonical text of an answer value: what Result::answer holds.
std::string answerText(const json* value)
{
    if (!value || value->is_null())
        return {};
    return value->dump(-1, ' ', false, json::error_handler_t::replace);
}

ParamValues paramsFromJson(const json& value, const std::string& where)
{
    expectObject(value, where);
    ParamValues params;
    for (const auto& [name, v] : value.items()) {
        const std::string at = child(where, name);
        if (v.is_boolean())
            params[name] = v.get<bool>();
        else if (v.is_number_float())
            params[name] = v.get<double>();
        else if (v.is_number())
            params[name] = toInteger(v, at, std::numeric_limits<std::int64_t>::min(), kMaxInt64);
        else if (v.is_string())
            params[name] = v.get<std::string>();
        else
            fail(at, "expected a number, a string or true/false, found " + describe(v));
    }
    return params;
}

ResultStatus statusFromName(const std::string& name, const std::string& where)
{
    for (ResultStatus s : {ResultStatus::Ok, ResultStatus::Failed, ResultStatus::Cancelled})
        if (name == statusName(s))
            return s;
    fail(where, "unknown status \"" + name + "\" (expected ok, failed or cancelled)");
}

FailureKind failureKindFromName(const std::string& name, const std::string& where)
{
    for (int k = static_cast<int>(FailureKind::None); k <= static_cast<int>(FailureKind::Internal); ++k)
        if (name == failureKindName(static_cast<FailureKind>(k)))
            return static_cast<FailureKind>(k);
    fail(where, "unknown failure kind \"" + name + "\"");
}

Summary summaryFromJson(const json& value, const std::string& where)
{
    expectObject(value, where);
    Summary s;
    s.samples = static_cast<int>(optionalInteger(value, "samples", where, 0, kMaxInt, 0));
    const std::pair<const char*, double*> numbers[] = {{"median_ns_per_call", &s.medianNs},
                                                       {"ci95_low_ns_per_call", &s.ciLowNs},
                                                       {"ci95_high_ns_per_call", &s.ciHighNs},
                                                       {"mad_ns_per_call", &s.madNs},
                                                       {"mean_ns_per_call", &s.meanNs},
                                                       {"stddev_ns_per_call", &s.stddevNs},
                                                       {"min_ns_per_call", &s.minNs},
                                                       {"max_ns_per_call", &s.maxNs},
                                                       {"p5_ns_per_call", &s.p5Ns},
                                                       {"p25_ns_per_call", &s.p25Ns},
                                                       {"p75_ns_per_call", &s.p75Ns},
                                                       {"p95_ns_per_call", &s.p95Ns},
                                                       {"p99_ns_per_call", &s.p99Ns},
                                                       {"cv", &s.cv},
                                                       {"calls_per_s", &s.callsPerSecond}};
    for (const auto& [key, field] : numbers)
        *field = optionalNumber(value, key, where, 0);
    s.outliers = static_cast<int>(optionalInteger(value, "outliers", where, 0, kMaxInt, 0));
    s.steadyStateIndex = static_cast<int>(optionalInteger(value, "steady_state_index", where, 0, kMaxInt, 0));
    return s;
}

Environment environmentFromJson(const json& value, const std::string& where)
{
    expectObject(value, where);
    Environment e;
    e.os = optionalString(value, "os", where);
    e.kernel = optionalString(value, "kernel", where);
    e.cpuModel = optionalString(value, "cpu_model", where);
    e.logicalCores = static_cast<int>(optionalInteger(value, "logical_cores", where, 0, kMaxInt, -1));
    e.governor = optionalString(value, "governor", where);
    e.turbo = optionalString(value, "turbo", where);
    if (const json* load = findMember(value, "load_average")) {
        const std::string at = child(where, "load_average");
        if (!load->is_array() || load->size() != 3)
            fail(at, "expected an array of 3 numbers, found " + describe(*load));
        double* targets[] = {&e.loadAverage1m, &e.loadAverage5m, &e.loadAverage15m};
        for (std::size_t i = 0; i < 3; ++i) {
            const double l = toNumber((*load)[i], element(at, i));
            *targets[i] = std::isnan(l) ? -1 : l;
        }
    }
    e.aslr = static_cast<int>(optionalInteger(value, "aslr", where, 0, 2, -1));
    e.memoryTotalBytes = optionalInteger(value, "memory_total_bytes", where, 0, kMaxInt64, -1);
    e.memoryAvailableBytes = optionalInteger(value, "memory_available_bytes", where, 0, kMaxInt64, -1);
    return e;
}

HarnessOptions optionsFromJson(const json& value, const std::string& where)
{
    expectObject(value, where);
    HarnessOptions o;
    o.warmupSamples = static_cast<int>(optionalInteger(value, "warmup_samples", where, 0, kMaxInt, o.warmupSamples));
    o.samples = static_cast<int>(optionalInteger(value, "samples", where, 0, kMaxInt, o.samples));
    o.minSampleTimeMs = optionalNumber(value, "min_sample_time_ms", where, o.minSampleTimeMs);
    o.timeBudgetS = optionalNumber(value, "time_budget_s", where, o.timeBudgetS);
    o.maxInnerLoops = optionalInteger(value, "max_inner_loops", where, 0, kMaxInt64, o.maxInnerLoops);
    o.timeoutS = optionalNumber(value, "timeout_s", where, o.timeoutS);
    o.outputLimitBytes = optionalInteger(value, "output_limit_bytes", where, 0, kMaxInt64, o.outputLimitBytes);
    o.memoryLimitBytes = optionalInteger(value, "memory_limit_bytes", where, 0, kMaxInt64, o.memoryLimitBytes);
    o.answerLimitBytes = optionalInteger(value, "answer_limit_bytes", where, 1, kMaxInt64, o.answerLimitBytes);
    if (const json* pass = findMember(value, "memory_pass"); pass && !pass->is_null()) {
        if (!pass->is_boolean())
            fail(child(where, "memory_pass"), "expected true or false, found " + describe(*pass));
        o.memoryPass = pass->get<bool>();
    }
    o.workerMemoryLimitBytes =
        optionalInteger(value, "worker_memory_limit_bytes", where, 0, kMaxInt64, o.workerMemoryLimitBytes);
    return o;
}

RuntimeInfo runtimeFromJson(const json& value, const std::string& where)
{
    expectObject(value, where);
    RuntimeInfo r;
    r.id = toString(requireMember(value, "id", where), child(where, "id"));
    r.name = optionalString(value, "name", where);
    r.language = optionalString(value, "language", where);
    r.version = optionalString(value, "version", where);
    r.detail = optionalString(value, "detail", where);
    r.embedded = optionalBool(value, "embedded", where, false);
    return r;
}

std::vector<std::string> stringsFromJson(const json& value, const std::string& where)
{
    if (!value.is_array())
        fail(where, "expected an array of strings, found " + describe(value));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i)
        out.push_back(toString(value[i], element(where, i)));
    return out;
}

Sample readSample(const json& value, const std::string& where)
{
    expectObject(value, where);
    Sample s;
    s.index = static_cast<int>(toInteger(requireMember(value, "index", where), child(where, "index"), 0, kMaxInt));
    s.warmup = optionalBool(value, "warmup", where, false);
    s.innerLoops = toInteger(requireMember(value, "inner_loops", where), child(where, "inner_loops"), 0, kMaxInt64);
    s.elapsedNs = toInteger(requireMember(value, "elapsed_ns", where), child(where, "elapsed_ns"), 0, kMaxInt64);
    s.heapBytes = optionalInteger(value, "heap_bytes", where, -1, kMaxInt64, -1);
    return s;
}

Result readResult(const json& value, const std::string& where, int schemaVersion)
{
    expectObject(value, where);
    Result r;
    r.itemIndex = static_cast<int>(optionalInteger(value, "item_index", where, -1, kMaxInt, -1));
    r.workloadId = toString(requireMember(value, "workload", where), child(where, "workload"));
    r.workloadTitle = optionalString(value, "workload_title", where);
    r.runtimeId = toString(requireMember(value, "runtime", where), child(where, "runtime"));
    r.runtimeName = optionalString(value, "runtime_name", where);
    r.runtimeVersion = optionalString(value, "runtime_version", where);
    r.flavour = optionalString(value, "flavour", where);
    r.flavourLabel = optionalString(value, "flavour_label", where);
    if (const json* params = findMember(value, "params"))
        r.params = paramsFromJson(*params, child(where, "params"));
    r.status =
        statusFromName(toString(requireMember(value, "status", where), child(where, "status")), child(where, "status"));
    if (const json* failure = findMember(value, "failure"); failure && !failure->is_null()) {
        const std::string at = child(where, "failure");
        expectObject(*failure, at);
        r.failure.kind = failureKindFromName(optionalString(*failure, "kind", at), child(at, "kind"));
        r.failure.message = optionalString(*failure, "message", at);
        r.failure.file = optionalString(*failure, "file", at);
        r.failure.line = static_cast<int>(optionalInteger(*failure, "line", at, 0, kMaxInt, 0));
    }
    r.answer = answerText(findMember(value, "answer"));
    r.expectedAnswer = answerText(findMember(value, "expected_answer"));
    r.innerLoops = optionalInteger(value, "inner_loops", where, 0, kMaxInt64, 0);
    r.wallSeconds = optionalNumber(value, "wall_s", where, 0);
    if (findMember(value, "order"))
        r.order = optionalString(value, "order", where);
    if (findMember(value, "stop_reason"))
        r.stopReason = optionalString(value, "stop_reason", where);
    const json& samples = requireArray(value, "samples", where);
    for (std::size_t i = 0; i < samples.size(); ++i)
        r.samples.push_back(readSample(samples[i], element(child(where, "samples"), i)));
    // Version 1 files lack the newer summary fields; the raw samples are all there, so compute them afresh.
    const json* summary = findMember(value, "summary");
    r.summary = schemaVersion >= 2 && summary ? summaryFromJson(*summary, child(where, "summary"))
                                              : stats::summarize(r.samples);
    if (const json* reported = findMember(value, "reported")) {
        const std::string at = child(where, "reported");
        expectObject(*reported, at);
        for (const auto& [name, v] : reported->items())
            r.reported[name] = toNumber(v, child(at, name));
    }
    r.output = optionalString(value, "output", where);
    r.outputDroppedBytes = optionalInteger(value, "output_dropped_bytes", where, 0, kMaxInt64, 0);
    // Newer fields: absent or null in older files, which keep the "unknown" defaults.
    if (const json* overhead = findMember(value, "harness_overhead_ns"); overhead && !overhead->is_null()) {
        r.harnessOverheadNs = toNumber(*overhead, child(where, "harness_overhead_ns"));
        if (!(r.harnessOverheadNs >= 0))
            fail(child(where, "harness_overhead_ns"),
                 "expected a number of nanoseconds >= 0, found " + overhead->dump());
    }
    if (const json* warnings = findMember(value, "warnings"); warnings && !warnings->is_null())
        r.warnings = stringsFromJson(*warnings, child(where, "warnings"));
    r.childUserNs = optionalInteger(value, "child_user_ns", where, 0, kMaxInt64, -1);
    r.childSysNs = optionalInteger(value, "child_sys_ns", where, 0, kMaxInt64, -1);
    r.childExitCode = static_cast<int>(optionalInteger(value, "child_exit_code", where, 0, 255, -1));
    r.workerStartNs = optionalInteger(value, "worker_start_ns", where, 0, kMaxInt64, -1);
    return r;
}

int readSchemaVersion(const json& root)
{
    if (!root.is_object())
        fail("", "not a Versus results file: the top level is " + describe(root) + ", not an object");
    const json* version = findMember(root, "schema_version");
    if (!version)
        fail("", "not a Versus results file: it has no \"schema_version\"");
    const auto v = toInteger(*version, "schema_version", 1, kMaxInt);
    if (v > kResultsSchemaVersion)
        fail("",
             "this results file uses schema version " + std::to_string(v)
                 + ", newer than this Versus "
                   "understands ("
                 + std::to_string(kResultsSchemaVersion) + "). Update Versus to open it.");
    return static_cast<int>(v);
}

ResultsDocument readDocument(const json& root)
{
    ResultsDocument doc;
    doc.schemaVersion = readSchemaVersion(root);
    const json& metadata = requireMember(root, "metadata", "");
    expectObject(metadata, "metadata");
    doc.versusVersion = optionalString(metadata, "versus_version", "metadata");
    doc.gitCommit = optionalString(metadata, "git_commit", "metadata");
    doc.startedAtUtc = optionalString(metadata, "started_at", "metadata");
    doc.finishedAtUtc = optionalString(metadata, "finished_at", "metadata");
    if (const json* environment = findMember(metadata, "environment"))
        doc.environment = environmentFromJson(*environment, "metadata.environment");
    if (const json* warnings = findMember(metadata, "warnings"))
        doc.warnings = stringsFromJson(*warnings, "metadata.warnings");
    if (const json* runtimes = findMember(metadata, "runtimes")) {
        if (!runtimes->is_array())
            fail("metadata.runtimes", "expected an array, found " + describe(*runtimes));
        for (std::size_t i = 0; i < runtimes->size(); ++i)
            doc.runtimes.push_back(runtimeFromJson((*runtimes)[i], element("metadata.runtimes", i)));
    }
    if (const json* components = findMember(metadata, "components")) {
        expectObject(*components, "metadata.components");
        for (const auto& [name, v] : components->items())
            doc.componentVersions[name] = toString(v, child("metadata.components", name));
    }
    // Version 1 kept the options at the top level; version 2 keeps them in the plan.
    if (doc.schemaVersion == 1) {
        if (const json* options = findMember(root, "options"))
            doc.options = optionsFromJson(*options, "options");
    } else if (const json* plan = findMember(root, "plan")) {
        expectObject(*plan, "plan");
        if (const json* options = findMember(*plan, "options"))
            doc.options = optionsFromJson(*options, "plan.options");
    }
    const json& results = requireArray(root, "results", "");
    for (std::size_t i = 0; i < results.size(); ++i)
        doc.results.push_back(readResult(results[i], element("results", i), doc.schemaVersion));
    // Each result's language and kind are its runtime's, listed once in the metadata.
    for (Result& r : doc.results)
        for (const RuntimeInfo& info : doc.runtimes)
            if (info.id == r.runtimeId) {
                r.language = info.language;
                r.embedded = info.embedded;
            }
    // Seconds since the start of the run in the file; steady-clock nanoseconds from origin 0 once read.
    if (const json* memory = findMember(root, "memory")) {
        if (!memory->is_array())
            fail("memory", "expected an array, found " + describe(*memory));
        for (std::size_t i = 0; i < memory->size(); ++i) {
            const json& series = (*memory)[i];
            const std::string at = element("memory", i);
            expectObject(series, at);
            const std::string name = optionalString(series, "series", at);
            const json& points = requireArray(series, "points", at);
            for (std::size_t k = 0; k < points.size(); ++k) {
                const std::string pointAt = element(child(at, "points"), k);
                const json& p = points[k];
                if (!p.is_array() || p.size() != 2)
                    fail(pointAt, "expected [t_s, bytes], found " + describe(p));
                const double t = toNumber(p[0], element(pointAt, 0));
                const double bytes = toNumber(p[1], element(pointAt, 1));
                doc.memory.push_back({static_cast<std::int64_t>(t * 1e9), name, static_cast<std::int64_t>(bytes)});
            }
        }
    }
    if (const json* gc = findMember(root, "gc_events")) {
        if (!gc->is_array())
            fail("gc_events", "expected an array, found " + describe(*gc));
        for (std::size_t i = 0; i < gc->size(); ++i) {
            const std::string at = element("gc_events", i);
            expectObject((*gc)[i], at);
            doc.gcEvents.push_back({static_cast<std::int64_t>(optionalNumber((*gc)[i], "t_s", at, 0) * 1e9),
                                    optionalString((*gc)[i], "runtime", at),
                                    static_cast<std::int64_t>(optionalNumber((*gc)[i], "pause_ns", at, 0)),
                                    optionalString((*gc)[i], "runtime_id", at)});
        }
    }
    return doc;
}

/// Deepest nesting of arrays and objects, counted without parsing; stops counting once past `limit`.
std::size_t nestingDepth(std::string_view bytes, std::size_t limit)
{
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

/// Runs a reader, turning every way it can fail into an error message.
template <class T, class Read> Expected<T> guarded(Read&& read)
{
    try {
        return read();
    } catch (const FormatError& e) {
        return Error{e.message};
    } catch (const std::bad_alloc&) {
        return Error{"not enough memory to load the results"};
    } catch (const std::exception& e) {
        return Error{std::string("unreadable results: ") + e.what()};
    }
}

}  // namespace

json sampleToJson(const Sample& s)
{
    return {
        {"index", s.index},
        {"warmup", s.warmup},
        {"inner_loops", s.innerLoops},
        {"elapsed_ns", s.elapsedNs},
        {"per_call_ns",
         s.innerLoops > 0 ? json(static_cast<double>(s.elapsedNs) / static_cast<double>(s.innerLoops)) : json(nullptr)},
        {"heap_bytes", s.heapBytes}};
}

json resultToJson(const Result& r)
{
    json item;
    item["item_index"] = r.itemIndex;
    item["workload"] = r.workloadId;
    item["workload_title"] = r.workloadTitle;
    item["runtime"] = r.runtimeId;
    item["runtime_name"] = r.runtimeName;
    item["runtime_version"] = r.runtimeVersion;
    item["flavour"] = r.flavour;
    item["flavour_label"] = r.flavourLabel;
    item["series"] = r.seriesName();
    item["params"] = paramsToJson(r.params);
    item["status"] = statusName(r.status);
    if (!r.ok())
        item["failure"] = {{"kind", failureKindName(r.failure.kind)},
                           {"message", r.failure.message},
                           {"file", r.failure.file},
                           {"line", r.failure.line}};
    item["answer"] = answerToJson(r.answer);
    if (!r.expectedAnswer.empty())
        item["expected_answer"] = answerToJson(r.expectedAnswer);
    item["inner_loops"] = r.innerLoops;
    item["wall_s"] = r.wallSeconds;
    item["order"] = r.order;
    item["stop_reason"] = r.stopReason;
    json samples = json::array();
    for (const auto& s : r.samples)
        samples.push_back(sampleToJson(s));
    item["samples"] = std::move(samples);
    item["summary"] = summaryToJson(r.summary);
    if (!r.reported.empty())
        item["reported"] = r.reported;
    item["output"] = r.output;
    item["output_dropped_bytes"] = r.outputDroppedBytes;
    if (r.harnessOverheadNs >= 0)
        item["harness_overhead_ns"] = r.harnessOverheadNs;
    item["warnings"] = r.warnings;
    if (r.childUserNs >= 0)
        item["child_user_ns"] = r.childUserNs;
    if (r.childSysNs >= 0)
        item["child_sys_ns"] = r.childSysNs;
    if (r.childExitCode >= 0)
        item["child_exit_code"] = r.childExitCode;
    if (r.workerStartNs >= 0)
        item["worker_start_ns"] = r.workerStartNs;
    return item;
}

json resultsDocumentToJson(const ResultsDocument& d)
{
    json runtimes = json::array();
    for (const auto& r : d.runtimes)
        runtimes.push_back({{"id", r.id},
                            {"name", r.name},
                            {"language", r.language},
                            {"version", r.version},
                            {"detail", r.detail},
                            {"embedded", r.embedded}});
    json doc;
    doc["schema_version"] = kResultsSchemaVersion;
    doc["metadata"] = {{"versus_version", d.versusVersion},
                       {"git_commit", d.gitCommit},
                       {"started_at", d.startedAtUtc},
                       {"finished_at", d.finishedAtUtc},
                       {"environment", environmentToJson(d.environment)},
                       {"warnings", d.warnings},
                       {"runtimes", std::move(runtimes)},
                       {"components", d.componentVersions}};
    doc["plan"] = {{"options", optionsToJson(d.options)}};
    json results = json::array();
    for (const auto& r : d.results)
        results.push_back(resultToJson(r));
    doc["results"] = std::move(results);
    if (!d.memory.empty()) {
        std::map<std::string, json> bySeries;
        std::vector<std::string> order;
        for (const auto& m : d.memory) {
            if (!bySeries.count(m.series)) {
                order.push_back(m.series);
                bySeries[m.series] = json::array();
            }
            bySeries[m.series].push_back({static_cast<double>(m.timestampNs - d.clockOriginNs) / 1e9, m.bytes});
        }
        json memory = json::array();
        for (const auto& name : order)
            memory.push_back({{"series", name}, {"unit", "bytes"}, {"points", std::move(bySeries[name])}});
        doc["memory"] = std::move(memory);
    }
    if (!d.gcEvents.empty()) {
        json gc = json::array();
        for (const auto& g : d.gcEvents) {
            gc.push_back({{"runtime", g.runtime},
                          {"t_s", static_cast<double>(g.timestampNs - d.clockOriginNs) / 1e9},
                          {"pause_ns", g.pauseNs}});
            if (!g.runtimeId.empty())
                gc.back()["runtime_id"] = g.runtimeId;
        }
        doc["gc_events"] = std::move(gc);
    }
    return doc;
}

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string writeResultsDocument(const ResultsDocument& document)
{
    // Captured output may end in the middle of a UTF-8 sequence: replace, never throw.
    return resultsDocumentToJson(document).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Expected<ResultsDocument> resultsDocumentFromJson(const json& json)
{
    return guarded<ResultsDocument>([&] { return readDocument(json); });
}

Expected<Result> resultFromJson(const json& json, const std::string& where, int schemaVersion)
{
    return guarded<Result>([&] { return readResult(json, where, schemaVersion); });
}

Expected<Sample> sampleFromJson(const json& json, const std::string& where)
{
    return guarded<Sample>([&] { return readSample(json, where); });
}

json paramValuesToJson(const ParamValues& params)
{
    return paramsToJson(params);
}

Expected<ParamValues> paramValuesFromJson(const json& json, const std::string& where)
{
    return guarded<ParamValues>([&] { return paramsFromJson(json, where); });
}

json harnessOptionsToJson(const HarnessOptions& options)
{
    return optionsToJson(options);
}

Expected<HarnessOptions> harnessOptionsFromJson(const json& json, const std::string& where)
{
    return guarded<HarnessOptions>([&] { return optionsFromJson(json, where); });
}

Expected<ResultsDocument> readResultsDocument(std::string_view bytes)
{
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error{"the file is empty"};
    // nlohmann's parser is iterative, but a value nested a million deep still costs memory and time: refuse early.
    if (nestingDepth(bytes, kMaxNestingDepth) > kMaxNestingDepth)
        return Error{"not a Versus results file: values are nested more than " + std::to_string(kMaxNestingDepth)
                     + " levels deep"};
    json root;
    try {
        root = json::parse(bytes.begin(), bytes.end());
    } catch (const json::parse_error& e) {
        if (e.byte >= bytes.size())
            return Error{"the file ends in the middle of the JSON (truncated after " + std::to_string(bytes.size())
                         + " bytes?). If a run was interrupted, recover it from its journal with `versus recover`."};
        return Error{"not valid JSON: " + describeJsonError(e)};
    } catch (const json::exception& e) {
        return Error{"not valid JSON: " + describeJsonError(e)};
    } catch (const std::bad_alloc&) {
        return Error{"not enough memory to load the results"};
    }
    return resultsDocumentFromJson(root);
}

Expected<ResultsDocument> readResultsFile(const std::string& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return Error{"Cannot open '" + path + "': " + ec.message()};
    if (size > kMaxFileBytes)
        return Error{"'" + path + "' is " + std::to_string(size >> 20) + " MiB, too large for a results file"};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in)
        return Error{"Cannot read '" + path + "': " + std::strerror(errno)};
    auto document = readResultsDocument(bytes.str());
    if (!document)
        return Error{"'" + path + "': " + document.error()};
    return document;
}

std::string versusGitCommit()
{
    return VERSUS_GIT_COMMIT;
}

}  // namespace versus
