"""Idle connections held by socketserver.ThreadingTCPServer: one thread per connection, parked in recv();
versus-connect holds the client side. Memory is read at 0, N/4, ..., N connections."""

import socketserver
import threading
import time

from idle_connections_common import Connector, check_job, report, rss_bytes, step_counts  # noqa: F401 (report)


def setup(params, job):
    return check_job(params, job)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = False  # with daemon threads ThreadingMixIn keeps no list, and server_close() would join none
    block_on_close = True  # server_close() joins every connection's thread
    request_queue_size = 1024

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.connected = 0


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        with self.server.lock:
            self.server.connected += 1
        try:
            self.request.recv(1)  # idle until the client closes
        finally:
            with self.server.lock:
                self.server.connected -= 1


def run(state):
    server = _Server()
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="idle-server")
    serving.start()
    connector = Connector(state["helper"], server.server_address[1])
    points = []
    try:
        for count in step_counts(state["connections"]):
            connector.hold(count)
            deadline = time.monotonic() + 30
            while server.connected != count:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the threaded server saw {server.connected} of {count} connections after 30 s")
                time.sleep(0.005)
            points.append((count, rss_bytes()))
        state["calls"].append(points)
        return server.connected
    finally:
        connector.close()  # every client closes: every handler's recv() returns and its thread ends
        server.shutdown()
        serving.join()
        server.server_close()
