"""Python threads, one per worker: under the GIL only one of them runs Python code at a time."""

import threading

from cpu_parallel_primes import count_share


def run(params):
    limit, workers = params["limit"], params["workers"]
    counts = [0] * workers

    def work(index):
        counts[index] = count_share(limit, workers, index)

    threads = [threading.Thread(target=work, args=(index,), name=f"cpu_parallel-{index}") for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts)
