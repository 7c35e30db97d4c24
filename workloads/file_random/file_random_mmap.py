"""Random 4 KiB reads from a temporary file mapped into memory with mmap: each read is a slice."""

import mmap
import os

from versus_files import MB, PAGE, create_page_file, ensure_free_space
from versus_prng import Rng, checksum_add


def setup(params, job):
    pages = params["file_mb"] * MB // PAGE
    ensure_free_space(job["temp_dir"], pages * PAGE, "file_mb")
    path = os.path.join(job["temp_dir"], "random.bin")
    create_page_file(path, pages)
    rng = Rng(params["seed"])
    with open(path, "rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    return mapped, [rng.next_int(pages) * PAGE for _ in range(params["reads"])]


def run(state):
    mapped, offsets = state
    h = 0
    for offset in offsets:
        page = mapped[offset:offset + PAGE]
        h = checksum_add(h, int.from_bytes(page[:4], "little"))
    return h


def teardown(state):
    if state:
        state[0].close()
