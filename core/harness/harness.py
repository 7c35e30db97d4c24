"""Versus measurement harness for Python. Same algorithm as harness.js: keep the two in step.

A host object receives what the harness observes:
  host.calibrated(inner_loops, elapsed_ns)
  host.sample_begin()            immediately before a sample's timed loop (the host starts its own clock)
  host.sample(index, warmup, inner_loops, elapsed_ns)
  host.output(stream, text)
The embedded runtime passes its native module `_versus_host`; run as a script (external process runtimes), the
harness speaks JSON lines on a private pipe instead (see main()).
"""

import builtins
import gc
import importlib.util
import inspect
import itertools
import json
import os
import sys
import time
import traceback

# The builtins the harness itself calls, bound as module globals: a workload that replaces builtins.len must not
# break the harness before the job's state is restored.
from builtins import (any, callable, dict, getattr, hasattr, int, isinstance, len, list, min, range, repr, set,  # noqa: A004
                      sorted, str)

# Everything the measurement reads is bound here, when the harness is imported, before any workload code runs: a
# workload that replaces time.perf_counter_ns or itertools.repeat changes its own module attributes, not these.
_clock = time.perf_counter_ns
_repeat = itertools.repeat
_json_dumps = json.dumps
_current_frames = sys._current_frames
_sleep = time.sleep


class VersusCancelled(KeyboardInterrupt):
    """Raised into the harness thread by the host to stop a run, as Ctrl-C stops a standalone interpreter: workload
    code cannot swallow it with Exception, and asyncio re-raises it from callbacks and tasks (it logs and drops any
    other BaseException raised in a callback)."""


class VersusExit(SystemExit):
    """A workload called a function that would end the whole process."""


def _forbid(name):
    def forbidden(*args, **kwargs):
        raise VersusExit(f"{name} was called")
    forbidden.__name__ = name
    return forbidden


def protect_process():
    """Neutralise the calls that would end or kill the host process. Called once per interpreter."""
    import posix
    for module in (os, posix):
        module._exit = _forbid("os._exit()")
        module.abort = _forbid("os.abort()")
    real_kill = os.kill

    def guarded_kill(pid, sig):
        if pid in (0, os.getpid(), -os.getpgrp()):
            raise VersusExit(f"os.kill(own process, {sig}) was called")
        return real_kill(pid, sig)
    os.kill = guarded_kill


def configure_multiprocessing(executable):
    """Embedded CPython only, once per interpreter: sys.executable is the Versus binary there, and forking a
    multi-threaded host (Qt, V8, the scheduler) is unsafe. multiprocessing starts its children with `spawn`, from
    `executable`: the Python the embedded interpreter was built from, so children run the same version and stdlib."""
    import multiprocessing
    multiprocessing.set_executable(executable)
    multiprocessing.set_start_method("spawn", force=True)


def install_cancel_signal(signum, take_cancel):
    """Embedded CPython only, once per interpreter, on its main thread: the host cancels a job by sending `signum` to
    that thread. A call blocked in C (a lock wait in multiprocessing.Pool.map, time.sleep, select) returns EINTR and
    CPython runs this handler at once; busy bytecode runs it at the next check, within the switch interval.
    `take_cancel()` is true once per cancelled job, so a late signal cannot cancel the next job."""
    import signal

    def on_cancel(signum, frame):
        # Where CPython prints and drops an exception (a gc callback, a __del__), the cancel is not taken: the host
        # sends the signal again every 50 ms, and one of them lands in the job's own code.
        if _swallows_exceptions(frame) or not take_cancel():
            return
        if not _Cancel.taken and _cancel_event_loop():
            _Cancel.taken = True
            return
        _Cancel.taken = True
        raise VersusCancelled()
    signal.signal(signum, on_cancel)


class _Cancel:
    """Whether the running job's cancel was taken: run_job reports such a job as cancelled whatever it raised (a
    cancelled asyncio job ends in CancelledError)."""
    taken = False


def _cancel_event_loop():
    """If an asyncio loop runs on this thread, cancels its tasks and wakes it, as asyncio.Runner does with Ctrl-C, and
    returns True. An exception raised between two bytecodes lands anywhere, also inside the loop's own code between
    socket.accept()'s raw descriptor and the socket object that owns it (an accepted connection left open for the
    life of the process); a task's cancel lands at an await, where asyncio and the job's `finally` blocks clean up.
    A job that swallows the cancel, or never awaits, gets VersusCancelled from the next signal, half a second later."""
    events = sys.modules.get("asyncio.events")
    loop = events._get_running_loop() if events is not None else None
    if loop is None or loop.is_closed():
        return False
    tasks = sys.modules["asyncio.tasks"].all_tasks(loop)
    if not tasks:
        return False
    for task in tasks:
        task.cancel()
    loop.call_soon_threadsafe(_nothing)  # a loop blocked in select() sees the cancelled tasks now
    return True


def _nothing():
    pass


def _swallows_exceptions(frame):
    """Whether an exception raised in `frame` would end as "Exception ignored in ..." instead of reaching the job:
    the frame or a caller is a gc callback or a finaliser."""
    while frame is not None:
        if frame.f_code is _GcBuffer.callback.__code__ or frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


class _Capture:
    """Replaces sys.stdout / sys.stderr during a job: keeps the first `limit` bytes, counts the rest."""

    def __init__(self, host, stream, budget):
        self._host = host
        self._stream = stream
        self._budget = budget

    def write(self, text):
        text = str(text)
        size = len(text.encode("utf-8", "replace"))
        if self._budget[0] >= size:
            self._budget[0] -= size
            self._host.output(self._stream, text)
        else:
            self._budget[1] += size
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


def _load_module(script, module_name):
    # The workload's own folder and workloads/_lib are importable during the job (sys.path is put back after it).
    # Code that child processes run (multiprocessing pickles functions by module name) lives in a second module of
    # the workload's folder: a spawned child imports it by that name, never the job's versus_workload_* module.
    folder = os.path.dirname(os.path.abspath(script))
    for entry in (os.path.join(os.path.dirname(folder), "_lib"), folder):
        if os.path.isdir(entry) and entry not in sys.path:
            sys.path.insert(0, entry)
    spec = importlib.util.spec_from_file_location(module_name, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed_loop(iterations, clock, run, state):
    """The timed region, shaped as timeit's inner loop: one call of the workload per iteration and nothing else
    between the two clock readings. Returns (elapsed_ns, last answer)."""
    t0 = clock()
    for _ in iterations:
        answer = run(state)
    t1 = clock()
    return t1 - t0, answer


def _empty_run(state):
    return None


def harness_overhead_ns(loop=_timed_loop, clock=_clock, repeat=_repeat, iterations=20000, rounds=5):
    """What the timed loop itself costs per call: an empty workload in exactly the same loop, best of a few rounds.
    It is part of every per-call time the harness reports (timeit's own figure includes the same cost)."""
    best = None
    for _ in range(rounds):
        elapsed, _ = loop(repeat(None, iterations), clock, _empty_run, None)
        best = elapsed if best is None else min(best, elapsed)
    return best / iterations


def measure(run, state, options, host, loop=_timed_loop, clock=_clock, repeat=_repeat, completed=None):
    """Calibrate by doubling (or take fixed_inner_loops from an earlier round), then warm-up and measured
    samples. Returns the last answer.

    `completed(state)`, when the workload defines it, is the work its last run() call did, which varies per call (an
    HTTP load slice: the requests served): every sample is then one call, reported with that many inner loops, so the
    time per call is the time per request and calls/s is requests/s."""
    if completed is not None:
        options = dict(options, fixed_inner_loops=1)
        host = _CompletedWorkHost(host, completed, state)
    min_ns = int(options["min_sample_time_ms"] * 1e6)
    fixed = int(options.get("fixed_inner_loops", 0))
    max_loops = fixed or int(options["max_inner_loops"])
    loops = fixed or 1
    while True:
        elapsed, answer = loop(repeat(None, loops), clock, run, state)
        if elapsed >= min_ns or loops >= max_loops:
            break
        loops = min(loops * 2, max_loops)
    host.calibrated(loops, elapsed)

    index = 0
    warmups = int(options["warmup_samples"])
    for _ in range(warmups):
        iterations = repeat(None, loops)
        host.sample_begin()
        elapsed, answer = loop(iterations, clock, run, state)
        host.sample(index, True, loops, elapsed)
        index += 1
    budget_ns = int(options["time_budget_s"] * 1e9)
    measured_start = clock()
    for _ in range(int(options["samples"])):
        if budget_ns > 0 and index > warmups and clock() - measured_start >= budget_ns:
            break
        iterations = repeat(None, loops)
        host.sample_begin()
        elapsed, answer = loop(iterations, clock, run, state)
        host.sample(index, False, loops, elapsed)
        index += 1
    return answer


class _CompletedWorkHost:
    """Reports each sample with the work the workload says its one call completed (see measure())."""

    def __init__(self, host, completed, state):
        self._host, self._completed, self._state = host, completed, state

    def calibrated(self, loops, elapsed_ns):
        self._host.calibrated(loops, elapsed_ns)

    def sample_begin(self):
        self._host.sample_begin()

    def sample(self, index, warmup, loops, elapsed_ns):
        self._host.sample(index, warmup, int(self._completed(self._state)), elapsed_ns)


def memory_pass(call):
    """One extra call under tracemalloc, after the timed samples (tracemalloc slows allocation-heavy code 6-17x, so
    it never runs while timing): the peak of traced memory during the call and what it still holds afterwards."""
    import tracemalloc
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        kept = call()
        retained, peak = tracemalloc.get_traced_memory()
        del kept
    finally:
        tracemalloc.stop()
    return {"memory_pass_peak_bytes": peak, "memory_pass_retained_bytes": retained}


def _error_location(error, script):
    """(file, line) of the error in the workload's own code where possible."""
    if isinstance(error, SyntaxError) and error.filename:
        return error.filename, error.lineno or 0
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename) == os.path.abspath(script)]
    frame = (mine or [f for f in frames if not f.filename.endswith("harness.py")] or frames or [None])[-1]
    return (frame.filename, frame.lineno) if frame else ("", 0)


def _failure(error, script):
    file, line = _error_location(error, script)
    if isinstance(error, VersusCancelled):
        return {"ok": False, "kind": "cancelled", "message": "cancelled", "file": "", "line": 0}
    if isinstance(error, VersusExit):
        message = (f"{error.args[0] if error.args else 'exit'}: workload code must return its answer, not end the "
                   "process. Remove the call.")
        return {"ok": False, "kind": "exit", "message": message, "file": file, "line": line}
    if isinstance(error, SystemExit):
        message = (f"sys.exit({error.code!r}) was called: workload code must return its answer, not end the "
                   "interpreter. Remove the call.")
        return {"ok": False, "kind": "exit", "message": message, "file": file, "line": line}
    if getattr(error, "versus_unavailable", False):  # the workload says this runtime cannot run it, and why
        return {"ok": False, "kind": "runtime-unavailable", "message": str(error), "file": file, "line": line}
    if isinstance(error, ModuleNotFoundError) and error.name:
        module = error.name.partition(".")[0]
        debian_package = "python3-" + module.replace("_", "-").lower()
        implementation = "PyPy" if sys.implementation.name == "pypy" else "CPython"
        message = (f"this workload needs the Python module '{module}', which {implementation} "
                   f"{sys.version.split()[0]} cannot "
                   f"import: install it (on Debian usually: apt install {debian_package}) and run again")
        return {"ok": False, "kind": "runtime-unavailable", "message": message, "file": file, "line": line}
    if isinstance(error, MemoryError):
        return {"ok": False, "kind": "out-of-memory", "file": file, "line": line,
                "message": "MemoryError: the workload used more memory than its limit. Use smaller parameters."}
    if isinstance(error, SyntaxError):
        message = f"SyntaxError at line {error.lineno} of {os.path.basename(file)}: {error.msg}"
    else:
        where = f" at line {line} of {os.path.basename(file)}" if line else ""
        message = f"{type(error).__name__}{where}: {error}"
    return {"ok": False, "kind": "script-error", "message": message, "file": file, "line": line}


class _GcBuffer:
    """Collections seen by gc.callbacks during a job, handed to host.gc(t_ns, pause_ns) after each sample: never
    from inside the timed loop. Installed once per interpreter; run_job points it at its host."""

    LIMIT = 1000

    def __init__(self):
        self.host = None
        self.pending = []
        self.started = None

    def callback(self, phase, info):
        if self.host is None:
            return
        if phase == "start":
            self.started = time.monotonic_ns()
        elif self.started is not None and len(self.pending) < self.LIMIT:
            self.pending.append((self.started, time.monotonic_ns() - self.started))
            self.started = None

    def flush(self):
        pending, self.pending = self.pending, []
        for t_ns, pause_ns in pending:
            self.host.gc(t_ns, pause_ns)


_GC = _GcBuffer()


def watch_gc():
    """Called once per interpreter (by the embedded runtime, or main()): collections of every job reach its host.
    PyPy has no gc.callbacks: no GC events from it."""
    import gc
    if hasattr(gc, "callbacks"):
        gc.callbacks.append(_GC.callback)


class _GcReportingHost:
    """A host with the collections of the job flushed after every sample."""

    def __init__(self, host):
        self._host = host

    def calibrated(self, loops, elapsed_ns):
        self._host.calibrated(loops, elapsed_ns)
        _GC.flush()

    def sample_begin(self):
        self._host.sample_begin()

    def sample(self, index, warmup, loops, elapsed_ns):
        self._host.sample(index, warmup, loops, elapsed_ns)
        _GC.flush()

    def output(self, stream, text):
        self._host.output(stream, text)


class _InterpreterState:
    """What a job could change in the interpreter that the next job shares: taken before the workload is imported,
    put back after its teardown. Threads and child processes it started cannot be put back: they are stopped, and
    the job fails, because they would disturb every later measurement in this interpreter."""

    # Threads a job left that could not be stopped (blocked in C): every later job is warned while one lives.
    unstoppable = {}

    def __init__(self, host):
        self._host = host
        self.builtins = dict(builtins.__dict__)
        self.modules = dict(sys.modules)
        self.module_dicts = {name: dict(m.__dict__) for name, m in self.modules.items()
                             if m is not None and name not in ("harness", "__main__") and hasattr(m, "__dict__")}
        self.sys_lists = {name: list(getattr(sys, name)) for name in ("path", "meta_path", "path_hooks")}
        self.cwd = _getcwd()
        self.environ = dict(os.environ)
        self.recursion_limit = sys.getrecursionlimit()
        self.switch_interval = sys.getswitchinterval()
        self.int_max_str_digits = getattr(sys, "get_int_max_str_digits", lambda: None)()  # not in PyPy 3.9
        self.gc_enabled = gc.isenabled()
        self.gc_threshold = gc.get_threshold() if hasattr(gc, "get_threshold") else None  # not in PyPy
        self.umask = os.umask(0o22)
        os.umask(self.umask)
        self.threads = set(_current_frames())
        self.children = _child_pids()
        # The harness itself is reachable from workload code (sys.modules): its globals and the code, defaults
        # and attributes of its functions are put back too, so a forged clock cannot outlive its job.
        own = globals()
        self.harness_globals = dict(own)
        self.harness_functions = {f: (f.__code__, f.__defaults__, f.__kwdefaults__, dict(f.__dict__))
                                  for f in own.values() if isinstance(f, _FunctionType)}

    def restore(self):
        """Puts back what can be put back. Returns the messages of what could not (threads, child processes)."""
        sys.settrace(None)
        sys.setprofile(None)
        own = globals()
        for name, value in self.harness_globals.items():
            if own.get(name, _MISSING) is not value:
                own[name] = value
        for f, (code, defaults, kwdefaults, attributes) in self.harness_functions.items():
            f.__code__, f.__defaults__, f.__kwdefaults__ = code, defaults, kwdefaults
            f.__dict__.clear()
            f.__dict__.update(attributes)
        for name, value in self.builtins.items():
            if builtins.__dict__.get(name, _MISSING) is not value:
                builtins.__dict__[name] = value
        for name in [n for n in builtins.__dict__ if n not in self.builtins]:
            del builtins.__dict__[name]
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
        for name in [n for n in sys.modules if n.startswith("versus_workload_")]:
            del sys.modules[name]
        for name, saved in self.module_dicts.items():
            current = self.modules[name].__dict__
            for key, value in saved.items():
                if current.get(key, _MISSING) is not value:
                    try:
                        current[key] = value
                    except TypeError:
                        pass
        for name, saved in self.sys_lists.items():
            getattr(sys, name)[:] = saved
        if _getcwd() != self.cwd:
            os.chdir(self.cwd)
        for key in [k for k in os.environ if k not in self.environ]:
            del os.environ[key]
        for key, value in self.environ.items():
            if os.environ.get(key) != value:
                os.environ[key] = value
        sys.setrecursionlimit(self.recursion_limit)
        sys.setswitchinterval(self.switch_interval)
        if self.int_max_str_digits is not None:
            sys.set_int_max_str_digits(self.int_max_str_digits)
        (gc.enable if self.gc_enabled else gc.disable)()
        if self.gc_threshold is not None:
            gc.set_threshold(*self.gc_threshold)
        os.umask(self.umask)
        # What the job left unreachable in reference cycles is finalized now, not during a later job's measurement:
        # sockets and files among it are closed (e.g. connections asyncio accepted while the job was cancelled).
        gc.collect()
        return self._stop_threads() + self._stop_children()

    def _stop_threads(self):
        me = _get_ident()
        leaked = [t for t in _current_frames() if t not in self.threads and t != me]
        if not leaked:
            return []
        names = _thread_names(leaked)
        stop = getattr(self._host, "stop_thread", None)
        if stop is not None:  # the embedded host: SystemExit delivered into each thread
            for tid in leaked:
                stop(tid)
            deadline = _clock() + 1_000_000_000
            while _clock() < deadline and any(t in _current_frames() for t in leaked):
                _sleep(0.005)
        alive = [t for t in leaked if t in _current_frames()]
        for tid in alive:
            _InterpreterState.unstoppable[tid] = names.get(tid, str(tid))
        count = len(leaked)
        what = f"{count} thread{'s' if count != 1 else ''} running ({', '.join(names.get(t, str(t)) for t in leaked)})"
        if stop is None:
            return [f"left {what}: join every thread the workload starts before run() or teardown() returns"]
        if alive:
            return [f"left {what}; {len(alive)} could not be stopped (blocked outside Python), so later measurements "
                    "in this interpreter may be disturbed: join every thread the workload starts before run() or "
                    "teardown() returns"]
        return [f"left {what}; they were stopped, because later measurements in this interpreter would have been "
                "disturbed: join every thread the workload starts before run() or teardown() returns"]

    def _stop_children(self):
        leaked = sorted(_child_pids() - self.children - _multiprocessing_service_pids())
        if not leaked:
            return []
        names = []
        for pid in leaked:
            names.append(f"{pid} {_process_name(pid)}".strip())
            try:
                _real_kill(pid, 9)
            except OSError:
                pass
        deadline = _clock() + 1_000_000_000
        for pid in leaked:
            while _clock() < deadline:
                try:
                    if os.waitpid(pid, os.WNOHANG)[0] == pid:
                        break
                except ChildProcessError:
                    break
                _sleep(0.005)
        count = len(leaked)
        return [f"left {count} child process{'es' if count != 1 else ''} running ({', '.join(names)}); "
                f"{'they were' if count != 1 else 'it was'} killed: wait for every process the workload starts "
                "before run() or teardown() returns"]

    @classmethod
    def warnings(cls):
        alive = {t: n for t, n in cls.unstoppable.items() if t in _current_frames()}
        cls.unstoppable = alive
        if not alive:
            return []
        return [f"a thread left by an earlier job is still running in this interpreter ({', '.join(alive.values())}): "
                "this measurement may be disturbed"]


_MISSING = object()
_FunctionType = type(_empty_run)
_getcwd = os.getcwd
_real_kill = os.kill
_get_ident = __import__("_thread").get_ident


def _thread_names(ids):
    import threading
    names = {}
    for thread in threading.enumerate():
        if thread.ident in ids:
            names[thread.ident] = repr(thread.name)
    return names


def _child_pids():
    """Children of this process in its own process group (external runtimes' children have their own group)."""
    pids = set()
    own_group = os.getpgrp()
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return pids
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/children") as f:
                for pid in f.read().split():
                    pid = int(pid)
                    try:
                        if os.getpgid(pid) == own_group:
                            pids.add(pid)
                    except OSError:
                        pass
        except OSError:
            pass
    return pids


def _multiprocessing_service_pids():
    """multiprocessing's own helper processes, started on first use and kept for the interpreter's life (the
    resource tracker, a forkserver): they belong to the interpreter, not to the job that happened to start them."""
    pids = set()
    tracker = sys.modules.get("multiprocessing.resource_tracker")
    server = sys.modules.get("multiprocessing.forkserver")
    for pid in (getattr(getattr(tracker, "_resource_tracker", None), "_pid", None),
                getattr(getattr(server, "_forkserver", None), "_forkserver_pid", None)):
        if pid:
            pids.add(pid)
    return pids


def _process_name(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def _answer_json(answer, limit):
    """The answer as JSON text, or a failure when it is larger than `limit` bytes (checked before serialising where
    the size is known, so a huge answer fails at once)."""
    def too_large(size):
        return {"ok": False, "kind": "answer-too-large", "file": "", "line": 0,
                "message": f"the answer is {_megabytes(size)} when serialised, above the limit of {_megabytes(limit)}: "
                           "return a checksum or a summary instead of the data itself (the limit is --answer-limit)"}
    if limit > 0 and isinstance(answer, (str, bytes, bytearray, list, tuple, dict)) and len(answer) > limit:
        return None, too_large(len(answer))
    text = _json_dumps(answer)
    if limit > 0 and len(text) > limit:
        return None, too_large(len(text.encode("utf-8")))
    return text, None


def _megabytes(size):
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size} bytes"


def run_job(job_json, host):
    """Runs one job described by JSON: {script, function, workload_id, params, options}. Returns result JSON."""
    job = json.loads(job_json)
    _Cancel.taken = False
    interpreter = _InterpreterState(host)
    warnings = _InterpreterState.warnings()
    if hasattr(host, "gc"):  # hosts that report collections: the embedded module and PipeHost
        _GC.host, _GC.pending = host, []
        host = _GcReportingHost(host)
    options = job["options"]
    script = job["script"]
    budget = [int(options.get("output_limit_bytes", 65536)), 0]
    saved = sys.stdout, sys.stderr
    sys.stdout = _Capture(host, "stdout", budget)
    sys.stderr = _Capture(host, "stderr", budget)
    state = None
    module = None
    result = None
    try:
        module = _load_module(script, "versus_workload_" + job["workload_id"])
        run = getattr(module, job.get("function", "run"), None)
        if not callable(run):
            raise AttributeError(f"{os.path.basename(script)} defines no function '{job.get('function', 'run')}'")
        params = job["params"]
        setup = getattr(module, "setup", None)
        if callable(setup):
            # setup(params) or setup(params, job): job holds temp_dir, a private folder removed after the job,
            # connect_helper, the versus-connect program (idle_connections), and services, the servers the run
            # started for the workload ({"postgresql": {host, port, ...}} for the database workloads).
            wants_job = len(inspect.signature(setup).parameters) >= 2
            job_info = {"temp_dir": job["temp_dir"], "connect_helper": job.get("connect_helper", ""),
                        "services": job.get("services", {})}
            state = setup(params, job_info) if wants_job else setup(params)
        else:
            state = params
        run(state)  # one untimed probe call, as harness.js makes to learn whether run() is asynchronous
        overhead = harness_overhead_ns()
        completed = getattr(module, "completed", None)
        answer = measure(run, state, options, host, completed=completed if callable(completed) else None)
        text, failure = _answer_json(answer, int(options.get("answer_limit_bytes", 1 << 20)))
        del answer
        if failure:
            result = failure
        else:
            result = {"ok": True, "answer": text, "harness_overhead_ns": overhead}
            report = getattr(module, "report", None)
            if callable(report):
                result["report"] = report(state)
            if options.get("memory_pass"):
                result.setdefault("report", {}).update(memory_pass(lambda: run(state)))
    except BaseException as error:  # noqa: B036 - every way out of workload code becomes data
        result = _failure(VersusCancelled() if _Cancel.taken else error, script)
    finally:
        teardown = getattr(module, "teardown", None) if module else None
        if callable(teardown):
            try:
                teardown(state)
            except BaseException as error:  # noqa: B036
                if result is None or result.get("ok"):
                    result = _failure(error, script)
        sys.stdout, sys.stderr = saved
    state = module = None
    leaks = interpreter.restore()
    if leaks and result.get("ok"):
        result = {"ok": False, "kind": "leaked-state", "file": script, "line": 0, "message": "; ".join(leaks)}
    elif leaks:
        result["message"] += " (also: " + "; ".join(leaks) + ")"
    if warnings:
        result["warnings"] = warnings
    result["output_dropped_bytes"] = budget[1]
    if _GC.host is not None:
        _GC.flush()
        _GC.host = None
    return json.dumps(result)


class PipeHost:
    """Host for external-process runs: one JSON object per line on a private file descriptor."""

    def __init__(self, fd):
        self._out = os.fdopen(fd, "w", buffering=1)

    def _send(self, message):
        self._out.write(json.dumps(message) + "\n")

    def gc(self, t_ns, pause_ns):
        self._send({"event": "gc", "t_ns": t_ns, "pause_ns": pause_ns})

    def calibrated(self, loops, elapsed_ns):
        self._send({"event": "calibrated", "inner_loops": loops, "elapsed_ns": elapsed_ns})

    def sample_begin(self):
        self._out.write('{"event": "sample_begin"}\n')

    def sample(self, index, warmup, loops, elapsed_ns):
        self._send({"event": "sample", "index": index, "warmup": warmup, "inner_loops": loops,
                    "elapsed_ns": elapsed_ns, "heap_bytes": -1})

    def output(self, stream, text):
        self._send({"event": "output", "stream": stream, "text": text})

    def done(self, result_json):
        self._send({"event": "done", "result": json.loads(result_json)})
        self._out.flush()


def main():
    """python3 harness.py PIPE_FD < job.json: the external-process protocol."""
    host = PipeHost(int(sys.argv[1]))
    real_exit = os._exit
    protect_process()
    watch_gc()
    host.done(run_job(sys.stdin.read(), host))
    # Threads or handles a workload left behind must not keep the process (and the job) alive.
    sys.stdout.flush()
    sys.stderr.flush()
    real_exit(0)


if __name__ == "__main__":
    main()
