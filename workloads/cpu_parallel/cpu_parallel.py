"""The single-threaded baseline: every worker's share counted one after another on one thread."""

from cpu_parallel_primes import count_share


def run(params):
    limit, workers = params["limit"], params["workers"]
    return sum(count_share(limit, workers, index) for index in range(workers))
