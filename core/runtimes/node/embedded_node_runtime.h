// Embedded Node.js 18 through libnode: one platform per process, a fresh environment per job on this runtime's
// own worker thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime.h"

namespace versus {

class EmbeddedNodeRuntime final : public Runtime {
public:
    /// `forkProgram` is the node executable that child_process.fork starts (process.execPath is the Versus binary
    /// here), with `forkEnvironment` ("NAME=value") added to the children's environment; empty: fork is unavailable.
    explicit EmbeddedNodeRuntime(std::string forkProgram = {}, std::vector<std::string> forkEnvironment = {});
    ~EmbeddedNodeRuntime() override;
    RuntimeInfo info() const override;
    /// Creates a Node.js environment on the worker thread, runs the harness in it, and tears it down, so that no
    /// job (nor its process.exit) can leave state behind for the next.
    Result execute(const RunJob& job, EventSink& sink) override;
    /// TerminateExecution on the running isolate; any thread, never blocks. Child processes the job started are
    /// killed once its environment has stopped.
    void cancel() override;

    static RuntimeDescriptor descriptor(std::string forkProgram = {}, std::vector<std::string> forkEnvironment = {});
    /// Milliseconds Node's per-process initialisation (InitializeOncePerProcess, platform, V8) took; 0 before it
    /// ran. Any thread.
    static double processInitMs();
    /// Milliseconds the most recent environment took to create (CommonEnvironmentSetup::Create); 0 before. Any thread.
    static double lastEnvironmentCreateMs();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace versus
