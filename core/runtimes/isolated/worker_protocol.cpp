// The isolated worker's protocol: the job as one JSON object, the events as JSON lines, each built and read here only.
#include "worker_protocol.h"

#include "results/results_file.h"

namespace versus {

using json = nlohmann::json;

namespace {

json keyToJson(const ItemKey& key)
{
    return {{"item_index", key.itemIndex},
            {"workload_id", key.workloadId},
            {"runtime_id", key.runtimeId},
            {"flavour", key.flavour}};
}

/// Invalid UTF-8 in workload output must not make a line unwritable: it is replaced, as in results files.
std::string line(const json& message)
{
    return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string workerJobToJson(const WorkerJob& job)
{
    json j;
    j["runtime"] = job.runtimeId;
    j["manifest"] = job.manifest;
    j["language"] = job.language;
    j["flavour"] = job.flavour;
    j["key"] = keyToJson(job.key);
    j["params"] = job.params;
    j["options"] = harnessOptionsToJson(job.options);
    j["fixed_inner_loops"] = job.options.fixedInnerLoops;  // per round, not a run option: not in plan.options
    j["sample_index_offset"] = job.sampleIndexOffset;
    j["services"] = job.servicesJson;
    j["memory_limit_bytes"] = job.memoryLimitBytes;
    j["parent_pid"] = job.parentPid;
    return line(j);
}

Expected<WorkerJob> workerJobFromJson(std::string_view text)
{
    try {
        const json j = json::parse(text);
        WorkerJob job;
        job.runtimeId = j.at("runtime").get<std::string>();
        job.manifest = j.at("manifest").get<std::string>();
        job.language = j.at("language").get<std::string>();
        job.flavour = j.at("flavour").get<std::string>();
        const json& key = j.at("key");
        job.key = {key.at("item_index").get<int>(), key.at("workload_id").get<std::string>(),
                   key.at("runtime_id").get<std::string>(), key.at("flavour").get<std::string>()};
        job.params = j.at("params").get<std::map<std::string, std::string>>();
        auto options = harnessOptionsFromJson(j.at("options"), "options");
        if (!options.ok())
            return Error{"the job's " + options.error()};
        job.options = *options;
        job.options.fixedInnerLoops = j.at("fixed_inner_loops").get<std::int64_t>();
        job.sampleIndexOffset = j.at("sample_index_offset").get<int>();
        job.servicesJson = j.value("services", std::string("{}"));
        job.memoryLimitBytes = j.at("memory_limit_bytes").get<std::int64_t>();
        job.parentPid = j.at("parent_pid").get<int>();
        return job;
    } catch (const std::exception& e) {
        return Error{std::string("the job given to the worker is not one Versus wrote: ") + e.what()};
    }
}

std::optional<std::string> workerEventLine(const Event& event)
{
    if (const auto* e = std::get_if<CalibratedEvent>(&event))
        return line({{"event", "calibrated"}, {"inner_loops", e->innerLoops}, {"last_elapsed_ns", e->lastElapsedNs}});
    if (const auto* e = std::get_if<SampleEvent>(&event))
        return line({{"event", "sample"}, {"sample", sampleToJson(e->sample)}});
    if (const auto* e = std::get_if<OutputEvent>(&event))
        return line({{"event", "output"}, {"stream", e->stream}, {"text", e->text}});
    if (const auto* e = std::get_if<GcEvent>(&event))
        return line({{"event", "gc"},
                     {"timestamp_ns", e->timestampNs},
                     {"runtime", e->runtime},
                     {"pause_ns", e->pauseNs},
                     {"runtime_id", e->runtimeId}});
    return std::nullopt;
}

std::string workerReadyLine()
{
    return line({{"event", "ready"}});
}

std::string workerDoneLine(const Result& result)
{
    return line({{"event", "done"}, {"result", resultToJson(result)}});
}

WorkerMessage parseWorkerLine(std::string_view text, const ItemKey& key)
{
    WorkerMessage out;
    try {
        const json j = json::parse(text);
        const std::string event = j.at("event").get<std::string>();
        if (event == "ready") {
            out.ready = true;
        } else if (event == "calibrated") {
            out.event = CalibratedEvent{key, j.at("inner_loops").get<std::int64_t>(),
                                        j.at("last_elapsed_ns").get<std::int64_t>()};
        } else if (event == "sample") {
            auto sample = sampleFromJson(j.at("sample"), "sample");
            if (!sample.ok())
                out.error = sample.error();
            else
                out.event = SampleEvent{key, *sample};
        } else if (event == "output") {
            out.event = OutputEvent{key, j.at("stream").get<std::string>(), j.at("text").get<std::string>()};
        } else if (event == "gc") {
            out.event = GcEvent{j.at("timestamp_ns").get<std::int64_t>(), j.at("runtime").get<std::string>(),
                                j.at("pause_ns").get<std::int64_t>(), j.at("runtime_id").get<std::string>()};
        } else if (event == "done") {
            auto result = resultFromJson(j.at("result"), "result", 2);
            if (!result.ok())
                out.error = result.error();
            else
                out.result = std::move(*result);
        } else {
            out.error = "unknown event '" + event + "'";
        }
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace versus
