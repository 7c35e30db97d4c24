"""What the Python sides of thread_memory share: this process's memory and the report of bytes per waiter."""

from statistics import median

from versus_memory import memory_bytes  # noqa: F401 (the implementations import it from here)


def record(state, before, after):
    count = state["count"]
    state["calls"].append(((after[0] - before[0]) / count, (after[1] - before[1]) / count))


def report(state):
    """The first call's figures (nothing to reuse yet), and the later calls' median as warm."""
    calls = state["calls"]
    out = {"bytes_per_waiter": calls[0][0], "virtual_bytes_per_waiter": calls[0][1]}
    if len(calls) > 1:
        out["bytes_per_waiter_warm"] = median(resident for resident, _ in calls[1:])
    return out
