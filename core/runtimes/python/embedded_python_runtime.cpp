// Embedded CPython: interpreter thread, allocator accounting, the _versus_host module, cancellation.
#include "python/embedded_python_runtime.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <functional>
#include <csignal>
#include <malloc.h>
#include <mutex>
#include <pthread.h>

#include <pybind11/embed.h>

#include "harness_job.h"
#include "worker_thread.h"

namespace py = pybind11;

namespace versus {

namespace {

// ---- Allocator accounting -------------------------------------------------------------------------------------
// CPython's raw domain goes to malloc (pymalloc itself falls back to it for blocks over 512 bytes) and pymalloc
// takes whole arenas from the arena allocator. Counting both gives the bytes CPython holds, exactly, at the cost of
// one atomic add per malloc. NumPy's data buffers bypass both and are not counted.
PyMemAllocatorEx g_rawBase;
PyObjectArenaAllocator g_arenaBase;
std::atomic<std::int64_t> g_rawBytes{0};
std::atomic<std::int64_t> g_arenaBytes{0};
std::atomic<std::int64_t> g_limitBytes{0};  // 0: no limit; set while a job runs

bool overLimit(size_t more)
{
    const std::int64_t limit = g_limitBytes.load(std::memory_order_relaxed);
    return limit > 0
        && g_rawBytes.load(std::memory_order_relaxed) + g_arenaBytes.load(std::memory_order_relaxed)
            + static_cast<std::int64_t>(more)
        > limit;
}

void* rawMalloc(void* ctx, size_t size)
{
    if (overLimit(size))
        return nullptr;
    void* p = g_rawBase.malloc(ctx, size);
    if (p)
        g_rawBytes.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
    return p;
}

void* rawCalloc(void* ctx, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return nullptr;
    if (overLimit(count * size))
        return nullptr;
    void* p = g_rawBase.calloc(ctx, count, size);
    if (p)
        g_rawBytes.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
    return p;
}

void* rawRealloc(void* ctx, void* old, size_t size)
{
    const std::int64_t before = old ? static_cast<std::int64_t>(malloc_usable_size(old)) : 0;
    if (size > static_cast<size_t>(before) && overLimit(size - static_cast<size_t>(before)))
        return nullptr;
    void* p = g_rawBase.realloc(ctx, old, size);
    if (p)
        g_rawBytes.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)) - before, std::memory_order_relaxed);
    return p;
}

void rawFree(void* ctx, void* p)
{
    if (p)
        g_rawBytes.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
    g_rawBase.free(ctx, p);
}

void* arenaAlloc(void* ctx, size_t size)
{
    if (overLimit(size))
        return nullptr;
    void* p = g_arenaBase.alloc(ctx, size);
    if (p)
        g_arenaBytes.fetch_add(static_cast<std::int64_t>(size), std::memory_order_relaxed);
    return p;
}

void arenaFree(void* ctx, void* p, size_t size)
{
    if (p)
        g_arenaBytes.fetch_sub(static_cast<std::int64_t>(size), std::memory_order_relaxed);
    g_arenaBase.free(ctx, p, size);
}

/// Must run before the interpreter exists, so every block it frees was counted when allocated.
void installAllocatorHooks()
{
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &g_rawBase);
    PyMemAllocatorEx raw{g_rawBase.ctx, rawMalloc, rawCalloc, rawRealloc, rawFree};
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &raw);
    PyObject_GetArenaAllocator(&g_arenaBase);
    PyObjectArenaAllocator arena{g_arenaBase.ctx, arenaAlloc, arenaFree};
    PyObject_SetArenaAllocator(&arena);
}

// ---- The job that runs now (touched on the interpreter thread only, with the GIL held) ----------------------------
HarnessJobContext* g_job = nullptr;
std::atomic<double> g_interpreterInitMs{0};  // for `versus startup-probe`

/// The thread that owns the interpreter, and how a job on it is cancelled. Created on first use; never destroyed, so
/// the interpreter is never finalised under a workload that may still be running at exit.
class PythonInterpreter {
public:
    static PythonInterpreter& instance()
    {
        static PythonInterpreter* interpreter = new PythonInterpreter();
        return *interpreter;
    }

    /// Runs `task` on the interpreter thread with the GIL held and waits for it.
    void call(const std::function<void()>& task)
    {
        m_thread.call([&] {
            PyEval_RestoreThread(m_threadState);
            task();
            m_threadState = PyEval_SaveThread();
        });
    }

    const std::string& initError() const { return m_initError; }
    PyObject* harness() const { return m_harness; }
    PyObject* cancelledType() const { return m_cancelledType; }

    /// Called with the GIL held on the interpreter thread around each job.
    void beginJob()
    {
        std::lock_guard lock(m_cancelMutex);
        m_jobActive = true;
        m_cancelPending = false;
        m_cancelRaisedAt.reset();
    }
    void endJob()
    {
        std::lock_guard lock(m_cancelMutex);
        m_jobActive = false;
        m_cancelPending = false;
    }

    /// Any thread, never blocks: signals the interpreter thread, whose handler (harness.install_cancel_signal)
    /// raises VersusCancelled in the running job. The signal also wakes a call blocked in C (EINTR): a lock wait in
    /// multiprocessing.Pool.map, time.sleep, select.
    void requestCancel()
    {
        std::lock_guard lock(m_cancelMutex);
        if (!m_jobActive)
            return;
        m_cancelPending = true;
        pthread_kill(m_pthread, cancelSignal());
    }

    /// On the interpreter thread, from the signal handler: true when VersusCancelled should be raised. The scheduler
    /// repeats a cancel until the job returns; raising each time would interrupt the job's own cleanup (`finally`
    /// blocks, asyncio.run closing its loop and sockets), so it is raised once, and again only if the job is still
    /// running half a second later (code that swallowed it), which keeps a cancel within a second. Later signals still wake a call blocked in C.
    bool takeCancel()
    {
        std::lock_guard lock(m_cancelMutex);
        const bool pending = m_jobActive && m_cancelPending;
        m_cancelPending = false;
        const auto now = std::chrono::steady_clock::now();
        if (!pending || (m_cancelRaisedAt && now - *m_cancelRaisedAt < kCancelGrace))
            return false;
        m_cancelRaisedAt = now;
        return true;
    }

    /// A real-time signal nothing else in Versus uses (glibc keeps the first two for itself; SIGRTMIN skips them).
    static int cancelSignal() { return SIGRTMIN + 3; }

private:
    PythonInterpreter() : m_thread(256u << 20)  // deep recursion must meet Python's limit long before the C stack's
    {
        m_thread.call([this] { initialize(); });
    }

    void initialize()
    {
        installAllocatorHooks();
        PyConfig config;
        PyConfig_InitPythonConfig(&config);
        config.install_signal_handlers = 0;  // the host owns signals
        ignoreBrokenPipeSignals();  // what CPython does with signal handlers on: SIGPIPE ignored, EPIPE raised
        config.parse_argv = 0;
        config.use_environment = 0;  // PYTHONPATH/PYTHONHOME of another Python must not leak in
        try {
            const auto started = std::chrono::steady_clock::now();
            py::initialize_interpreter(&config, 0, nullptr, false);
            g_interpreterInitMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        } catch (const std::exception& e) {
            m_initError = std::string("CPython could not start: ") + e.what();
            return;
        }
        m_pthread = pthread_self();
        try {
            py::module_ sys = py::module_::import("sys");
            sys.attr("path").attr("insert")(0, harnessDirectory().string());
            sys.attr("dont_write_bytecode") = true;
            py::module_ harness = py::module_::import("harness");
            harness.attr("protect_process")();
            harness.attr("watch_gc")();
            harness.attr("configure_multiprocessing")(VERSUS_PYTHON_EXECUTABLE);
            harness.attr("install_cancel_signal")(cancelSignal(), py::cpp_function([this] { return takeCancel(); }));
            m_cancelledType = harness.attr("VersusCancelled").ptr();
            Py_INCREF(m_cancelledType);
            m_harness = harness.release().ptr();
        } catch (const std::exception& e) {
            m_initError =
                "the Python harness could not be loaded from " + harnessDirectory().string() + ": " + e.what();
        }
        m_threadState = PyEval_SaveThread();
    }

    WorkerThread m_thread;
    PyThreadState* m_threadState = nullptr;
    std::string m_initError;
    PyObject* m_harness = nullptr;
    PyObject* m_cancelledType = nullptr;
    pthread_t m_pthread{};  ///< the interpreter thread, which CPython treats as its main thread (signals run there)

    std::mutex m_cancelMutex;
    bool m_jobActive = false;
    bool m_cancelPending = false;
    std::optional<std::chrono::steady_clock::time_point> m_cancelRaisedAt;  // this job's last VersusCancelled
    static constexpr std::chrono::milliseconds kCancelGrace{500};
};

/// The process's signal dispositions, saved before a job and put back after it: `import signal` alone installs a
/// SIGINT handler process-wide, and workload code may install others. Process-wide state: saved and restored on the
/// interpreter thread while no other job runs in this interpreter.
class SignalDispositions {
public:
    SignalDispositions()
    {
        for (int sig = 1; sig < NSIG; ++sig)
            m_saved[sig - 1].valid = sigaction(sig, nullptr, &m_saved[sig - 1].action) == 0;
    }
    void restore() const
    {
        for (int sig = 1; sig < NSIG; ++sig) {
            const Saved& saved = m_saved[sig - 1];
            struct sigaction now { };
            if (!saved.valid || sig == SIGKILL || sig == SIGSTOP || sigaction(sig, nullptr, &now) != 0)
                continue;
            if (now.sa_handler != saved.action.sa_handler || now.sa_flags != saved.action.sa_flags)
                sigaction(sig, &saved.action, nullptr);
        }
    }

private:
    struct Saved {
        struct sigaction action { };
        bool valid = false;
    };
    Saved m_saved[NSIG - 1];
};

}  // namespace

PYBIND11_EMBEDDED_MODULE(_versus_host, m)
{
    m.def("calibrated", [](std::int64_t loops, std::int64_t elapsedNs) {
        if (g_job)
            g_job->calibrated(loops, elapsedNs);
    });
    m.def("sample_begin", [] {
        if (g_job)
            g_job->sampleBegin();
    });
    m.def("sample", [](int index, bool warmup, std::int64_t loops, std::int64_t elapsedNs) {
        if (!g_job)
            return;
        const std::int64_t heap = EmbeddedPythonRuntime::heapBytes();
        py::gil_scoped_release release;  // a full event queue must not hold the GIL (cancel needs it)
        g_job->sample(index, warmup, loops, elapsedNs, heap);
    });
    // A thread the job left running: SystemExit is raised in it at its next bytecode (threading ignores it quietly).
    m.def("stop_thread", [](unsigned long threadId) { PyThreadState_SetAsyncExc(threadId, PyExc_SystemExit); });
    m.def("output", [](const std::string& stream, const std::string& text) {
        if (g_job)
            g_job->output(stream, text);
    });
    m.def("gc", [](std::int64_t startNs, std::int64_t pauseNs) {
        if (!g_job)
            return;
        py::gil_scoped_release release;
        g_job->gc("CPython (embedded)", startNs, pauseNs);
    });
}

EmbeddedPythonRuntime::EmbeddedPythonRuntime() = default;
EmbeddedPythonRuntime::~EmbeddedPythonRuntime() = default;

std::int64_t EmbeddedPythonRuntime::heapBytes()
{
    return g_rawBytes.load(std::memory_order_relaxed) + g_arenaBytes.load(std::memory_order_relaxed);
}

double EmbeddedPythonRuntime::interpreterInitMs()
{
    return g_interpreterInitMs.load();
}

RuntimeInfo EmbeddedPythonRuntime::info() const
{
    return descriptor().info;
}

RuntimeDescriptor EmbeddedPythonRuntime::descriptor()
{
    RuntimeDescriptor d;
#ifdef VERSUS_STATIC_LIBPYTHON
    d.info = {"python", "CPython (embedded)", "python", PY_VERSION, "", true};  // linked as /usr/bin/python3.11 is
    d.info.knownBias = "runs pure-Python code a few percent slower than /usr/bin/python3.11 (Debian's static "
                       "libpython3.11.a lacks the link-time optimisation of its executable; 'versus selftest' "
                       "measures the gap on this machine). For ratios within 3%, compare CPython (process). Code that "
                       "allocates blocks over 128 KB (NumPy arrays) may run faster than in a fresh process after "
                       "earlier jobs freed large blocks: glibc's malloc keeps the thresholds they raised.";
#else
    d.info = {"python", "CPython (embedded)", "python", PY_VERSION, "shared libpython, slower", true};
    d.info.knownBias =
        "built against the shared libpython3.11.so, which runs pure-Python code with about 20% more "
        "instructions than /usr/bin/python3.11: its ratios against other runtimes overstate their lead. Rebuild "
        "with libpython3.11-dev installed, or compare CPython (process).";
#endif
    d.create = [] { return std::make_unique<EmbeddedPythonRuntime>(); };
    return d;
}

Result EmbeddedPythonRuntime::execute(const RunJob& job, EventSink& sink)
{
    auto& interpreter = PythonInterpreter::instance();
    if (!interpreter.initError().empty())
        return HarnessJobContext(job, sink).fail(FailureKind::RuntimeUnavailable, interpreter.initError());
    HarnessJobContext context(job, sink);
    const std::string jobJson = context.jobJson();
    std::string resultJson;
    std::string error;
    interpreter.call([&] {
        const SignalDispositions signals;
        g_job = &context;
        g_limitBytes = job.options.memoryLimitBytes > 0 ? heapBytes() + job.options.memoryLimitBytes : 0;
        interpreter.beginJob();
        try {
            py::object run = py::getattr(py::handle(interpreter.harness()), "run_job");
            resultJson = run(jobJson, py::module_::import("_versus_host")).cast<std::string>();
        } catch (py::error_already_set& e) {
            error = e.what();
            if (e.matches(interpreter.cancelledType()))
                error = "cancelled";
        } catch (const std::exception& e) {
            error = e.what();
        }
        interpreter.endJob();
        PyErr_Clear();
        g_limitBytes = 0;
        g_job = nullptr;
        signals.restore();
    });
    if (error == "cancelled")
        return context.fail(FailureKind::Cancelled, "cancelled");
    if (!error.empty())
        return context.fail(FailureKind::Internal, "the Python harness failed: " + error);
    return context.finish(resultJson);
}

void EmbeddedPythonRuntime::cancel()
{
    PythonInterpreter::instance().requestCancel();
}

}  // namespace versus
