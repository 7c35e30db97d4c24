// An embedded runtime's job in a worker process of its own: spawn, forward events, watch memory, report a death.
#include "isolated_runtime.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "clock.h"
#include "install_layout.h"
#include "memory_sampler.h"
#include "worker_protocol.h"

namespace versus {

namespace {

constexpr auto kMemoryPollPeriod = std::chrono::milliseconds(10);

std::string megabytes(std::int64_t bytes)
{
    return std::to_string(bytes / (1024 * 1024)) + " MB";
}

/// Polls a process's resident memory on a thread of its own while a worker runs; asks `stopper` to end the worker
/// when it exceeds `limitBytes`.
class MemoryWatch {
public:
    MemoryWatch(std::int64_t limitBytes, ChildStopper& stopper)
        : m_limit(limitBytes), m_stopper(stopper), m_thread([this] { loop(); })
    {
    }
    ~MemoryWatch()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    void watch(pid_t pid) { m_pid = pid; }
    bool exceeded() const { return m_exceeded; }
    std::int64_t peakBytes() const { return m_peak; }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        while (!m_done) {
            m_wake.wait_for(lock, kMemoryPollPeriod, [this] { return m_done; });
            const pid_t pid = m_pid;
            if (m_done || pid <= 0 || m_exceeded)
                continue;
            const std::int64_t rss = processRssBytes(pid);
            m_peak = std::max<std::int64_t>(m_peak, rss);
            if (rss > m_limit) {
                m_exceeded = true;
                m_stopper.request();
            }
        }
    }

    const std::int64_t m_limit;
    ChildStopper& m_stopper;
    std::atomic<pid_t> m_pid{-1};
    std::atomic<bool> m_exceeded{false};
    std::atomic<std::int64_t> m_peak{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;  // last: starts once everything above exists
};

std::string withLastOutput(const ChildOutcome& outcome)
{
    const std::string tail = outcome.lastLines();
    return tail.empty() ? std::string(" It wrote nothing before it ended.") : " Its last output:\n" + tail;
}

/// V8 and CPython say so on stderr when an allocation failed: the address-space limit was what stopped them.
bool diedOfMemory(const ChildOutcome& outcome)
{
    for (const char* sign : {"Fatal process out of memory", "Fatal process OOM", "Cannot allocate memory",
                             "MemoryError", "std::bad_alloc", "JavaScript heap out of memory"})
        if (outcome.stderrTail.find(sign) != std::string::npos)
            return true;
    return false;
}

}  // namespace

Expected<std::filesystem::path> findWorkerProgram()
{
    const auto named = programFromEnvironment("VERSUS_WORKER");
    if (!named || !named->empty())
        return named;
    // `versus` serves workers (it loads no Qt library); versus-gui has it next to it.
    const auto exe = executablePath();
    if (exe.filename() == "versus")
        return exe;
    std::error_code ec;
    if (std::filesystem::is_regular_file(exe.parent_path() / "versus", ec))
        return exe.parent_path() / "versus";
#ifdef VERSUS_WORKER_BUILD_PATH
    if (std::filesystem::is_regular_file(VERSUS_WORKER_BUILD_PATH, ec))
        return std::filesystem::path(VERSUS_WORKER_BUILD_PATH);
#endif
    return Error{"isolation needs the versus executable, which serves 'versus worker', and " + exe.string()
                 + " is not it: set VERSUS_WORKER to the path of versus"};
}

std::int64_t workerMemoryLimit(const HarnessOptions& options)
{
    if (options.workerMemoryLimitBytes > 0)
        return options.workerMemoryLimitBytes;
    return static_cast<std::int64_t>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGESIZE) / 2;
}

IsolatedRuntime::IsolatedRuntime(RuntimeInfo info) : m_info(std::move(info)), m_wrappedName(m_info.name)
{
    // "CPython (embedded)" becomes "CPython (embedded, isolated)": tables and charts say how the job ran.
    if (!m_info.name.empty() && m_info.name.back() == ')')
        m_info.name.insert(m_info.name.size() - 1, ", isolated");
    else
        m_info.name += " (isolated)";
}

void IsolatedRuntime::cancel()
{
    m_stopper.request();
}

Result IsolatedRuntime::execute(const RunJob& job, EventSink& sink)
{
    m_stopper.reset();
    Result partial;  // what arrived before the worker ended, kept when it does not report a result
    std::int64_t outputBudget = job.options.outputLimitBytes;
    auto keepOutput = [&](const std::string& stream, std::string text) {
        const auto size = static_cast<std::int64_t>(text.size());
        if (outputBudget < size) {
            partial.outputDroppedBytes += size;
            return;
        }
        outputBudget -= size;
        partial.output += text;
        sink.post(OutputEvent{job.key, stream, std::move(text)});
    };
    auto failWith = [&](FailureKind kind, std::string message) {
        partial.status = kind == FailureKind::Cancelled ? ResultStatus::Cancelled : ResultStatus::Failed;
        partial.failure = {kind, std::move(message), {}, 0};
        return partial;
    };

    const auto program = findWorkerProgram();
    if (!program)
        return failWith(FailureKind::RuntimeUnavailable, program.error());

    const std::int64_t limit = workerMemoryLimit(job.options);
    WorkerJob workerJob;
    workerJob.runtimeId = m_info.id;
    workerJob.manifest = (job.workload->directory / "manifest.json").string();
    workerJob.language = job.implementation->language;
    workerJob.flavour = job.implementation->flavour;
    workerJob.key = job.key;
    for (const auto& [name, value] : job.params)
        workerJob.params[name] = formatParamValue(value);
    workerJob.options = job.options;
    workerJob.sampleIndexOffset = job.sampleIndexOffset;
    workerJob.servicesJson = job.servicesJson;
    workerJob.memoryLimitBytes = limit;
    workerJob.parentPid = static_cast<int>(getpid());

    std::optional<Result> reported;
    std::string junk;
    std::int64_t readyNs = -1;
    const std::int64_t spawnedNs = steadyNowNs();
    const std::string rssSeries = m_info.name + " worker RSS";
    MemoryWatch memory(limit, m_stopper);

    ChildCallbacks callbacks;
    pid_t watched = -1;
    callbacks.onPid = [&](pid_t pid) {
        if (watched > 0)
            WatchedProcesses::remove(watched);
        watched = pid;
        memory.watch(pid);
        if (pid > 0)
            WatchedProcesses::add(pid, rssSeries);
    };
    callbacks.onProtocolLine = [&](std::string_view line) {
        WorkerMessage message = parseWorkerLine(line, job.key);
        if (!message.error.empty()) {
            junk = message.error;
            return false;
        }
        if (message.ready)
            readyNs = steadyNowNs();
        if (message.result)
            reported = std::move(message.result);
        if (!message.event)
            return true;
        if (auto* sample = std::get_if<SampleEvent>(&*message.event))
            partial.samples.push_back(sample->sample);
        if (auto* calibrated = std::get_if<CalibratedEvent>(&*message.event))
            partial.innerLoops = calibrated->innerLoops;
        if (auto* output = std::get_if<OutputEvent>(&*message.event)) {
            partial.output += output->text;  // the worker's harness already kept it within the budget
            outputBudget -= static_cast<std::int64_t>(output->text.size());
        }
        sink.post(std::move(*message.event));
        return true;
    };
    // What the worker process itself wrote (a fatal error of CPython or V8, C code writing to fd 2): kept too.
    callbacks.onOutput = [&](const char* stream, std::string_view text) { keepOutput(stream, std::string(text)); };

    ChildSpec spec;
    spec.argv = {program->string(), "worker"};
    spec.stdinData = workerJobToJson(workerJob);
    spec.protocolPipe = true;
    spec.throughHelper = false;  // the worker's own peak RSS is not a figure of the workload
    const ChildOutcome outcome = runChild(spec, callbacks, &m_stopper);

    partial.workerStartNs = readyNs > 0 ? readyNs - spawnedNs : -1;
    const std::string who = "the isolated worker of " + m_wrappedName;
    if (!outcome.startError.empty())
        return failWith(FailureKind::RuntimeUnavailable, "the isolated worker " + outcome.describeEnd() + ".");
    if (memory.exceeded() || (outcome.signal != 0 && diedOfMemory(outcome)))
        return failWith(FailureKind::OutOfMemory,
                        "memory limit of " + megabytes(limit) + " exceeded: " + who + " reached "
                            + megabytes(std::max(memory.peakBytes(), limit))
                            + " and was stopped. Use smaller "
                              "parameters, or raise the limit (--memory-limit MB).");
    if (!junk.empty())
        return failWith(FailureKind::Protocol,
                        "the isolated worker wrote something that is not its protocol (" + junk
                            + "). This is a bug of Versus; please report it.");
    if (reported) {
        Result result = std::move(*reported);
        result.workerStartNs = partial.workerStartNs;
        result.output = partial.output;  // the worker's own output as well as the workload's
        result.outputDroppedBytes += partial.outputDroppedBytes;
        return result;
    }
    if (outcome.stopped && !outcome.timedOut)
        return failWith(FailureKind::Cancelled, "cancelled (the isolated worker was stopped)");
    return failWith(FailureKind::Crash,
                    who + " " + outcome.describeEnd()
                        + (outcome.signal == SIGKILL ? " (sent by the workload itself or by the "
                                                       "kernel's out-of-memory killer)"
                                                     : "")
                        + " before it reported a result; the workload's code ended its process. "
                          "The run went on with a fresh worker."
                        + withLastOutput(outcome));
}

}  // namespace versus
