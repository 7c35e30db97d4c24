"""Sorts a list of integers and a list of short strings with sorted()."""

from versus_prng import Rng, checksum_add

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def setup(params):
    rng = Rng(params["seed"])
    count = params["count"]
    numbers = [rng.next_u32() for _ in range(count)]
    strings = ["".join(LETTERS[rng.next_int(52)] for _ in range(4 + rng.next_int(9))) for _ in range(count)]
    return numbers, strings


def run(state):
    numbers, strings = state
    sorted_numbers = sorted(numbers)
    sorted_strings = sorted(strings)
    # 64 evenly spaced values of each sorted list: wrong order anywhere is very likely to show.
    h = 0
    for k in range(64):
        i = k * len(numbers) // 64
        h = checksum_add(h, sorted_numbers[i])
        for ch in sorted_strings[i]:
            h = checksum_add(h, ord(ch))
    return h
