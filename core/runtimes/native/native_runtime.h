// The native runtime: C++ reference implementations of the CPU workloads behind the Runtime interface, measured by
// the same harness algorithm as the interpreters (native_harness.h).
#pragma once

#include <atomic>

#include "runtime.h"

namespace versus {

class NativeRuntime final : public Runtime {
public:
    RuntimeInfo info() const override;
    /// Runs on the scheduler's thread; the workload's calls run right there.
    Result execute(const RunJob& job, EventSink& sink) override;
    /// Any thread: the running job stops before its next call of the workload.
    void cancel() override;

    static RuntimeDescriptor descriptor();

private:
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancel{false};
};

}  // namespace versus
