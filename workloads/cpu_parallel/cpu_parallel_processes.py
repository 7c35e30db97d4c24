"""multiprocessing: a pool of worker processes made in setup() (start-up is not part of the timed calls), each
counting its share. In the embedded interpreter the children are spawned from /usr/bin/python3.11."""

import multiprocessing

from cpu_parallel_primes import count_share_args


def setup(params):
    return {"pool": multiprocessing.Pool(params["workers"]), "limit": params["limit"], "workers": params["workers"]}


def run(state):
    workers = state["workers"]
    shares = [(state["limit"], workers, index) for index in range(workers)]
    return sum(state["pool"].map(count_share_args, shares, chunksize=1))


def teardown(state):
    if state:
        state["pool"].terminate()
        state["pool"].join()
