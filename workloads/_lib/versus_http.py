"""What every HTTP server of the http workload shares: the document it serves, the thread it runs on (pinned apart
from wrk), the check of GET /json before any load, and the load itself, one wrk run per call of run().

A server module defines serve(on_listening) and takes setup/run/completed/report/teardown from here:
serve runs on its own thread, binds 127.0.0.1 on a port the system picks, calls on_listening(port, stop) once it
accepts connections, and returns after stop() was called (from another thread). Nothing here installs a signal handler.
Keep in step with versus_http.js: the same placement rule, the same wrk command, the same report.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import threading

_HERE = os.path.dirname(os.path.abspath(__file__))
WRK_SCRIPT = os.path.join(_HERE, "versus_wrk.lua")
with open(os.path.join(os.path.dirname(_HERE), "http", "document.json"), encoding="utf-8") as _f:
    DOCUMENT = json.load(_f)
BODY = json.dumps(DOCUMENT, separators=(",", ":")).encode("utf-8")
CONTENT_TYPE = "application/json"
START_TIMEOUT_S = 10


def placement(cpus, have_taskset):
    """(server CPUs, wrk CPUs): wrk on the last CPU this process may use, the server on the others; both on every
    CPU (no pinning) when there is only one or taskset is missing."""
    cpus = sorted(cpus)
    if len(cpus) < 2 or not have_taskset:
        return cpus, cpus
    return cpus[:-1], cpus[-1:]


def listening_line(port, server_cpus, wrk_cpus):
    """The line each server prints once it listens: its port (the tests read it) and where it and wrk run."""
    if server_cpus == wrk_cpus:
        where = "the server and wrk share every CPU (one CPU, or no taskset): they compete for it"
    else:
        where = (f"the server runs on CPU {','.join(map(str, server_cpus))} and wrk on CPU "
                 f"{','.join(map(str, wrk_cpus))}; they still share this machine and compete for it")
    return f"versus-http: listening on 127.0.0.1:{port}; {where}"


def threads_end_with(server):
    """Makes a thread-per-connection socketserver (http.server's, Werkzeug's) end its connection threads when it is
    closed: server_close() shuts down the connections they still serve, so a thread waiting for a keep-alive client's
    next request wakes at once instead of whenever that client goes, and then joins them (no daemon threads), so none
    outlives the job. Returns the server."""
    server.daemon_threads = False
    serving, lock = set(), threading.Lock()
    process_request, shutdown_request = server.process_request, server.shutdown_request
    server_close = server.server_close

    def process(request, client_address):
        with lock:
            serving.add(request)
        process_request(request, client_address)

    def finished(request):
        with lock:
            serving.discard(request)
        shutdown_request(request)

    def close():
        with lock:
            still_serving = list(serving)
        for request in still_serving:
            try:
                request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        server_close()

    server.process_request, server.shutdown_request, server.server_close = process, finished, close
    return server


def parse_wrk_report(stdout):
    """The JSON line versus_wrk.lua's done() prints, as a dict; ValueError when wrk printed none."""
    for line in stdout.splitlines():
        if line.startswith("VERSUS_WRK "):
            return json.loads(line[len("VERSUS_WRK "):])
    raise ValueError("wrk printed no VERSUS_WRK line (did versus_wrk.lua's done() run?): " + stdout.strip()[-300:])


def check_document(port):
    """GET /json once, before any load: status 200, Content-Type application/json and exactly the document."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/json")
        response = connection.getresponse()
        body = response.read()
        content_type = response.getheader("Content-Type")
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET /json answered {response.status}, not 200: the server is wrong, no load was put on it")
    if content_type != CONTENT_TYPE:
        raise RuntimeError(f"GET /json has Content-Type {content_type!r}, not {CONTENT_TYPE!r}")
    document = json.loads(body)
    if document != DOCUMENT:
        raise RuntimeError(f"GET /json answered {body[:200]!r}, not the document in http/document.json")
    return document


class _Server:
    def __init__(self, params, serve):
        self.wrk = shutil.which("wrk")
        if self.wrk is None:
            raise RuntimeError("wrk is not installed: apt install wrk (packaging/install-deps installs it)")
        self.params = params
        self.server_cpus, self.wrk_cpus = placement(os.sched_getaffinity(0), shutil.which("taskset") is not None)
        self.port = None
        self.stop = None
        self.error = None
        self.slices = []
        listening = threading.Event()

        def on_listening(port, stop):
            self.port, self.stop = port, stop
            print(listening_line(port, self.server_cpus, self.wrk_cpus), flush=True)
            listening.set()

        def main():
            try:
                os.sched_setaffinity(0, self.server_cpus)  # this thread only; threads it starts inherit it
                serve(on_listening)
            except BaseException as error:  # noqa: B036 - a server that fails to start is reported by setup()
                self.error = error
            finally:
                listening.set()

        self.thread = threading.Thread(target=main, name="versus-http-server", daemon=True)
        self.thread.start()
        listening.wait(START_TIMEOUT_S)
        if self.error is not None:
            self.thread.join()
            # Neither this frame nor self keeps the exception: its traceback holds the failed server's frames (and any
            # socket they hold), which must go when the harness drops it, not at some later cyclic collection.
            error, self.error = self.error, None
            try:
                raise error
            finally:
                error = None
        if self.port is None:
            self.close()
            raise RuntimeError(f"the server did not listen within {START_TIMEOUT_S} s")
        try:
            self.answer = check_document(self.port)
        except BaseException:
            self.close()
            raise

    def load_slice(self):
        """One wrk run of slice_ms against GET /json; the process is killed whatever way this ends (a cancel)."""
        command = ["wrk", "-t1", f"-c{self.params['connections']}", f"-d{self.params['slice_s']}s", "--timeout", "5s",
                   "-s", WRK_SCRIPT, f"http://127.0.0.1:{self.port}/json"]
        if self.wrk_cpus != self.server_cpus:
            command = ["taskset", "-c", ",".join(map(str, self.wrk_cpus))] + command
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = process.communicate()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if process.returncode != 0:
            raise RuntimeError(f"wrk exited with status {process.returncode}: {err.strip()[-300:]}")
        self.slices.append(parse_wrk_report(out))

    def close(self):
        if self.stop is not None:
            self.stop()
        self.thread.join(START_TIMEOUT_S)


def make_setup(serve):
    """setup(params) for a server module: starts `serve` on its thread and checks GET /json."""
    return lambda params: _Server(params, serve)


def run(server):
    server.load_slice()
    return server.answer


def completed(server):
    return server.slices[-1]["requests"]


def report(server):
    """The last slice's latency (microseconds), errors over every slice, wrk's own req/s of the slices and where
    the server and wrk ran (CPU numbers; the same number for both means they shared every CPU)."""
    last = server.slices[-1]
    values = {f"latency_{name}_us": last["latency_us"][name] for name in ("p50", "p90", "p99", "max")}
    errors = [s["errors"] for s in server.slices]
    values["socket_errors"] = sum(e["connect"] + e["read"] + e["write"] + e["timeout"] for e in errors)
    values["non_2xx_responses"] = sum(e["status"] for e in errors)
    values["wrk_requests_per_s"] = (sum(s["requests"] for s in server.slices)
                                    / (sum(s["duration_us"] for s in server.slices) / 1e6))
    values["connections"] = server.params["connections"]
    values["server_cpu"] = server.server_cpus[0]
    values["wrk_cpu"] = server.wrk_cpus[0]
    values["port"] = server.port
    return values


def teardown(server):
    if server is not None:
        server.close()
