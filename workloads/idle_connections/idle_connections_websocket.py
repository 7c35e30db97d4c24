"""Idle WebSocket connections held by a `websockets` server on asyncio (Debian's python3-websockets): a protocol
object, a transport and a handler task per connection; versus-connect upgrades each connection and holds it.
Memory is read at 0, N/4, ..., N connections."""

import asyncio

import websockets

from idle_connections_common import check_job, hold_steps_async, report  # noqa: F401 (report)


def setup(params, job):
    return check_job(params, job)


async def _measure(state):
    connected = 0
    sockets = set()

    async def handle(websocket, path=None):  # websockets 10 passes the path; later versions do not
        nonlocal connected
        connected += 1
        sockets.add(websocket)
        try:
            await websocket.wait_closed()  # idle until the client closes
        finally:
            connected -= 1
            sockets.discard(websocket)

    # No keep-alive pings: versus-connect never answers them, and an idle connection is what is measured.
    server = await websockets.serve(handle, "127.0.0.1", 0, backlog=1024, ping_interval=None, close_timeout=1)
    try:
        port = server.sockets[0].getsockname()[1]
        points, seen = await hold_steps_async(state, port, lambda: connected, "websockets", websocket=True)
        state["calls"].append(points)
        return seen
    finally:
        server.close()  # closes the listening socket and every connection
        await server.wait_closed()
        for websocket in list(sockets):
            websocket.transport.abort()
        await asyncio.sleep(0.01)  # the transports' closing callbacks run before the loop is closed


def run(state):
    return asyncio.run(_measure(state))
