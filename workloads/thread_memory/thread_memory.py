"""N pending asyncio coroutines (tasks awaiting one future): the resident bytes each one adds."""

import asyncio

from thread_memory_common import memory_bytes, record, report  # noqa: F401 (report)


def setup(params):
    return {"count": params["count"], "calls": []}


async def _park(state):
    release = asyncio.get_running_loop().create_future()

    async def parked():
        await release

    before = memory_bytes()
    tasks = [asyncio.ensure_future(parked()) for _ in range(state["count"])]
    await asyncio.sleep(0)  # every task has started and waits
    try:
        record(state, before, memory_bytes())
        return sum(1 for task in tasks if not task.done())
    finally:
        release.set_result(None)
        await asyncio.gather(*tasks)


def run(state):
    return asyncio.run(_park(state))
