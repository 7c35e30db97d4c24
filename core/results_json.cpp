// JSON export of results: every number carries its unit in its key.
#include "results_json.h"

#include <chrono>
#include <ctime>

#include <nlohmann/json.hpp>

namespace versus {

using nlohmann::json;

namespace {

json paramsJson(const ParamValues& params)
{
    json out = json::object();
    for (const auto& [name, value] : params)
        std::visit([&](const auto& v) { out[name] = v; }, value);
    return out;
}

json answerJson(const std::string& text)
{
    if (text.empty())
        return nullptr;
    try {
        return json::parse(text);
    } catch (const std::exception&) {
        return text;
    }
}

} // namespace

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string resultsToJson(const std::vector<Result>& results, const RunMetadata& metadata,
                          const HarnessOptions& options)
{
    json doc;
    doc["schema_version"] = 1;
    doc["metadata"] = {{"versus_version", metadata.versusVersion}, {"started_at", metadata.startedAtUtc}};
    json runtimes = json::array();
    for (const auto& r : metadata.runtimes)
        runtimes.push_back({{"id", r.id}, {"name", r.name}, {"language", r.language}, {"version", r.version},
                            {"detail", r.detail}, {"embedded", r.embedded}});
    doc["metadata"]["runtimes"] = runtimes;
    doc["options"] = {{"warmup_samples", options.warmupSamples},
                      {"samples", options.samples},
                      {"min_sample_time_ms", options.minSampleTimeMs},
                      {"time_budget_s", options.timeBudgetS},
                      {"timeout_s", options.timeoutS}};
    json items = json::array();
    for (const auto& r : results) {
        json item;
        item["workload"] = r.workloadId;
        item["workload_title"] = r.workloadTitle;
        item["runtime"] = r.runtimeId;
        item["runtime_name"] = r.runtimeName;
        item["runtime_version"] = r.runtimeVersion;
        item["flavour"] = r.flavour;
        item["series"] = r.seriesName();
        item["params"] = paramsJson(r.params);
        item["status"] = r.status == ResultStatus::Ok ? "ok" : r.status == ResultStatus::Cancelled ? "cancelled" : "failed";
        if (!r.ok())
            item["failure"] = {{"kind", failureKindName(r.failure.kind)},
                               {"message", r.failure.message},
                               {"file", r.failure.file},
                               {"line", r.failure.line}};
        item["answer"] = answerJson(r.answer);
        if (!r.expectedAnswer.empty())
            item["expected_answer"] = answerJson(r.expectedAnswer);
        item["inner_loops"] = r.innerLoops;
        item["wall_s"] = r.wallSeconds;
        json samples = json::array();
        for (const auto& s : r.samples)
            samples.push_back({{"index", s.index},
                               {"warmup", s.warmup},
                               {"inner_loops", s.innerLoops},
                               {"elapsed_ns", s.elapsedNs},
                               {"heap_bytes", s.heapBytes}});
        item["samples"] = samples;
        item["summary"] = {{"samples", r.summary.samples},
                           {"median_ns_per_call", r.summary.medianNs},
                           {"mad_ns_per_call", r.summary.madNs},
                           {"mean_ns_per_call", r.summary.meanNs},
                           {"stddev_ns_per_call", r.summary.stddevNs},
                           {"min_ns_per_call", r.summary.minNs},
                           {"max_ns_per_call", r.summary.maxNs},
                           {"calls_per_s", r.summary.callsPerSecond}};
        if (!r.reported.empty())
            item["reported"] = r.reported;
        item["output"] = r.output;
        item["output_dropped_bytes"] = r.outputDroppedBytes;
        items.push_back(std::move(item));
    }
    doc["results"] = items;
    return doc.dump(2);
}

} // namespace versus
