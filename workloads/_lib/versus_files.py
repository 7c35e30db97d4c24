"""Temporary files of the file workloads: the free-space check made before creating one, and the page file."""

import os

MB = 1 << 20
PAGE = 4096
SPARE = 64 * MB  # left free on the disk after the file is written


def ensure_free_space(directory, size, parameter):
    """Refuses, before writing anything, to create a `size`-byte file that would (nearly) fill the disk."""
    stats = os.statvfs(directory)
    free = stats.f_bavail * stats.f_frsize
    if free < size + SPARE:
        raise OSError(f"the temporary file needs {size // MB} MB plus {SPARE // MB} MB to spare in {directory}, "
                      f"but only {free // MB} MB are free: lower '{parameter}' or free some disk space")


def create_page_file(path, pages):
    """A file of `pages` 4 KiB pages; each page starts with its own number (32-bit little-endian)."""
    filler = bytes(PAGE - 4)
    with open(path, "wb") as f:
        for page in range(pages):
            f.write(page.to_bytes(4, "little"))
            f.write(filler)
