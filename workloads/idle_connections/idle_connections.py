"""Idle connections held by an asyncio server (asyncio.start_server: a task, a transport and a stream pair per
connection); versus-connect holds the client side. Memory is read at 0, N/4, ..., N connections."""

import asyncio

from idle_connections_common import check_job, hold_steps_async, report  # noqa: F401 (report)


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
    try:
        points, seen = await hold_steps_async(state, server.sockets[0].getsockname()[1], lambda: connected, "asyncio")
        state["calls"].append(points)
        return seen
    finally:
        # Also when the job is cancelled: asyncio.run cancels this task and runs this before it closes the loop.
        server.close()
        await server.wait_closed()
        for _ in range(3):  # connections accepted just before the close get their handler a pass later
            for writer in list(writers):
                writer.transport.abort()
            await asyncio.sleep(0.01)  # the transports' closing callbacks run before the loop is closed


def run(state):
    return asyncio.run(_measure(state))
