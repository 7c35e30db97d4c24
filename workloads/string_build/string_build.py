"""Builds a CSV-like text twice, by += concatenation and by str.join, from f-strings."""

from versus_prng import Rng, checksum_add

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def setup(params):
    rng = Rng(params["seed"])
    words = ["".join(LETTERS[rng.next_int(26)] for _ in range(3 + rng.next_int(6))) for _ in range(64)]
    return words, params["lines"]


def run(state):
    words, lines = state
    count = len(words)
    text = ""
    for i in range(lines):
        text += f"{i},{words[i % count]},{words[i * 7 % count]}\n"
    joined = "\n".join(f"{i},{words[i % count]},{words[i * 7 % count]}" for i in range(lines)) + "\n"
    if joined != text:
        raise AssertionError("concatenation and join built different texts")
    h = len(text)
    for k in range(64):
        h = checksum_add(h, ord(text[k * len(text) // 64]))
    return h
