"""The threaded HTTP servers (http.server: a thread per connection; Flask on Waitress: request threads) stop while a keep-alive client still holds
its connection open and idle: no connection thread outlives the server. Run by ctest as workloads.http_threads_py."""

import http.client
import importlib
import os
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path[:0] = [os.path.join(ROOT, "workloads", "_lib"), os.path.join(ROOT, "workloads", "http")]


class IdleKeepAliveClient(unittest.TestCase):
    def stops_with_an_idle_client(self, module_name):
        module = importlib.import_module(module_name)
        listening = threading.Event()
        server = {}

        def on_listening(port, stop):
            server["port"], server["stop"] = port, stop
            listening.set()

        before = set(threading.enumerate())
        thread = threading.Thread(target=module.serve, args=(on_listening,))
        thread.start()
        self.assertTrue(listening.wait(10), "the server did not listen")
        client = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=5)
        try:
            client.request("GET", "/json")
            response = client.getresponse()
            self.assertEqual(response.status, 200)
            response.read()
            # The client stays connected and says nothing more, as wrk's connections do between requests.
            started = time.monotonic()
            server["stop"]()
            thread.join(5)
            self.assertFalse(thread.is_alive(), "the server waited for its idle keep-alive client")
            self.assertLess(time.monotonic() - started, 5)
            left = [t.name for t in set(threading.enumerate()) - before]
            self.assertEqual(left, [], "connection threads outlived the server")
            self.assertEqual(client.sock.recv(4096), b"", "the server closed the idle connection")
        finally:
            client.close()

    def test_http_server(self):
        self.stops_with_an_idle_client("http_server")

    def test_flask(self):
        try:
            import flask  # noqa: F401
            import waitress  # noqa: F401
        except ImportError:
            self.skipTest("python3-flask or python3-waitress is not installed")
        self.stops_with_an_idle_client("http_flask")


if __name__ == "__main__":
    unittest.main()
