"""harness.py's cancel handler does not spend the job's cancel where CPython would print and drop the exception
(a gc callback, a __del__): the host's next signal then lands in the job's code. Run by ctest as
integration.harness_cancel_py."""

import gc
import os
import signal
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "core", "harness"))

import harness  # noqa: E402


class CancelHandler(unittest.TestCase):
    def setUp(self):
        self.taken = 0
        self.signum = signal.SIGUSR1
        self.previous = signal.getsignal(self.signum)

        def take_cancel():
            self.taken += 1
            return True
        harness.install_cancel_signal(self.signum, take_cancel)

    def tearDown(self):
        signal.signal(self.signum, self.previous)

    def test_a_cancel_in_the_jobs_code_raises(self):
        with self.assertRaises(harness.VersusCancelled):
            signal.raise_signal(self.signum)
        self.assertEqual(self.taken, 1)

    def test_a_cancel_inside_a_finaliser_is_left_for_the_next_signal(self):
        test = self

        class Finalised:
            def __del__(self):
                signal.raise_signal(test.signum)  # the handler runs here, inside __del__

        Finalised()
        self.assertEqual(self.taken, 0, "the cancel was spent where the exception would be dropped")
        with self.assertRaises(harness.VersusCancelled):
            signal.raise_signal(self.signum)
        self.assertEqual(self.taken, 1)

    def test_a_cancel_inside_the_harness_gc_callback_is_left_for_the_next_signal(self):
        buffer = harness._GcBuffer()
        buffer.host = object()  # recording, as during a job
        real_monotonic_ns = harness.time.monotonic_ns

        def monotonic_ns_and_a_signal():  # the callback calls it: the signal arrives inside the callback
            harness.time.monotonic_ns = real_monotonic_ns
            signal.raise_signal(self.signum)
            return real_monotonic_ns()

        harness.time.monotonic_ns = monotonic_ns_and_a_signal
        gc.callbacks.append(buffer.callback)
        try:
            gc.collect()
        finally:
            harness.time.monotonic_ns = real_monotonic_ns
            gc.callbacks.remove(buffer.callback)
        self.assertEqual(self.taken, 0, "the cancel was spent inside the gc callback")
        with self.assertRaises(harness.VersusCancelled):
            signal.raise_signal(self.signum)


if __name__ == "__main__":
    unittest.main()
