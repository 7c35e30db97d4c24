"""Idle connections held by an asyncio server (asyncio.start_server: a task, a transport and a stream pair per
connection); versus-connect holds the client side. Memory is read at 0, N/4, ..., N connections."""

import asyncio
import time

from idle_connections_common import Connector, check_job, report, rss_bytes, step_counts  # noqa: F401 (report)


def setup(params, job):
    return check_job(params, job)


async def _measure(state):
    connected = 0
    writers = set()

    async def handle(reader, writer):
        nonlocal connected
        connected += 1
        writers.add(writer)
        try:
            await reader.read(1)  # idle until the client closes
        finally:
            connected -= 1
            writers.discard(writer)
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    loop = asyncio.get_running_loop()
    connector = Connector(state["helper"], server.sockets[0].getsockname()[1])
    points = []
    try:
        await loop.run_in_executor(None, connector.hold, 0)  # the executor's thread exists before the baseline
        for count in step_counts(state["connections"]):
            await loop.run_in_executor(None, connector.hold, count)
            deadline = time.monotonic() + 30
            while connected != count:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the asyncio server saw {connected} of {count} connections after 30 s")
                await asyncio.sleep(0.005)
            points.append((count, rss_bytes()))
        state["calls"].append(points)
        return connected
    finally:
        # Also when the job is cancelled: asyncio.run cancels this task and runs this before it closes the loop.
        await loop.run_in_executor(None, connector.close)
        server.close()
        await server.wait_closed()
        for _ in range(3):  # connections accepted just before the close get their handler a pass later
            for writer in list(writers):
                writer.transport.abort()
            await asyncio.sleep(0.01)  # the transports' closing callbacks run before the loop is closed


def run(state):
    return asyncio.run(_measure(state))
