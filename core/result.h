// The value types a run produces: samples, failures, summaries and whole results. Plain data, copied freely.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace versus {

/// A parameter value as given in a manifest or on the command line.
using ParamValue = std::variant<std::int64_t, double, bool, std::string>;
using ParamValues = std::map<std::string, ParamValue>;

/// One timed sample: `innerLoops` calls of the workload timed together inside the runtime.
struct Sample {
    int index = 0;  ///< 0-based, warm-up samples first
    bool warmup = false;
    std::int64_t innerLoops = 0;
    std::int64_t elapsedNs = 0;  ///< monotonic clock of the runtime, around the inner loop only
    std::int64_t heapBytes = -1;  ///< the runtime's own heap at the end of the sample; -1 when unknown
};

enum class ResultStatus { Ok, Failed, Cancelled };

enum class FailureKind {
    None,
    InvalidParameter,  ///< refused before any runtime started
    RuntimeUnavailable,  ///< the runtime could not be created or lacks a module
    ScriptError,  ///< syntax error or uncaught exception in workload code
    WrongAnswer,  ///< answer differs from the manifest's expected value
    AnswerMismatch,  ///< runtimes disagree and there is no expected value
    Exit,  ///< the workload tried to end the process (sys.exit, process.exit, ...)
    OutOfMemory,
    Timeout,
    Cancelled,
    Crash,  ///< a child process died (external runtimes, an isolated worker)
    Protocol,  ///< a child wrote something that is not the harness protocol
    ClockMismatch,  ///< the runtime's clock disagreed with the host's (forged or tampered with)
    AnswerTooLarge,  ///< the serialised answer exceeded its limit
    LeakedState,  ///< the job left threads or processes running that would disturb later jobs
    Internal,
};

const char* failureKindName(FailureKind kind);

struct Failure {
    FailureKind kind = FailureKind::None;
    std::string message;  ///< for the person in front of the screen: what happened and what to do
    std::string file;  ///< workload file where the error arose, when known
    int line = 0;  ///< 1-based line in `file`, 0 when unknown
};

/// Summary of the measured (non-warm-up) samples, per call of the workload.
struct Summary {
    int samples = 0;
    double medianNs = 0;
    double madNs = 0;  ///< median absolute deviation (unscaled)
    double meanNs = 0;
    double stddevNs = 0;  ///< 0 when samples < 2
    double minNs = 0;
    double maxNs = 0;
    double callsPerSecond = 0;
    double p5Ns = 0;  ///< percentiles by linear interpolation between closest ranks (numpy's default)
    double p25Ns = 0;
    double p75Ns = 0;
    double p95Ns = 0;
    double p99Ns = 0;
    double cv = 0;  ///< coefficient of variation, stddev / mean; 0 when samples < 2
    double ciLowNs = 0;  ///< bootstrap 95% confidence interval of the median (fixed seed, reproducible)
    double ciHighNs = 0;
    int outliers = 0;  ///< measured samples whose modified z-score exceeds 3.5 (Iglewicz-Hoaglin)
    int steadyStateIndex = 0;  ///< Sample::index where steady state begins, warm-up samples included in the search
};

struct Result {
    int itemIndex = -1;
    std::string workloadId;
    std::string workloadTitle;
    std::string runtimeId;
    std::string runtimeName;
    std::string runtimeVersion;
    /// The runtime's language ("python", "javascript", "native"; RuntimeInfo::language) and whether it is embedded:
    /// what says which side of "Python or Node.js?" a result is on. Empty when unknown (a file without runtimes).
    std::string language;
    bool embedded = false;
    std::string flavour;  ///< "plain", "numpy", ...
    std::string flavourLabel;  ///< "CPython + NumPy"; empty for the plain flavour
    ParamValues params;
    ResultStatus status = ResultStatus::Ok;
    Failure failure;
    std::string answer;  ///< canonical JSON text of the workload's answer
    std::string expectedAnswer;  ///< canonical JSON text when the manifest knows it
    std::int64_t innerLoops = 0;
    std::vector<Sample> samples;
    Summary summary;
    std::map<std::string, double> reported;  ///< values the workload reports itself (Reported metrics)
    std::string output;  ///< captured stdout/stderr of the workload (truncated)
    std::int64_t outputDroppedBytes = 0;
    double wallSeconds = 0;  ///< from start to end of this item, set-up included
    std::string order = "sequential";  ///< how the plan ran it: sequential, interleaved, random or race
    std::string stopReason = "samples";  ///< what ended sampling: samples, ci-target or time-budget
    /// What the harness's own timed loop costs per call (an empty workload measured in the same loop form), in ns;
    /// included in every per-call time. -1 when unknown (results files written before it existed).
    double harnessOverheadNs = -1;
    /// Things the user should know about this result that do not make it fail ("each call takes 90 ns, of which
    /// about 20 ns is the harness: use a larger parameter"; "left a timer running").
    std::vector<std::string> warnings;
    /// CPU time of the child process that ran the job (process runtimes only; -1 elsewhere), for the hyperfine export.
    std::int64_t childUserNs = -1;
    std::int64_t childSysNs = -1;
    int childExitCode = -1;  ///< exit status of that child; -1 when none or killed by a signal
    /// Isolated jobs: time from spawning each round's worker process until its runtime was ready to run the job,
    /// summed over the item's rounds (one fresh worker per round): what isolation cost. -1 for in-process jobs.
    std::int64_t workerStartNs = -1;

    bool ok() const { return status == ResultStatus::Ok; }
    /// "CPython (embedded)" or "CPython (embedded) + NumPy": the name of this series on charts and tables.
    std::string seriesName() const;
};

/// "fib (n=22)": a workload with its parameters, the group within which results are compared (one headline, one
/// reference answer, one row group). The one place this key is built.
std::string comparisonKey(const std::string& workloadId, const ParamValues& params);

/// "n=27, seed=1" in the manifest's order is not known here: keys sort alphabetically.
std::string formatParams(const ParamValues& params);
std::string formatParamValue(const ParamValue& value);
/// A number as people write it and as it reads back: whole numbers in full ("4294967295", not "4.29497e+09"),
/// others in the shortest text that parses to the same double ("0.1", "2.5e-07").
std::string formatNumber(double v);

}  // namespace versus
