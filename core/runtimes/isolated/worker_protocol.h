// What the parent and an isolated worker (`versus worker`) say to each other: the job on the worker's stdin as one
// JSON object, and the worker's events back as JSON lines on its protocol pipe (fd 3). Both sides use this file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "expected.h"
#include "runtime.h"

namespace versus {

/// A RunJob as the worker receives it: the workload is named by its manifest (the worker loads it again), the
/// implementation by language and flavour, parameters as text (checked again against the manifest).
struct WorkerJob {
    std::string runtimeId;  ///< "python", "node", "native": a runtime of the worker's own registry
    std::string manifest;  ///< absolute path of the workload's manifest.json
    std::string language;
    std::string flavour = "plain";
    ItemKey key;
    std::map<std::string, std::string> params;  ///< name -> formatParamValue() text
    HarnessOptions options;
    int sampleIndexOffset = 0;
    std::string servicesJson = "{}";  ///< RunJob::servicesJson: the parent's servers (a PostgreSQL cluster)
    std::int64_t memoryLimitBytes = 0;  ///< resident memory the worker may reach (the parent enforces it)
    int parentPid = 0;  ///< the Versus process that started the worker: the worker does not outlive it
};

/// The job for the worker: one JSON text.
std::string workerJobToJson(const WorkerJob& job);
Expected<WorkerJob> workerJobFromJson(std::string_view text);

/// One protocol line (no newline) for an event a runtime posted in the worker: calibrated, sample, output or gc.
/// Events a runtime never posts (started, finished, ...) give nullopt: the parent's scheduler makes those.
std::optional<std::string> workerEventLine(const Event& event);
/// The worker's runtime is ready: the job starts now (the parent measures worker start-up up to this line).
std::string workerReadyLine();
/// The job's result, the worker's last line.
std::string workerDoneLine(const Result& result);

/// What the parent makes of one line. `event` is set for runtime events (with the parent's item key), `ready` for
/// the ready line, `result` for the last line; `error` for anything that is not this protocol.
struct WorkerMessage {
    std::optional<Event> event;
    bool ready = false;
    std::optional<Result> result;
    std::string error;
};
WorkerMessage parseWorkerLine(std::string_view line, const ItemKey& key);

}  // namespace versus
