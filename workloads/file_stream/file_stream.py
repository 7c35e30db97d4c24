"""Writes a temporary file chunk by chunk, then reads it back, through buffered binary file objects."""

import os

from versus_files import MB, ensure_free_space


def setup(params, job):
    size = params["size_mb"] * MB
    ensure_free_space(job["temp_dir"], size, "size_mb")
    chunk = bytes(range(256)) * (params["chunk_kb"] * 4)
    return os.path.join(job["temp_dir"], "stream.bin"), chunk, size


def run(state):
    path, chunk, size = state
    with open(path, "wb") as out:
        for offset in range(0, size, len(chunk)):
            out.write(memoryview(chunk)[:size - offset])
    total = 0
    with open(path, "rb") as source:
        while block := source.read(len(chunk)):
            total += len(block)
    return total
