"""Serialise a generated document with json.dumps and parse it back with json.loads."""

import json

from versus_data import json_checksum
from versus_prng import Rng

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-"


def make_value(rng, depth):
    kind = rng.next_int(6 if depth < 4 else 4)
    if kind == 0:
        return rng.next_int(1_000_000)
    if kind == 1:
        return rng.next_int(1_000_000) / 1000
    if kind == 2:
        return "".join(LETTERS[rng.next_int(len(LETTERS))] for _ in range(1 + rng.next_int(12)))
    if kind == 3:
        return (True, False, None)[rng.next_int(3)]
    if kind == 4:
        return [make_value(rng, depth + 1) for _ in range(rng.next_int(6))]
    return {f"k{i}": make_value(rng, depth + 1) for i in range(rng.next_int(6))}


def setup(params):
    rng = Rng(params["seed"])
    return [make_value(rng, 0) for _ in range(params["items"])]


def run(document):
    return json_checksum(json.loads(json.dumps(document)))
