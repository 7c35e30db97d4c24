// What every harness-driven runtime shares: the job description handed to harness.py / harness.js, and the
// collection of what the harness reports back into a Result.
#pragma once

#include <string>

#include "runtime.h"

namespace versus {

/// JSON given to the harness's run_job: {script, function, workload_id, params, options}.
std::string harnessJobJson(const RunJob& job);

/// Collects one job's calibration, samples and output (posting each as an event) and turns the harness's final
/// result JSON into a Result. Called on the runtime's own thread.
class HarnessJobContext {
public:
    HarnessJobContext(const RunJob& job, EventSink& sink);

    void calibrated(std::int64_t innerLoops, std::int64_t elapsedNs);
    void sample(int index, bool warmup, std::int64_t innerLoops, std::int64_t elapsedNs, std::int64_t heapBytes);
    void output(const std::string& stream, const std::string& text);

    /// Parses the harness result {ok, answer, report | kind, message, file, line, output_dropped_bytes}.
    Result finish(const std::string& resultJson);
    /// Ends the job as successful with this answer (JSON text); for runtimes whose harness is C++.
    Result succeed(std::string answerJson);
    /// Ends the job as failed, keeping the samples and output gathered so far.
    Result fail(FailureKind kind, std::string message, std::string file = {}, int line = 0);

    const Result& partial() const { return m_result; }

private:
    const RunJob& m_job;
    EventSink& m_sink;
    Result m_result;
};

/// Maps the harness's failure kind names ("script-error", "exit", ...) back to FailureKind.
FailureKind failureKindFromName(const std::string& name);

} // namespace versus
