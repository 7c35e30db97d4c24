"""The memory workloads' shared measures (idle_connections, thread_memory); versus_memory.js is the same in Node.js."""

import os

PAGE = os.sysconf("SC_PAGE_SIZE")


def memory_bytes():
    """(resident, virtual) bytes of this process: the whole Versus process when embedded."""
    with open("/proc/self/statm") as statm:
        size, resident = statm.read().split()[:2]
    return int(resident) * PAGE, int(size) * PAGE


def fitted_slope(points):
    """Least-squares slope of (x, y) points (bytes per connection from (connections, bytes))."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx if sxx else 0.0
