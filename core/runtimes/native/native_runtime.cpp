// NativeRuntime: looks the workload up among the native implementations and measures it with the C++ harness.
#include "native_runtime.h"

#include <chrono>
#include <exception>

#include "harness_job.h"
#include "native_harness.h"
#include "native_workloads.h"

namespace versus {

namespace {

#if defined(__clang__)
constexpr const char* kCompiler = "clang++ " __clang_version__;
#else
constexpr const char* kCompiler = "g++ " __VERSION__;
#endif

}  // namespace

RuntimeInfo NativeRuntime::info() const
{
    return descriptor().info;
}

RuntimeDescriptor NativeRuntime::descriptor()
{
    RuntimeDescriptor d;
    d.info = {"native", "Native C++ (reference)", "native", kCompiler, "-O2", false};
    d.create = [] { return std::make_unique<NativeRuntime>(); };
    return d;
}

void NativeRuntime::cancel()
{
    if (m_running)
        m_cancel = true;
}

Result NativeRuntime::execute(const RunJob& job, EventSink& sink)
{
    m_cancel = false;
    m_running = true;
    struct RunningFlag {
        std::atomic<bool>& running;
        ~RunningFlag() { running = false; }
    } runningFlag{m_running};

    HarnessJobContext context(job, sink);
    const auto& workloads = native::nativeWorkloads();
    const auto found = workloads.find(job.workload->id);
    if (found == workloads.end())
        return context.fail(FailureKind::RuntimeUnavailable,
                            "this build of Versus has no native implementation of '" + job.workload->id
                                + "': add one in core/runtimes/native/native_workloads.cpp, or remove "
                                  "{\"language\": \"native\"} from the workload's manifest");
    try {
        const native::NativeCall call = found->second(job.params);
        MeasureHooks hooks;
        hooks.call = call;
        hooks.clockNs = [] {
            return std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                .count();
        };
        hooks.heapBytes = [] { return std::int64_t(-1); };
        hooks.cancelled = [this] { return m_cancel.load(); };
        return context.succeed(measure(job.options, hooks, context));
    } catch (const MeasureCancelled&) {
        return context.fail(FailureKind::Cancelled, "cancelled");
    } catch (const std::bad_alloc&) {
        return context.fail(FailureKind::OutOfMemory,
                            "the native implementation ran out of memory: use smaller parameters");
    } catch (const std::exception& e) {
        return context.fail(FailureKind::ScriptError,
                            std::string("the native implementation of '") + job.workload->id + "' failed: " + e.what());
    }
}

}  // namespace versus
