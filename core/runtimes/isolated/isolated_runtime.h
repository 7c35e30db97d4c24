// The parent side of isolation: an embedded runtime's jobs run in a fresh `versus worker` process each, so that a
// crash, a signal, an exit or runaway memory of workload code ends that job only.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include "child_process.h"
#include "runtime.h"

namespace versus {

/// The program that serves `versus worker`: $VERSUS_WORKER, else the running executable when it is versus itself,
/// else the versus next to it (versus-gui's), else the versus executable of this build tree.
Expected<std::filesystem::path> findWorkerProgram();

/// The resident memory an isolated job may use under `options`: workerMemoryLimitBytes, or half of this machine's
/// physical memory when that is 0.
std::int64_t workerMemoryLimit(const HarnessOptions& options);

/// Wraps the runtime `info.id` of the worker's own registry (the same embedded runtimes, the same code). Each
/// execute() starts a worker (pyperf's manager/worker: the job on its stdin, JSON lines on fd 3, see
/// worker_protocol.h), forwards its events, and turns its death into a failed result naming the signal or exit status
/// and its last output. The worker's resident memory is polled every 10 ms and the worker stopped above the limit
/// ("memory limit of N MB exceeded"). cancel() from any thread kills the worker's process group (SIGTERM, SIGKILL
/// 100 ms later), which also ends code blocked in C.
class IsolatedRuntime final : public Runtime {
public:
    /// `info` is the wrapped runtime's; this one is named after it, "CPython (embedded, isolated)".
    explicit IsolatedRuntime(RuntimeInfo info);
    RuntimeInfo info() const override { return m_info; }
    Result execute(const RunJob& job, EventSink& sink) override;
    void cancel() override;

private:
    RuntimeInfo m_info;
    std::string m_wrappedName;  ///< "CPython (embedded)", for messages about its worker
    ChildStopper m_stopper;
};

}  // namespace versus
