// The workload catalog: manifests read from workloads/<id>/manifest.json, validated, with parameter checking.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "expected.h"
#include "result.h"

namespace versus {

enum class ParamType { Int, Float, Bool, Choice };

struct ParameterSpec {
    std::string name;
    ParamType type = ParamType::Int;
    std::string description;
    ParamValue defaultValue;
    std::optional<double> min;  ///< Int and Float only
    std::optional<double> max;
    std::vector<std::string> choices;  ///< Choice only
    std::string unit;  ///< "MB", "" ...

    /// "an integer from 1 to 35", "one of json, ujson": for error messages and tooltips.
    std::string describeLimits() const;
};

/// What a workload's result is measured in. Time is always measured; `kind` says what the headline number is.
struct MetricSpec {
    enum class Kind {
        TimePerCall,  ///< lower is better; shown as time per call and calls/s
        Throughput,  ///< `workParameter` units of work per call, shown as units/s (e.g. MB/s)
        Reported,  ///< the workload reports the value itself (e.g. bytes/object)
    };
    Kind kind = Kind::TimePerCall;
    std::string unit = "ms";  ///< display unit of the headline number
    std::string workParameter;  ///< Throughput: the parameter holding the work done by one call
    std::string reportedName;  ///< Reported: the key in the workload's report
    bool higherIsBetter = false;
    /// What one call of the workload is, plural ("requests": an http call is one request), for the calls-per-second
    /// axes and tables; empty for plain calls. Manifest: "metric": {"call_unit": "requests"}.
    std::string callUnit;
};

/// A value the workload reports beside its timing (`Result::reported`), printed in the CLI's table of what the
/// workloads reported. Manifest: "report": [{"name": "db_time_share", "label": "server share", "format": "share"}].
struct ReportColumn {
    enum class Format {
        Bytes,  ///< "4.8 KiB"
        Share,  ///< a fraction, as "15%"
        Number,  ///< "3.0", "854"
        Rate,  ///< per second, as "18.2k"
    };
    /// The key in the report; "{name}" stands for the value of the parameter `name` ("rss_delta_bytes_at_{connections}").
    std::string name;
    std::string label;  ///< the column's heading
    Format format = Format::Number;
    /// The key for a result measured with `params`: each "{parameter}" replaced by its value.
    std::string keyFor(const ParamValues& params) const;
};

/// One script implementing the workload in one language, possibly a named flavour ("numpy", "ujson").
struct Implementation {
    std::string language;  ///< "python", "javascript", "native"
    std::string flavour = "plain";
    std::string label;  ///< shown after the runtime name: "NumPy"; empty for plain
    std::filesystem::path file;  ///< absolute; empty for native
    std::string function = "run";
    std::vector<std::string> requires_;  ///< modules it imports that may be missing (numpy, ujson)
};

/// A known answer for a particular parameter set (a subset of parameters must match).
struct ExpectedAnswer {
    ParamValues params;
    std::string answerJson;  ///< canonical JSON text
};

/// A workload measured at several values of one parameter, one result per step with the step's value in its params
/// (so each step is its own comparison group, and results files hold every step): cpu_parallel's workers,
/// idle_connections' connections. A step is a plain parameter value; the user who sets the parameter gets that one.
struct StepSpec {
    std::string parameter;  ///< empty: the workload has no steps
    std::vector<std::int64_t> values;  ///< ascending
    /// "cores": only the values up to the machine's core count, and the core count itself; a parameter name: up
    /// to that parameter's value (and that value); empty: every value.
    std::string upTo;
};

struct Workload {
    std::string id;
    std::string title;
    std::string category;  ///< cpu, json, file, memory, startup, http, concurrency, database, custom
    std::string description;  ///< one or two plain sentences, shown in the GUI and in reports
    std::string claim;  ///< article claim id: cpu-bound, json, ...
    /// A server the run starts for this workload's jobs, handed to them as job["services"]: "postgresql" (a
    /// throwaway cluster, core/database/plan_services.h), or empty.
    std::string service;
    std::filesystem::path directory;
    std::vector<ParameterSpec> parameters;
    ParamValues tinyParams;  ///< small values for tests and smoke runs (defaults fill the rest)
    MetricSpec metric;
    std::vector<ReportColumn> report;  ///< reported values worth a column, in order
    std::vector<Implementation> implementations;
    std::vector<ExpectedAnswer> expected;
    bool defaultJob = false;  ///< part of the headless default job
    StepSpec steps;

    /// The overrides of each step, in order: `overrides` alone when the workload has no steps or they set the
    /// stepped parameter themselves. `cores` is the machine's (std::thread::hardware_concurrency()).
    std::vector<ParamValues> stepOverrides(const ParamValues& overrides, unsigned cores) const;

    const ParameterSpec* parameter(const std::string& name) const;
    std::vector<const Implementation*> implementationsFor(const std::string& language) const;
    /// Defaults merged with `overrides`, validated; the error names the parameter and its limits.
    Expected<ParamValues> resolveParams(const ParamValues& overrides) const;
    /// The expected answer for these parameters, when the manifest knows it.
    std::optional<std::string> expectedAnswerFor(const ParamValues& params) const;
};

/// A problem found while loading the catalog; the rest of the catalog still loads.
struct CatalogError {
    std::filesystem::path file;
    std::string field;  ///< JSON path of the offending field, empty for file-level errors
    std::string message;
    std::string toString() const;
};

class Catalog {
public:
    /// Reads every `<dir>/<id>/manifest.json` under `directory`. Folders starting with '_' or '.' are skipped.
    static Catalog load(const std::filesystem::path& directory);
    /// Parses one manifest; on failure returns nullopt and appends to `errors`.
    static std::optional<Workload> loadManifest(const std::filesystem::path& manifestFile,
                                                std::vector<CatalogError>& errors);

    const std::vector<Workload>& workloads() const { return m_workloads; }
    const std::vector<CatalogError>& errors() const { return m_errors; }
    const Workload* find(const std::string& id) const;
    /// Workload id -> what one of its calls is, plural (metric.call_unit), for the workloads that name one.
    std::map<std::string, std::string> callUnits() const;
    /// "all", a category name, or a workload id; empty when nothing matches.
    std::vector<const Workload*> select(const std::string& selector) const;
    std::vector<std::string> categories() const;

private:
    std::vector<Workload> m_workloads;
    std::vector<CatalogError> m_errors;
};

struct ParamAssignment {
    std::string name, value;
};
/// Splits "name=value" (the value is still text).
Expected<ParamAssignment> parseParamAssignment(const std::string& text);
/// Parses a parameter's text against its spec's type and limits; the error names the parameter.
Expected<ParamValue> parseParamValue(const ParameterSpec& spec, const std::string& text);

/// Where workloads/ and the harness scripts live: $VERSUS_DATA_DIR, else the install's <exe dir>/../share/versus
/// when it exists (install_layout.h), else the source tree this binary was built from (a build-tree binary).
std::filesystem::path dataDirectory();
std::filesystem::path workloadsDirectory();
std::filesystem::path harnessDirectory();

}  // namespace versus
