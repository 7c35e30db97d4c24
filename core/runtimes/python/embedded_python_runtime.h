// Embedded CPython 3.11 through pybind11: one interpreter per process, owned by one dedicated thread.
#pragma once

#include <memory>

#include "runtime.h"

namespace versus {

/// Runs jobs in the process's one CPython interpreter. The interpreter is created on first use, on a thread that
/// owns it for the life of the process; every call into Python happens there.
class EmbeddedPythonRuntime final : public Runtime {
public:
    EmbeddedPythonRuntime();
    ~EmbeddedPythonRuntime() override;
    RuntimeInfo info() const override;
    Result execute(const RunJob& job, EventSink& sink) override;
    /// Raises VersusCancelled in the interpreter thread through a signal: delivered within a few ms of bytecode, and
    /// at once in calls that wait (time.sleep, lock waits, select); C code that computes without returning to the
    /// interpreter finishes its call first.
    void cancel() override;

    static RuntimeDescriptor descriptor();
    /// Bytes CPython holds right now (pymalloc arenas + raw allocations), from allocator hooks; any thread.
    static std::int64_t heapBytes();
    /// Milliseconds py::initialize_interpreter took in this process; 0 before the interpreter exists. Any thread.
    static double interpreterInitMs();
};

}  // namespace versus
