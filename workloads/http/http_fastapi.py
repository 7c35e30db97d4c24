"""GET /json from FastAPI (Debian python3-fastapi) on one uvicorn worker (python3-uvicorn), in an event loop of its own
thread: uvicorn installs signal handlers only on the main thread, so it installs none here; stop() sets should_exit."""

import asyncio
import socket

import uvicorn
from fastapi import FastAPI
from fastapi.responses import Response

from versus_http import BODY, CONTENT_TYPE, completed, make_setup, report, run, teardown  # noqa: F401

app = FastAPI()


@app.get("/json")
async def document():
    return Response(content=BODY, media_type=CONTENT_TYPE)


def serve(on_listening):
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on connections whose socket says TCP, as uvicorn's own
    # listeners do. Without it each response's body waited for the client's delayed ACK (40 ms).
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, lifespan="off", log_config=None, access_log=False, log_level="warning")
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None

    async def notify_when_started():
        while not server.started:
            await asyncio.sleep(0.01)
        on_listening(listener.getsockname()[1], lambda: setattr(server, "should_exit", True))

    async def main():
        watcher = asyncio.ensure_future(notify_when_started())
        try:
            await server.serve(sockets=[listener])
        finally:
            watcher.cancel()
            listener.close()

    asyncio.run(main())


setup = make_setup(serve)
