"""Idle connections held by socketserver.ThreadingTCPServer: one thread per connection, parked in recv();
versus-connect holds the client side. Memory is read at 0, N/4, ..., N connections."""

import socketserver
import threading
import time

from idle_connections_common import Connector, check_job, report, rss_bytes, step_counts  # noqa: F401 (report)


def setup(params, job):
    return check_job(params, job)


class _Server(socketserver.ThreadingTCPServer):
    request_queue_size = 1024

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.connected = 0
        self.handlers = []

    def process_request(self, request, client_address):
        """ThreadingMixIn's, with the thread kept in a plain list: its own list is reaped on every new connection,
        asking each thread whether it is alive, O(N) per connection and O(N^2) in all (about 5 ms per connection at
        2,000; 10,000 took minutes). run() joins every thread started here, whenever it started."""
        thread = threading.Thread(target=self.process_request_thread, args=(request, client_address), daemon=True)
        self.handlers.append(thread)
        thread.start()


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        with self.server.lock:
            self.server.connected += 1
        try:
            self.request.recv(1)  # idle until the client closes
        finally:
            with self.server.lock:
                self.server.connected -= 1


def _release(server, connector, batch=256):
    """Closes the connections a batch at a time, each batch's handlers ending before the next. Closing all at once
    wakes every handler thread at the same moment, each wanting the GIL: with 10,000 of them the load average passed
    1,000 and the threads took minutes to end. (A cancel skips this: run()'s `finally` closes everything at once.)"""
    count = server.connected
    while count > 0:
        count = max(0, count - batch)
        connector.hold(count)
        deadline = time.monotonic() + 10
        while server.connected > count and time.monotonic() < deadline:
            time.sleep(0.002)


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
        seen = server.connected
        _release(server, connector)
        return seen
    finally:
        connector.close()  # every client closes: every handler's recv() returns and its thread ends
        server.shutdown()
        serving.join()
        server.server_close()
        for handler in server.handlers:  # none outlives the job
            handler.join()
