"""GET /json from Flask (Debian python3-flask) on Werkzeug's threaded server, one process, HTTP/1.1 keep-alive."""

from flask import Flask, Response
from werkzeug.serving import WSGIRequestHandler, make_server

from versus_http import BODY, CONTENT_TYPE, completed, make_setup, report, run, teardown  # noqa: F401

app = Flask(__name__)


@app.get("/json")
def document():
    return Response(BODY, content_type=CONTENT_TYPE)


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # one line per request on stderr would flood the captured output
        pass


def serve(on_listening):
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    server.daemon_threads = False  # server_close() joins the connection threads: none outlives the job
    on_listening(server.server_port, server.shutdown)
    try:
        server.serve_forever()
    finally:
        server.server_close()


setup = make_setup(serve)
