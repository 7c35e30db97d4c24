// Events that leave the engine: one value type per discrete happening, carried through a bounded EventQueue.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "result.h"

namespace versus {

/// Identifies one item of a run plan: a workload implementation on one runtime.
struct ItemKey {
    int itemIndex = -1;  ///< position in the plan
    std::string workloadId;
    std::string runtimeId;
    std::string flavour;  ///< implementation flavour ("plain", "numpy", ...)
};

struct StartedEvent {
    ItemKey key;
    std::string runtimeName;  ///< "CPython (embedded)"
    std::string runtimeVersion;  ///< "3.11.2"
    ParamValues params;  ///< the item's parameters, resolved (what tells the steps of a stepped workload apart)
};

struct CalibratedEvent {
    ItemKey key;
    std::int64_t innerLoops = 0;  ///< calls per sample chosen by the doubling calibration
    std::int64_t lastElapsedNs = 0;  ///< duration of the last calibration attempt
};

struct SampleEvent {
    ItemKey key;
    Sample sample;
};

/// Text the workload printed; truncated per result (see HarnessOptions::outputLimitBytes).
struct OutputEvent {
    ItemKey key;
    std::string stream;  ///< "stdout" or "stderr"
    std::string text;
};

struct FinishedEvent {
    Result result;  ///< status ok; summary filled
};

struct FailedEvent {
    Result result;  ///< status failed or cancelled; failure filled
};

/// Whole plan finished (every item reported Finished or Failed).
struct PlanDoneEvent {
    int okCount = 0;
    int failedCount = 0;
    bool cancelled = false;
};

/// One point of a live memory series (MemorySampler): process RSS, a child's RSS, or a runtime's heap.
struct MemoryEvent {
    std::int64_t timestampNs = 0;  ///< steady clock (monotonic), nanoseconds
    std::string series;  ///< "Versus process RSS", "CPython (process) RSS", "CPython (embedded) heap"
    std::int64_t bytes = 0;
};

/// A garbage collection the runtime reported, for marking on a time axis.
struct GcEvent {
    std::int64_t timestampNs = 0;  ///< steady clock of the Versus process when the event arrived, nanoseconds
    std::string runtime;  ///< runtime name, "Node.js (process)"
    std::int64_t pauseNs = 0;  ///< duration of the collection as the runtime measured it
    std::string runtimeId;  ///< "node-process": what colours the marker; empty in files written before it
};

using Event = std::variant<StartedEvent, CalibratedEvent, SampleEvent, OutputEvent, FinishedEvent, FailedEvent,
                           PlanDoneEvent, MemoryEvent, GcEvent>;

/// Where runtimes put what they observe. Implementations must be callable from any thread.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void post(Event event) = 0;
};

}  // namespace versus
