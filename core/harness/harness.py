"""Versus measurement harness for Python. Same algorithm as harness.js: keep the two in step.

A host object receives what the harness observes:
  host.calibrated(inner_loops, elapsed_ns)
  host.sample(index, warmup, inner_loops, elapsed_ns)
  host.output(stream, text)
The embedded runtime passes its native module `_versus_host`; run as a script (external process runtimes), the
harness speaks JSON lines on a private pipe instead (see main()).
"""

import importlib.util
import inspect
import json
import os
import sys
import time
import traceback


class VersusCancelled(BaseException):
    """Raised into the harness thread by the host to stop a run; workload code cannot swallow it with Exception."""


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
    lib = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(script))), "_lib")
    if os.path.isdir(lib) and lib not in sys.path:
        sys.path.insert(0, lib)
    spec = importlib.util.spec_from_file_location(module_name, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(call, options, host):
    """Calibrate by doubling (or take fixed_inner_loops from an earlier round), then warm-up and measured
    samples. Returns the last answer."""
    clock = time.perf_counter_ns
    min_ns = int(options["min_sample_time_ms"] * 1e6)
    fixed = int(options.get("fixed_inner_loops", 0))
    max_loops = fixed or int(options["max_inner_loops"])
    loops = fixed or 1
    while True:
        start = clock()
        for _ in range(loops):
            answer = call()
        elapsed = clock() - start
        if elapsed >= min_ns or loops >= max_loops:
            break
        loops = min(loops * 2, max_loops)
    host.calibrated(loops, elapsed)

    index = 0
    for _ in range(int(options["warmup_samples"])):
        start = clock()
        for _ in range(loops):
            answer = call()
        host.sample(index, True, loops, clock() - start)
        index += 1
    budget_ns = int(options["time_budget_s"] * 1e9)
    measured_start = clock()
    for _ in range(int(options["samples"])):
        if budget_ns > 0 and index > int(options["warmup_samples"]) and clock() - measured_start >= budget_ns:
            break
        start = clock()
        for _ in range(loops):
            answer = call()
        host.sample(index, False, loops, clock() - start)
        index += 1
    return answer


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

    def sample(self, index, warmup, loops, elapsed_ns):
        self._host.sample(index, warmup, loops, elapsed_ns)
        _GC.flush()

    def output(self, stream, text):
        self._host.output(stream, text)


def run_job(job_json, host):
    """Runs one job described by JSON: {script, function, workload_id, params, options}. Returns result JSON."""
    job = json.loads(job_json)
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
    try:
        module = _load_module(script, "versus_workload_" + job["workload_id"])
        run = getattr(module, job.get("function", "run"), None)
        if not callable(run):
            raise AttributeError(f"{os.path.basename(script)} defines no function '{job.get('function', 'run')}'")
        params = job["params"]
        setup = getattr(module, "setup", None)
        if callable(setup):
            # setup(params) or setup(params, job): job holds temp_dir, a private folder removed after the job.
            wants_job = len(inspect.signature(setup).parameters) >= 2
            state = setup(params, {"temp_dir": job["temp_dir"]}) if wants_job else setup(params)
        else:
            state = params
        run(state)  # one untimed probe call, as harness.js makes to learn whether run() is asynchronous
        answer = measure(lambda: run(state), options, host)
        result = {"ok": True, "answer": json.dumps(answer)}
        report = getattr(module, "report", None)
        if callable(report):
            result["report"] = report(state)
        if options.get("memory_pass"):
            result.setdefault("report", {}).update(memory_pass(lambda: run(state)))
    except BaseException as error:  # noqa: B036 - every way out of workload code becomes data
        result = _failure(error, script)
    finally:
        teardown = getattr(module, "teardown", None) if module else None
        if callable(teardown):
            try:
                teardown(state)
            except BaseException as error:  # noqa: B036
                if "result" not in locals() or result.get("ok"):
                    result = _failure(error, script)
        sys.stdout, sys.stderr = saved
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
