"""GET /json from the standard library's http.server: ThreadingHTTPServer, one thread per connection, HTTP/1.1
keep-alive."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from versus_http import (  # noqa: F401
    BODY, CONTENT_TYPE, completed, make_setup, report, run, teardown, threads_end_with)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY, as Node's http, asyncio and Waitress set it: the handler sends the head and the body in two writes,
    # and with Nagle's algorithm the body waits for the client's delayed ACK (40 ms on Linux), which would measure
    # the kernel's timer, not Python.
    disable_nagle_algorithm = True

    def do_GET(self):
        if self.path != "/json":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format, *args):  # one line per request on stderr would flood the captured output
        pass


def serve(on_listening):
    server = threads_end_with(ThreadingHTTPServer(("127.0.0.1", 0), _Handler))
    on_listening(server.server_address[1], server.shutdown)
    try:
        server.serve_forever()
    finally:
        server.server_close()


setup = make_setup(serve)
