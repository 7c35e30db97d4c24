"""Dense n x n matrix product with NumPy's @ operator (BLAS underneath)."""

import numpy as np

from versus_data import make_matrix
from versus_prng import Rng


def setup(params):
    rng = Rng(params["seed"])
    return np.array(make_matrix(rng, params["n"])), np.array(make_matrix(rng, params["n"]))


def run(matrices):
    a, b = matrices
    product = a @ b
    # Entries are whole numbers, so this weighted sum is exact whatever the order of additions.
    return int(product.ravel() @ np.arange(1, product.size + 1, dtype=np.float64))
