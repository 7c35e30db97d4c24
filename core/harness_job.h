// What every harness-driven runtime shares: the job description handed to harness.py / harness.js, and the
// collection of what the harness reports back into a Result.
#pragma once

#include <filesystem>
#include <string>

#include <sys/types.h>

#include "runtime.h"

namespace versus {

/// Collects one job's calibration, samples and output (posting each as an event) and turns the harness's final
/// result JSON into a Result. Called on the runtime's own thread.
class HarnessJobContext {
public:
    /// Creates the job's private temporary folder; the destructor removes it with everything in it, whatever
    /// way the job ended (a cancelled Node.js job runs no JavaScript finally blocks).
    HarnessJobContext(const RunJob& job, EventSink& sink);

    /// Extra tolerance of the clock check per sample, on top of 10% + 1 ms (default 5 ms): more for runtimes whose
    /// sample_begin and sample arrive through a pipe, each read as late as the reading thread is scheduled.
    void setClockSlackNs(std::int64_t slackNs) { m_clockSlackNs = slackNs; }
    /// The child process whose main thread runs the harness (a process runtime): the time it waits for a CPU
    /// during a sample widens that sample's check, as the reading thread's own wait does.
    void setHarnessProcess(pid_t pid) { m_harnessPid = pid; }
    ~HarnessJobContext();
    HarnessJobContext(const HarnessJobContext&) = delete;
    HarnessJobContext& operator=(const HarnessJobContext&) = delete;

    /// JSON given to the harness's run_job: {script, function, workload_id, params, options, temp_dir}.
    std::string jobJson() const;
    const std::filesystem::path& tempDir() const { return m_tempDir; }
    /// Closes this process's descriptors still open on files in the temp folder. Only for a runtime in which
    /// nothing can own them any more (a discarded Node.js environment: a job stopped while a file was being opened
    /// or before its teardown ran); elsewhere a live object might later close the same number again.
    void closeLeakedDescriptors() const;

    void calibrated(std::int64_t innerLoops, std::int64_t elapsedNs);
    /// The harness is about to start a sample's timed loop: the host's own clock starts here, so that sample() can
    /// check the runtime's reported time against it (a workload must not be able to forge its own time).
    void sampleBegin();
    /// Checks the reported time against the host's clock since sampleBegin(). The tolerance grows by the time this
    /// thread and the harness process waited for a CPU in between (the kernel's run-queue delay): on a loaded
    /// machine either can be descheduled between a clock reading and the event that carries it (34 ms seen on a CI
    /// machine, twice in one job). A forged clock is not a wait, so it stays outside.
    void sample(int index, bool warmup, std::int64_t innerLoops, std::int64_t elapsedNs, std::int64_t heapBytes);
    void output(const std::string& stream, const std::string& text);
    /// A garbage collection of `runtime` that started at `startNs` (steady clock) and paused for `pauseNs`.
    void gc(const std::string& runtime, std::int64_t startNs, std::int64_t pauseNs);

    /// Parses the harness result {ok, answer, report, harness_overhead_ns, warnings | kind, message, file, line,
    /// output_dropped_bytes}. Clock disagreements fail the job here, whatever the harness said: in every checked sample,
    /// or in two or more. A single one among several samples is the thread being preempted between the host's clock
    /// reading and the timed loop (seen under ctest -j2 next to other builds: 1.1 ms reported, 2.6 ms by the host);
    /// a forged clock disagrees in every sample.
    Result finish(const std::string& resultJson);
    /// Ends the job as successful with this answer (JSON text); for runtimes whose harness is C++.
    Result succeed(std::string answerJson);
    /// Ends the job as failed, keeping the samples and output gathered so far.
    Result fail(FailureKind kind, std::string message, std::string file = {}, int line = 0);

    const Result& partial() const { return m_result; }

private:
    /// Run-queue waits of this thread and the harness process since sampleBegin(), in ns (0 where unknown).
    std::int64_t waitedSinceSampleBegin() const;

    const RunJob& m_job;
    EventSink& m_sink;
    Result m_result;
    std::filesystem::path m_tempDir;
    /// Between the host's clock reading and the timed loop an embedded runtime may still compile the loop (V8's
    /// baseline tier) or collect garbage: 1.7 ms seen on 1 ms samples under ctest -j2. A forged clock on samples of
    /// the default 50 ms is still far outside 10% + 6 ms, and zero always is.
    std::int64_t m_clockSlackNs = 5'000'000;
    std::int64_t m_sampleBeginNs = 0;  ///< host steady clock at the last sampleBegin(); 0 when none is pending
    std::int64_t m_beginWaitNs = -1;  ///< this thread's run-queue wait at sampleBegin(); -1 when unknown
    std::int64_t m_beginHarnessWaitNs = -1;  ///< the harness process's, likewise
    pid_t m_harnessPid = -1;
    std::string m_clockError;  ///< the first disagreement between the runtime's clock and the host's
    int m_clockChecked = 0;  ///< samples checked against the host's clock
    int m_clockMismatches = 0;  ///< of which disagreed
};

/// Why a sample's reported time cannot be trusted, or "" when it agrees with the host's clock: the runtime's time
/// must be positive and within 10% + 1 ms + `slackNs` of the host's time around the same sample (which also holds the
/// cost of reporting, far below that tolerance).
std::string checkSampleClock(std::int64_t reportedNs, std::int64_t hostNs, std::int64_t slackNs = 0);

/// Makes a write to a closed socket or pipe fail with EPIPE instead of killing the whole process with SIGPIPE, as
/// `python3` and `node` do at start-up: an embedded runtime calls it before its first job, because workload code in
/// the host process (an HTTP server whose client went away) writes to sockets. Children keep the default: every
/// spawn path resets signal dispositions (our posix_spawn, Python's subprocess, libuv).
void ignoreBrokenPipeSignals();

/// Maps the harness's failure kind names ("script-error", "exit", ...) back to FailureKind.
FailureKind failureKindFromName(const std::string& name);

}  // namespace versus
