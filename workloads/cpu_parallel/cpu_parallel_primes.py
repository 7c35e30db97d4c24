"""Counting primes by trial division, in blocks dealt round-robin to workers: the one CPU-bound task of cpu_parallel.
A module of its own, so that spawned children (multiprocessing) import it by name."""

BLOCK = 500  # numbers per block; round-robin blocks keep the workers' shares of work within a block of each other


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_share(limit, workers, index):
    """Primes below `limit` in blocks index, index + workers, index + 2 * workers, ..."""
    count = 0
    for start in range(index * BLOCK, limit, workers * BLOCK):
        for n in range(start, min(start + BLOCK, limit)):
            if is_prime(n):
                count += 1
    return count


def count_share_args(args):
    return count_share(*args)
