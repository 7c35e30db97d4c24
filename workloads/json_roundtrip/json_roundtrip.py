"""Serialise a generated document with json.dumps and parse it back with json.loads."""

import json
import math

from versus_prng import Rng, checksum_add

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


def checksum(value, h=0):
    """Same walk as checksum() in json_roundtrip.js: order, strings and numbers (in thousandths) all count."""
    if value is None:
        return checksum_add(h, 1)
    if value is True or value is False:
        return checksum_add(h, 2 + value)
    if isinstance(value, (int, float)):
        return checksum_add(h, math.floor(value * 1000 + 0.5))
    if isinstance(value, str):
        for ch in value:
            h = checksum_add(h, ord(ch))
        return checksum_add(h, 4)
    if isinstance(value, list):
        for item in value:
            h = checksum(item, h)
        return checksum_add(h, 5)
    for key, item in value.items():
        h = checksum(item, checksum(key, h))
    return checksum_add(h, 6)


def setup(params):
    rng = Rng(params["seed"])
    return [make_value(rng, 0) for _ in range(params["items"])]


def run(document):
    return checksum(json.loads(json.dumps(document)))
