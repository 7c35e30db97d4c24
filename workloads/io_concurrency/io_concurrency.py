"""K concurrent I/O waits on one asyncio event loop: 1 ms timers, or 64-byte round trips to an echo server on the
same loop (127.0.0.1, a port chosen at run time). The loop, the server and the K connections are made in setup."""

import asyncio

MESSAGE = b"x" * 64


def setup(params):
    loop = asyncio.new_event_loop()
    state = {"loop": loop, "mode": params["mode"], "concurrency": params["concurrency"],
             "operations": params["operations"], "server": None, "streams": [], "handlers": set()}
    if state["mode"] == "socket":
        loop.run_until_complete(_connect(state))
    return state


async def _echo(handlers, reader, writer):
    handlers.add(asyncio.current_task())
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def _connect(state):
    state["server"] = await asyncio.start_server(lambda r, w: _echo(state["handlers"], r, w), "127.0.0.1", 0, backlog=1024)
    port = state["server"].sockets[0].getsockname()[1]
    for _ in range(state["concurrency"]):
        state["streams"].append(await asyncio.open_connection("127.0.0.1", port))


async def _round(state):
    remaining = state["operations"]
    done = 0

    async def worker(index):
        nonlocal remaining, done
        reader, writer = state["streams"][index] if state["streams"] else (None, None)
        while remaining > 0:
            remaining -= 1  # no await between the test and the decrement: one task at a time runs here
            if writer is None:
                await asyncio.sleep(0.001)
            else:
                writer.write(MESSAGE)
                await reader.readexactly(len(MESSAGE))
            done += 1

    await asyncio.gather(*(worker(i) for i in range(state["concurrency"])))
    return done


def run(state):
    return state["loop"].run_until_complete(_round(state))


async def _close(state):
    for _, writer in state["streams"]:
        writer.close()
    await asyncio.gather(*state["handlers"], return_exceptions=True)  # each ends at its client's end of stream
    if state["server"]:
        state["server"].close()
        await state["server"].wait_closed()


def teardown(state):
    if state:
        state["loop"].run_until_complete(_close(state))
        state["loop"].close()
