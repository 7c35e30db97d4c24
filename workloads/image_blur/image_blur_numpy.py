"""Box blur of a grayscale image with NumPy: an integral image (two cumsums) and four shifted slices."""

import numpy as np

from versus_data import make_image


def setup(params):
    width, height = params["width"], params["height"]
    image = np.array(make_image(params["seed"], width, height), dtype=np.uint8).reshape(height, width)
    return image, params["radius"]


def run(state):
    image, radius = state
    size = 2 * radius + 1
    padded = np.pad(image, radius, mode="edge").astype(np.int64)
    integral = np.pad(padded.cumsum(axis=0).cumsum(axis=1), ((1, 0), (1, 0)))
    sums = integral[size:, size:] - integral[:-size, size:] - integral[size:, :-size] + integral[:-size, :-size]
    area = size * size
    blurred = (sums + area // 2) // area
    return int(blurred.ravel() @ np.arange(1, blurred.size + 1, dtype=np.int64))
