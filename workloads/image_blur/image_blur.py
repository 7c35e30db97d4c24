"""Box blur of a grayscale image in pure Python: lists of ints, running sums, a transpose for the vertical pass."""

from itertools import accumulate, chain, count
from operator import mul, sub

from versus_data import make_image


def setup(params):
    width, height = params["width"], params["height"]
    pixels = make_image(params["seed"], width, height)
    return [pixels[y * width:(y + 1) * width] for y in range(height)], params["radius"]


def window_sums(line, radius):
    """Sum of the 2 * radius + 1 values around each value of `line`, repeating the edge values outwards."""
    padded = chain([line[0]] * radius, line, [line[-1]] * radius)
    prefix = [0, *accumulate(padded)]
    return list(map(sub, prefix[2 * radius + 1:], prefix))


def run(state):
    rows, radius = state
    horizontal = [window_sums(row, radius) for row in rows]
    columns = [window_sums(column, radius) for column in zip(*horizontal)]
    area = (2 * radius + 1) ** 2
    blurred = [[(total + area // 2) // area for total in row] for row in zip(*columns)]
    return sum(map(mul, count(1), chain.from_iterable(blurred)))
