// The versioned results document (schema_version 2, see SCHEMA.md): bytes out, bytes in with clear errors, and the
// atomic file write every final file goes through.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "environment.h"
#include "expected.h"
#include "result.h"
#include "runtime.h"

namespace versus {

/// The schema version this build writes. Files with a higher version are refused with a message to update Versus.
constexpr int kResultsSchemaVersion = 2;

/// Everything a results file holds: where and how the run happened, and every result with its raw samples.
struct ResultsDocument {
    int schemaVersion = kResultsSchemaVersion;  ///< as read; the writer always writes kResultsSchemaVersion
    std::string versusVersion;  ///< "0.1.0"
    std::string gitCommit;  ///< commit Versus was built from; see versusGitCommit()
    std::string startedAtUtc;  ///< ISO 8601, "2026-11-25T23:59:01Z"
    std::string finishedAtUtc;  ///< empty while running or when recovered from a journal
    Environment environment;
    std::vector<std::string> warnings;  ///< environmentWarnings() at the start of the run
    std::vector<RuntimeInfo> runtimes;
    std::map<std::string, std::string> componentVersions;  ///< other parts the caller knows: {"Qt", "6.4.2"}
    HarnessOptions options;
    std::vector<Result> results;
    /// Memory series of the whole run (process RSS, child RSS, runtime heaps), sampled at 10 Hz, and garbage
    /// collections the runtimes reported. Timestamps are steady-clock nanoseconds; the file stores seconds since
    /// `clockOriginNs` (the start of the run).
    std::int64_t clockOriginNs = 0;
    std::vector<MemoryEvent> memory;
    std::vector<GcEvent> gcEvents;
};

/// The current time as ISO 8601 in UTC, "2026-11-25T23:59:01Z".
std::string utcTimestamp();

/// The document as pretty-printed JSON text ending in a newline. Numbers that are not finite are written as null.
std::string writeResultsDocument(const ResultsDocument& document);

/// Reads schema_version 1 (Versus 0.1 results, whose missing summary fields are recomputed from the raw samples) and
/// 2. Never throws: corrupt, truncated, non-JSON, wrongly typed, out-of-range, too deeply nested (over 100 levels)
/// or newer-schema input gives an error naming the place ("results[2].samples[7].elapsed_ns: expected an integer,
/// found string").
Expected<ResultsDocument> readResultsDocument(std::string_view bytes);
/// readResultsDocument() of a file's bytes; the error names the file. Refuses files over 1 GiB.
Expected<ResultsDocument> readResultsFile(const std::string& path);

/// The JSON value of the document (what writeResultsDocument() prints) and back; shared with the journal.
nlohmann::json resultsDocumentToJson(const ResultsDocument& document);
Expected<ResultsDocument> resultsDocumentFromJson(const nlohmann::json& json);
/// One entry of the document's "results" array and back; `where` prefixes error messages ("results[3]").
nlohmann::json resultToJson(const Result& result);
Expected<Result> resultFromJson(const nlohmann::json& json, const std::string& where, int schemaVersion);
/// One entry of a result's "samples" array and back.
nlohmann::json sampleToJson(const Sample& sample);
Expected<Sample> sampleFromJson(const nlohmann::json& json, const std::string& where);
/// A result's "params" object and back.
nlohmann::json paramValuesToJson(const ParamValues& params);
Expected<ParamValues> paramValuesFromJson(const nlohmann::json& json, const std::string& where);
/// The run's harness options ("plan.options") and back; also how an isolated worker receives them.
nlohmann::json harnessOptionsToJson(const HarnessOptions& options);
Expected<HarnessOptions> harnessOptionsFromJson(const nlohmann::json& json, const std::string& where);

/// Commit Versus was built from ("9f4d0841a2c3"), read from git at build time; "unknown" outside a git checkout.
std::string versusGitCommit();

}  // namespace versus
