"""GET /json from raw asyncio streams: HTTP/1.1 keep-alive parsed by hand, no framework, on an event loop of its own
thread (so no signal handler is installed)."""

import asyncio

from versus_http import BODY, CONTENT_TYPE, completed, make_setup, report, run, teardown  # noqa: F401

_OK = (f"HTTP/1.1 200 OK\r\nContent-Type: {CONTENT_TYPE}\r\nContent-Length: {len(BODY)}\r\n\r\n").encode() + BODY
_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


async def _handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b""
            writer.write(_OK if path == b"/json" else _NOT_FOUND)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def serve(on_listening):
    async def main():
        stopped = asyncio.Event()
        loop = asyncio.get_running_loop()
        server = await asyncio.start_server(_handle, "127.0.0.1", 0)
        on_listening(server.sockets[0].getsockname()[1], lambda: loop.call_soon_threadsafe(stopped.set))
        async with server:
            await stopped.wait()
    asyncio.run(main())


setup = make_setup(serve)
