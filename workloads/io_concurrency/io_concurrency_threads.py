"""K Python threads doing the same I/O waits: 1 ms sleeps, or 64-byte round trips, each thread on its own connection
to a thread-per-connection echo server (socketserver.ThreadingTCPServer, 127.0.0.1, a port chosen at run time).
Threads, server and connections are made in setup; run() hands out the operations through a queue."""

import queue
import socket
import socketserver
import threading
import time

MESSAGE = b"x" * 64


class _Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while data := self.request.recv(65536):
            self.request.sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = False  # with daemon threads ThreadingMixIn keeps no list, and server_close() would join none
    block_on_close = True
    request_queue_size = 1024


def _worker(state, connection):
    tasks = state["tasks"]
    while tasks.get():
        if connection is None:
            time.sleep(0.001)
        else:
            connection.sendall(MESSAGE)
            received = 0
            while received < len(MESSAGE):
                received += len(connection.recv(len(MESSAGE) - received))
        with state["lock"]:
            state["done"] += 1
        tasks.task_done()
    tasks.task_done()


def setup(params):
    state = {"tasks": queue.Queue(), "lock": threading.Lock(), "done": 0, "operations": params["operations"],
             "server": None, "threads": [], "connections": []}
    if params["mode"] == "socket":
        state["server"] = _Server(("127.0.0.1", 0), _Echo)
        state["serving"] = threading.Thread(target=state["server"].serve_forever, kwargs={"poll_interval": 0.05})
        state["serving"].start()
        for _ in range(params["concurrency"]):
            state["connections"].append(socket.create_connection(state["server"].server_address))
    for index in range(params["concurrency"]):
        connection = state["connections"][index] if state["connections"] else None
        thread = threading.Thread(target=_worker, args=(state, connection), daemon=True)
        thread.start()
        state["threads"].append(thread)
    return state


def run(state):
    state["done"] = 0
    for _ in range(state["operations"]):
        state["tasks"].put(True)
    state["tasks"].join()
    return state["done"]


def teardown(state):
    if not state:
        return
    for _ in state["threads"]:
        state["tasks"].put(False)
    for thread in state["threads"]:
        thread.join()
    for connection in state["connections"]:
        connection.close()
    if state["server"]:
        state["server"].shutdown()
        state["serving"].join()
        state["server"].server_close()
