"""Bytes per object: what tracemalloc sees CPython allocate while a list of n objects of one kind is built."""

import tracemalloc
from statistics import median

TAGS = ("red", "green", "blue", "black")

# One small object of each kind, made from its index. The ints are above 256: CPython shares the small ones.
MAKERS = {
    "int": lambda i: 1_000_000 + i,
    "float": lambda i: i + 0.5,
    "string": lambda i: f"s{i}",
    "record": lambda i: {"id": i, "x": i + 0.5, "tag": TAGS[i % 4]},
    "array": lambda i: [1000 + i, 1001 + i, 1002 + i, 1003 + i],
}


def setup(params):
    return {"make": MAKERS[params["kind"]], "count": params["count"], "bytes_per_object": []}


def run(state):
    make, count = state["make"], state["count"]
    tracemalloc.start()
    try:
        objects = [make(i) for i in range(count)]
        allocated, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    state["bytes_per_object"].append(allocated / count)
    return len(objects)


def report(state):
    """The median over every call, like the time figures."""
    return {"bytes_per_object": median(state["bytes_per_object"])}
