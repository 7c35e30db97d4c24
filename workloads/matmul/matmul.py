"""Dense n x n matrix product in pure Python: nested lists of floats, zip and sum."""

from itertools import chain, count
from operator import mul

from versus_data import make_matrix
from versus_prng import Rng


def setup(params):
    rng = Rng(params["seed"])
    return make_matrix(rng, params["n"]), make_matrix(rng, params["n"])


def run(matrices):
    a, b = matrices
    columns = list(zip(*b))
    product = [[sum(map(mul, row, column)) for column in columns] for row in a]
    # Entries are whole numbers, so this weighted sum is exact whatever the order of additions.
    return int(sum(map(mul, count(1), chain.from_iterable(product))))
