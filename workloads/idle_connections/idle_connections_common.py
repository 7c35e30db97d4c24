"""What both Python servers of idle_connections share: the versus-connect helper that holds the client side, the
counts at which memory is read, this process's RSS and the fitted bytes per connection."""

import asyncio
import resource
import subprocess
import time
from statistics import median

from versus_memory import fitted_slope, memory_bytes

STEPS = 4  # memory is read with 0 connections held, then at N/4, N/2, 3N/4 and N


def step_counts(connections):
    return [round(connections * i / STEPS) for i in range(STEPS + 1)]


def rss_bytes():
    """This process's resident set (the whole Versus process when embedded): the server's side of every connection."""
    return memory_bytes()[0]


def raise_open_file_limit(wanted):
    """The soft RLIMIT_NOFILE raised toward `wanted` (never above the hard limit); returns the limits in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


def check_job(params, job):
    if not job.get("connect_helper"):
        raise RuntimeError("the versus-connect helper was not found: build the versus-connect target (or reinstall "
                           "Versus), or set VERSUS_CONNECT to its path")
    soft, hard = raise_open_file_limit(params["connections"] + 256)
    if soft < params["connections"] + 64:
        raise RuntimeError(f"this process may open {soft} files (RLIMIT_NOFILE soft {soft}, hard {hard}), too few for "
                           f"{params['connections']} connections: raise the hard limit (ulimit -Hn) or ask for fewer")
    return {"helper": job["connect_helper"], "connections": params["connections"], "calls": []}


class Connector:
    """The versus-connect child: hold(n) returns when n connections to `port` are established on the client side.
    Closing its stdin (close(), or this process dying) closes them all."""

    def __init__(self, helper, port, websocket=False):
        argv = [helper, str(port)] + (["--websocket"] if websocket else [])
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def hold(self, count):
        self.process.stdin.write(f"hold {count}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline().strip()
        if line != f"held {count}":
            raise RuntimeError(f"versus-connect could not hold {count} connections: {line or 'it exited'}")

    def close(self):
        """Ends the helper: at once when it is busy (a cancelled job must not wait for a hold to finish)."""
        try:
            self.process.stdin.close()
            self.process.wait(timeout=0.5)
        except BaseException:
            self.process.kill()
            self.process.wait()


async def hold_steps_async(state, port, connected, name, websocket=False):
    """For an asyncio server on `port`: holds 0, N/4, ..., N connections (WebSockets when `websocket`) and reads this
    process's RSS once `connected()` counts each step. Returns the points and the count the server saw at the last
    step, read before the helper is ended, which it is whatever happens (a cancelled job cancels this task, and the
    `finally` runs before the loop closes)."""
    loop = asyncio.get_running_loop()
    connector = Connector(state["helper"], port, websocket)
    points = []
    try:
        await loop.run_in_executor(None, connector.hold, 0)  # the executor's thread exists before the baseline
        for count in step_counts(state["connections"]):
            await loop.run_in_executor(None, connector.hold, count)
            deadline = time.monotonic() + 30
            while connected() != count:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the {name} server saw {connected()} of {count} connections after 30 s")
                await asyncio.sleep(0.005)
            points.append((count, rss_bytes()))
        return points, connected()
    finally:
        await loop.run_in_executor(None, connector.close)


def report(state):
    """The first call's figures (a server that never held connections before, as in the article), and the median
    slope of the later calls, whose memory the first call's may have left behind for reuse."""
    calls = state["calls"]
    first = calls[0]
    out = {"bytes_per_connection": fitted_slope(first), "rss_bytes_baseline": first[0][1]}
    for count, rss in first:
        out[f"rss_delta_bytes_at_{count}"] = rss - first[0][1]
    if len(calls) > 1:
        out["bytes_per_connection_warm"] = median(fitted_slope(points) for points in calls[1:])
    return out
