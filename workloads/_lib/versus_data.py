"""Input data generators shared by several workloads and flavours; versus_data.js makes the same data."""

from math import floor

from versus_prng import Rng, checksum_add


def make_matrix(rng, n):
    """n x n whole numbers from -9 to 9 as floats: products and sums stay exact in any order of additions."""
    return [[float(rng.next_int(19) - 9) for _ in range(n)] for _ in range(n)]


def make_image(seed, width, height):
    """Grayscale pixels 0-255, row by row, as a flat list."""
    rng = Rng(seed)
    return [rng.next_u32() >> 24 for _ in range(width * height)]


# Letters of generated JSON strings: the quote, backslash and newline make the encoders escape.
JSON_TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-\"\\\n"


def make_json_value(rng, depth):
    """A JSON value nested at most 4 levels. Floats are odd eighths, printed alike by every JSON encoder."""
    kind = rng.next_int(6 if depth < 4 else 4)
    if kind == 0:
        return rng.next_int(1_000_000)
    if kind == 1:
        return (2 * rng.next_int(4_000_000) + 1) / 8
    if kind == 2:
        return "".join(JSON_TEXT[rng.next_int(len(JSON_TEXT))] for _ in range(1 + rng.next_int(12)))
    if kind == 3:
        return (True, False, None)[rng.next_int(3)]
    if kind == 4:
        return [make_json_value(rng, depth + 1) for _ in range(rng.next_int(6))]
    return {f"k{i}": make_json_value(rng, depth + 1) for i in range(rng.next_int(6))}


def make_json_document(seed, items):
    rng = Rng(seed)
    return [make_json_value(rng, 0) for _ in range(items)]


def json_checksum(value, h=0):
    """Walks a parsed JSON value; order, strings and numbers (in thousandths) all count. Same as jsonChecksum()."""
    if value is None:
        return checksum_add(h, 1)
    if value is True or value is False:
        return checksum_add(h, 2 + value)
    if isinstance(value, (int, float)):
        return checksum_add(h, floor(value * 1000 + 0.5))
    if isinstance(value, str):
        for ch in value:
            h = checksum_add(h, ord(ch))
        return checksum_add(h, 4)
    if isinstance(value, list):
        for item in value:
            h = json_checksum(item, h)
        return checksum_add(h, 5)
    for key, item in value.items():
        h = json_checksum(item, json_checksum(key, h))
    return checksum_add(h, 6)


def sampled_json_checksum(document):
    """json_checksum of 16 evenly spaced top-level items and the item count: cheap next to parsing the whole text."""
    h = len(document)
    for k in range(16):
        h = json_checksum(document[k * len(document) // 16], h)
    return h


def text_checksum(text):
    """The length and every 997th character of a text: cheap next to producing it."""
    h = len(text)
    for ch in text[::997]:
        h = checksum_add(h, ord(ch))
    return h
