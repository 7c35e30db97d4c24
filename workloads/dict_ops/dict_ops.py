"""Hash map work on a dict with string keys: insert, look up (hits and misses), delete, iterate."""

from versus_prng import Rng


def setup(params):
    rng = Rng(params["seed"])
    keys = [f"k{rng.next_u32():x}" for _ in range(params["count"])]
    misses = [f"m{rng.next_u32():x}" for _ in range(params["count"])]
    return keys, misses


def run(state):
    keys, misses = state
    table = {}
    for i, key in enumerate(keys):
        table[key] = i
    hits = 0
    total = 0
    for key in keys:
        value = table.get(key)
        if value is not None:
            hits += 1
            total += value
    for key in misses:
        if key in table:
            hits += 1
    for key in keys[::2]:
        table.pop(key, None)
    remaining = sum(table.values())
    return f"size={len(table)} hits={hits} total={total} remaining={remaining}"
