"""GET /json from Flask (Debian python3-flask) on Waitress (python3-waitress): one process, Waitress's 4 request
threads, HTTP/1.1 keep-alive. Not Werkzeug's development server: it answers every request with "Connection: close",
so each request would pay a new TCP connection, which the article's figure (a production WSGI server) does not."""

import threading

from flask import Flask, Response
from waitress import wasyncore
from waitress.server import create_server

from versus_http import BODY, CONTENT_TYPE, completed, make_setup, report, run, teardown  # noqa: F401

app = Flask(__name__)


@app.get("/json")
def document():
    return Response(BODY, content_type=CONTENT_TYPE)


def serve(on_listening):
    sockets = {}  # Waitress's socket map: the listening socket and every connection
    server = create_server(app, map=sockets, host="127.0.0.1", port=0, threads=4, ident="waitress")
    stopping = threading.Event()

    def stop():
        stopping.set()
        server.pull_trigger()  # wakes the loop at once

    on_listening(int(server.effective_port), stop)  # Waitress gives it as a string
    try:
        # Waitress's own run() loops until its map is empty; this loop also ends when stop() is called.
        while not stopping.is_set():
            wasyncore.loop(timeout=0.5, map=sockets, use_poll=True, count=1)
    finally:
        for channel in list(sockets.values()):
            channel.close()
        server.task_dispatcher.shutdown(timeout=5)  # joins the request threads


setup = make_setup(serve)
