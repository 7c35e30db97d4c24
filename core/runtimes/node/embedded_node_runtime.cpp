// Embedded Node.js: process-wide platform, per-job environments, host functions, termination and heap limits.
#include "node/embedded_node_runtime.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include <node.h>
#include <node_version.h>
#include <uv.h>
#include <v8-version.h>

#include <nlohmann/json.hpp>

#include "harness_job.h"
#include "leaked_children.h"
#include "worker_thread.h"
#include "clock.h"

namespace versus {

namespace {

std::atomic<double> g_processInitMs{0};  // for `versus startup-probe`
std::atomic<double> g_lastEnvironmentCreateMs{0};

/// V8 and Node's per-process state, initialised once, on first use, and never torn down before exit (environments
/// on other threads may outlive any owner we could pick).
class NodePlatform {
public:
    static NodePlatform& instance()
    {
        static NodePlatform* platform = new NodePlatform();
        return *platform;
    }
    node::MultiIsolatePlatform* platform() const { return m_platform.get(); }
    const std::string& initError() const { return m_initError; }

private:
    NodePlatform()
    {
        const auto started = std::chrono::steady_clock::now();
        initialize();
        g_processInitMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    }

    void initialize()
    {
        ignoreBrokenPipeSignals();  // node does it too, but kNoDefaultSignalHandling leaves it to the host
        static char arg0[] = "versus";
        static char* argv[] = {arg0, nullptr};
        char** processed = uv_setup_args(1, argv);
        std::vector<std::string> args{processed[0]};
        using F = node::ProcessInitializationFlags::Flags;
        auto result = node::InitializeOncePerProcess(
            args,
            {F::kNoInitializeV8, F::kNoInitializeNodeV8Platform, F::kNoDefaultSignalHandling, F::kNoStdioInitialization,
             F::kNoAdjustResourceLimits, F::kDisableNodeOptionsEnv, F::kNoParseGlobalDebugVariables,
             F::kNoUseLargePages, F::kNoPrintHelpOrVersionOutput});
        if (!result->errors().empty()) {
            for (const auto& e : result->errors())
                m_initError += e + "; ";
            return;
        }
        // Only what the node executable does by default, so that embedded Node runs like `node`: V8's own heap limit
        // (from the machine's memory, as in node) unless VERSUS_NODE_HEAP_MB asks for another, and node's default
        // --v8-pool-size of 4 platform threads (concurrent marking, compilation and parallel scavenges use them).
        if (const int heapMb = heapLimitMb(); heapMb > 0) {
            const std::string heapFlag = "--max-old-space-size=" + std::to_string(heapMb);
            v8::V8::SetFlagsFromString(heapFlag.c_str(), heapFlag.size());
        }
        m_platform = node::MultiIsolatePlatform::Create(kNodeDefaultThreadPoolSize);
        v8::V8::InitializePlatform(m_platform.get());
        v8::V8::Initialize();
    }

    /// VERSUS_NODE_HEAP_MB, or 0: V8's default limit, which the near-heap-limit callback enforces all the same.
    static int heapLimitMb()
    {
        if (const char* env = std::getenv("VERSUS_NODE_HEAP_MB"))
            if (int mb = std::atoi(env); mb >= 64)
                return mb;
        return 0;
    }

    static constexpr int kNodeDefaultThreadPoolSize = 4;  // node's --v8-pool-size default (src/node_options.h)

    std::unique_ptr<node::MultiIsolatePlatform> m_platform;
    std::string m_initError;
};

/// State of the job that runs now; reached from the host functions through a v8::External.
struct NodeJob {
    HarnessJobContext* context = nullptr;
    v8::Isolate* isolate = nullptr;
    node::Environment* env = nullptr;
    std::optional<std::string> resultJson;
    std::string stopReason;  ///< "process.exit(3)" and the like
    std::string stopFile;
    int stopLine = 0;
    std::optional<int> exitCode;
    bool outOfMemory = false;
    /// Collections since the last sample (start, pause), from V8's GC callbacks; reported after each sample so
    /// that nothing is posted from inside the timed loop.
    std::int64_t gcStartNs = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> gcPending;

    void flushGc()
    {
        for (const auto& [start, pause] : gcPending)
            context->gc("Node.js (embedded)", start, pause);
        gcPending.clear();
    }
};

void gcPrologue(v8::Isolate*, v8::GCType, v8::GCCallbackFlags, void* data)
{
    static_cast<NodeJob*>(data)->gcStartNs = steadyNowNs();
}

void gcEpilogue(v8::Isolate*, v8::GCType, v8::GCCallbackFlags, void* data)
{
    auto* job = static_cast<NodeJob*>(data);
    if (job->gcStartNs && job->gcPending.size() < 1000)
        job->gcPending.emplace_back(job->gcStartNs, steadyNowNs() - job->gcStartNs);
    job->gcStartNs = 0;
}

NodeJob* jobOf(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    return static_cast<NodeJob*>(info.Data().As<v8::External>()->Value());
}

std::int64_t integerArg(const v8::FunctionCallbackInfo<v8::Value>& info, int i)
{
    return info[i]->IntegerValue(info.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

std::string stringArg(const v8::FunctionCallbackInfo<v8::Value>& info, int i)
{
    v8::String::Utf8Value text(info.GetIsolate(), info[i]);
    return *text ? std::string(*text, static_cast<size_t>(text.length())) : std::string();
}

std::int64_t heapBytes(v8::Isolate* isolate)
{
    v8::HeapStatistics stats;
    isolate->GetHeapStatistics(&stats);
    return static_cast<std::int64_t>(stats.used_heap_size() + stats.external_memory());
}

void hostCalibrated(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    jobOf(info)->context->calibrated(integerArg(info, 0), integerArg(info, 1));
}

/// Called by the harness immediately before each sample's timed loop: the host's clock for that sample starts here.
void hostSampleBegin(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    jobOf(info)->context->sampleBegin();
}

void hostSample(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    NodeJob* job = jobOf(info);
    job->context->sample(static_cast<int>(integerArg(info, 0)), info[1]->BooleanValue(info.GetIsolate()),
                         integerArg(info, 2), integerArg(info, 3), heapBytes(info.GetIsolate()));
    job->flushGc();
}

void hostOutput(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    jobOf(info)->context->output(stringArg(info, 0), stringArg(info, 1));
}

/// The answer is in: end the environment now, so that timers or servers the workload left running (the harness
/// reported them as a warning) cannot keep the event loop, and the job, alive until the timeout.
void hostDone(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    NodeJob* job = jobOf(info);
    job->resultJson = stringArg(info, 0);
    node::Stop(job->env);
}

/// The job failed outside the harness's own try/catch (an exception in a callback): keep its result, end the script.
void hostAbandon(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    NodeJob* job = jobOf(info);
    job->resultJson = stringArg(info, 0);
    node::Stop(job->env);
}

// Ending a job always goes through node::Stop(env), never a bare TerminateExecution: Stop also tells Node that
// it may no longer call into JavaScript, so callback scopes that the termination unwinds do not abort the process
// ("async hook stack has become corrupted"). The environment is discarded afterwards.

/// Workload code called process.exit/abort/kill: record it and end the script; termination cannot be caught.
void hostStop(const v8::FunctionCallbackInfo<v8::Value>& info)
{
    NodeJob* job = jobOf(info);
    job->stopReason = stringArg(info, 0);
    job->stopFile = stringArg(info, 1);
    job->stopLine = static_cast<int>(integerArg(info, 2));
    node::Stop(job->env);
}

size_t nearHeapLimit(void* data, size_t currentLimit, size_t /*initialLimit*/)
{
    auto* job = static_cast<NodeJob*>(data);
    job->outOfMemory = true;
    node::Stop(job->env);
    return currentLimit + (64u << 20);  // room to unwind; the environment is discarded afterwards
}

void setFunction(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
                 v8::FunctionCallback callback, NodeJob* job)
{
    v8::Isolate* isolate = context->GetIsolate();
    auto fn = v8::Function::New(context, callback, v8::External::New(isolate, job)).ToLocalChecked();
    target->Set(context, v8::String::NewFromUtf8(isolate, name).ToLocalChecked(), fn).Check();
}

}  // namespace

struct EmbeddedNodeRuntime::Impl {
    WorkerThread thread{64u << 20};
    std::mutex envMutex;  // guards `env` against the worker tearing it down while cancel() uses it
    node::Environment* env = nullptr;  // the running job's environment
    std::atomic<bool> cancelRequested{false};
    std::string forkProgram;
    std::vector<std::string> forkEnvironment;

    Result runOnWorker(const RunJob& job, EventSink& sink);
};

EmbeddedNodeRuntime::EmbeddedNodeRuntime(std::string forkProgram, std::vector<std::string> forkEnvironment)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->forkProgram = std::move(forkProgram);
    m_impl->forkEnvironment = std::move(forkEnvironment);
}
EmbeddedNodeRuntime::~EmbeddedNodeRuntime() = default;

RuntimeInfo EmbeddedNodeRuntime::info() const
{
    return descriptor().info;
}

RuntimeDescriptor EmbeddedNodeRuntime::descriptor(std::string forkProgram, std::vector<std::string> forkEnvironment)
{
    RuntimeDescriptor d;
    const std::string v8Version = std::to_string(V8_MAJOR_VERSION) + "." + std::to_string(V8_MINOR_VERSION) + "."
        + std::to_string(V8_BUILD_NUMBER) + "." + std::to_string(V8_PATCH_LEVEL);
    d.info = {"node", "Node.js (embedded)", "javascript", NODE_VERSION_STRING, "V8 " + v8Version, true};
    d.create = [forkProgram, forkEnvironment] {
        return std::make_unique<EmbeddedNodeRuntime>(forkProgram, forkEnvironment);
    };
    return d;
}

double EmbeddedNodeRuntime::processInitMs()
{
    return g_processInitMs.load();
}

double EmbeddedNodeRuntime::lastEnvironmentCreateMs()
{
    return g_lastEnvironmentCreateMs.load();
}

void EmbeddedNodeRuntime::cancel()
{
    std::lock_guard lock(m_impl->envMutex);
    if (m_impl->env) {
        m_impl->cancelRequested = true;
        node::Stop(m_impl->env);  // thread-safe; see the note on node::Stop above
    }
}

Result EmbeddedNodeRuntime::execute(const RunJob& job, EventSink& sink)
{
    Result result;
    m_impl->thread.call([&] { result = m_impl->runOnWorker(job, sink); });
    return result;
}

Result EmbeddedNodeRuntime::Impl::runOnWorker(const RunJob& job, EventSink& sink)
{
    HarnessJobContext context(job, sink);
    NodePlatform& platform = NodePlatform::instance();
    if (!platform.initError().empty())
        return context.fail(FailureKind::RuntimeUnavailable, "Node.js could not start: " + platform.initError());

    std::vector<std::string> errors;
    // No process-state ownership, no inspector, no native addons, no global module search paths: the host
    // process belongs to Versus, and several environments may live side by side.
    auto flags = static_cast<node::EnvironmentFlags::Flags>(
        node::EnvironmentFlags::kNoCreateInspector | node::EnvironmentFlags::kNoGlobalSearchPaths
        | node::EnvironmentFlags::kNoNativeAddons | node::EnvironmentFlags::kNoRegisterESMLoader);
    std::vector<std::string> args{"versus"};
    std::vector<std::string> execArgs;
    const auto createStarted = std::chrono::steady_clock::now();
    auto setup = node::CommonEnvironmentSetup::Create(platform.platform(), &errors, args, execArgs, flags);
    g_lastEnvironmentCreateMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - createStarted).count();
    if (!setup) {
        std::string text;
        for (const auto& e : errors)
            text += e + "; ";
        return context.fail(FailureKind::RuntimeUnavailable, "a Node.js environment could not be created: " + text);
    }

    const std::set<pid_t> childrenBefore = ownGroupChildren();
    NodeJob nodeJob;
    nodeJob.context = &context;
    nodeJob.isolate = setup->isolate();
    node::Environment* env = setup->env();
    nodeJob.env = env;
    {
        std::lock_guard lock(envMutex);
        this->env = env;
        cancelRequested = false;
    }
    {
        v8::Locker locker(nodeJob.isolate);
        v8::Isolate::Scope isolateScope(nodeJob.isolate);
        v8::HandleScope handleScope(nodeJob.isolate);
        v8::Local<v8::Context> jsContext = setup->context();
        v8::Context::Scope contextScope(jsContext);
        nodeJob.isolate->AddNearHeapLimitCallback(nearHeapLimit, &nodeJob);
        nodeJob.isolate->AddGCPrologueCallback(gcPrologue, &nodeJob);
        nodeJob.isolate->AddGCEpilogueCallback(gcEpilogue, &nodeJob);
        // process.exit reaches here only if workload code got past the harness's own guard (process.reallyExit
        // of a saved reference): stop this environment, never the host.
        node::SetProcessExitHandler(env, [&nodeJob](node::Environment* e, int code) {
            nodeJob.exitCode = code;
            node::Stop(e);
        });

        v8::Local<v8::Object> host = v8::Object::New(nodeJob.isolate);
        setFunction(jsContext, host, "calibrated", hostCalibrated, &nodeJob);
        setFunction(jsContext, host, "sampleBegin", hostSampleBegin, &nodeJob);
        setFunction(jsContext, host, "sample", hostSample, &nodeJob);
        setFunction(jsContext, host, "output", hostOutput, &nodeJob);
        setFunction(jsContext, host, "done", hostDone, &nodeJob);
        setFunction(jsContext, host, "stop", hostStop, &nodeJob);
        setFunction(jsContext, host, "abandon", hostAbandon, &nodeJob);
        jsContext->Global()
            ->Set(jsContext, v8::String::NewFromUtf8Literal(nodeJob.isolate, "__versusHost"), host)
            .Check();

        const std::string harnessPath = (harnessDirectory() / "harness.js").string();
        nlohmann::json forkNode = {{"execPath", forkProgram}, {"env", nlohmann::json::object()}};
        for (const auto& entry : forkEnvironment)
            if (const auto eq = entry.find('='); eq != std::string::npos)
                forkNode["env"][entry.substr(0, eq)] = entry.substr(eq + 1);
        const std::string source = "const host = globalThis.__versusHost;\n"
                                   "delete globalThis.__versusHost;\n"
                                   "const harnessPath = "
            + nlohmann::json(harnessPath).dump() + ";\n"
            + "require('module').createRequire(harnessPath)(harnessPath).runEmbedded(host, "
            + nlohmann::json(context.jobJson()).dump() + ", " + forkNode.dump() + ");\n";
        v8::MaybeLocal<v8::Value> loaded = node::LoadEnvironment(env, source.c_str());
        if (!loaded.IsEmpty() && !nodeJob.isolate->IsExecutionTerminating())
            node::SpinEventLoop(env);
        node::Stop(env);
        nodeJob.isolate->RemoveNearHeapLimitCallback(nearHeapLimit, 0);
        nodeJob.isolate->RemoveGCPrologueCallback(gcPrologue, &nodeJob);
        nodeJob.isolate->RemoveGCEpilogueCallback(gcEpilogue, &nodeJob);
        nodeJob.flushGc();
    }
    {
        std::lock_guard lock(envMutex);
        this->env = nullptr;
    }
    setup.reset();
    context.closeLeakedDescriptors();
    // A stopped environment runs no teardown: children it forked (child_process) would outlive the job.
    const std::string leakedChildren = killChildrenSince(childrenBefore);

    if (nodeJob.outOfMemory)
        return context.fail(
            FailureKind::OutOfMemory,
            "the JavaScript heap reached its limit and the workload was stopped. Use smaller parameters"
            " (the limit is V8's default for this machine's memory, as in node, or VERSUS_NODE_HEAP_MB).");
    if (cancelRequested)
        return context.fail(FailureKind::Cancelled, "cancelled");
    if (!nodeJob.stopReason.empty())
        return context.fail(FailureKind::Exit,
                            nodeJob.stopReason
                                + " was called: workload code must return its answer, not end the process. "
                                  "Remove the call.",
                            nodeJob.stopFile, nodeJob.stopLine);
    if (nodeJob.resultJson) {
        Result result = context.finish(*nodeJob.resultJson);
        if (!leakedChildren.empty() && result.ok())
            return context.fail(FailureKind::LeakedState, leakedChildren,
                                job.implementation ? job.implementation->file.string() : std::string());
        return result;
    }
    if (nodeJob.exitCode)
        return context.fail(FailureKind::Exit,
                            "the Node.js environment exited with code " + std::to_string(*nodeJob.exitCode)
                                + " (an uncaught exception in a callback ends it; see the captured output).");
    return context.fail(FailureKind::ScriptError,
                        "the workload ended without an answer: its promise never settled or the event loop ran dry. "
                        "Make run() return a value or a promise that resolves.");
}

}  // namespace versus
