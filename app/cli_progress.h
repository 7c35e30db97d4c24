// The CLI's view of a run: progress on stderr as the run session's events arrive.
#pragma once

#include <iosfwd>

#include "run_session.h"

namespace versus::cli {

/// On a terminal, progress grows as fragments ("fib on CPython (embedded): 64 call(s)/sample www..... 3.20 ms/call");
/// piped or redirected, where interleaved rounds would mix the fragments of several results, one line per finished
/// result. Quiet: nothing.
class CliProgress final : public RunObserver {
public:
    CliProgress(std::ostream& out, bool fragments, bool quiet);

    void started(const StartedEvent& e) override;
    void calibrated(const CalibratedEvent& e) override;
    void sample(const SampleEvent& e) override;
    void output(const OutputEvent& e) override;
    void finished(const FinishedEvent& e) override;
    void failed(const FailedEvent& e) override;
    void memory(const MemoryEvent& e) override;
    void gc(const GcEvent& e) override;
    void planDone(const PlanDoneEvent& e) override;

private:
    std::ostream& m_out;
    bool m_fragments;
    bool m_quiet;
};

}  // namespace versus::cli
