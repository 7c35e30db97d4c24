"""N parked Python threads (each waiting on one Event): the resident and the virtual bytes each one adds. A thread's
stack is reserved (virtual, 8 MiB by default) but only the pages it touches are resident."""

import threading

from thread_memory_common import memory_bytes, record, report  # noqa: F401 (report)


def setup(params):
    return {"count": params["count"], "calls": []}


def run(state):
    release = threading.Event()
    parked = threading.Semaphore(0)

    def park():
        parked.release()
        release.wait()

    before = memory_bytes()
    threads = []
    try:
        for _ in range(state["count"]):
            thread = threading.Thread(target=park, daemon=True)
            thread.start()
            threads.append(thread)
        for _ in threads:
            parked.acquire()  # every thread is running and parked
        record(state, before, memory_bytes())
        return sum(1 for thread in threads if thread.is_alive())
    finally:
        release.set()
        for thread in threads:
            thread.join()
