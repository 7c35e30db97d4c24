"""harness.py's cancel handler does not spend the job's cancel where CPython would print and drop the exception
(a gc callback, a __del__): the host's next signal then lands in the job's code. In a running asyncio loop the
cancel is a task cancel, landing at an await, and the next signal raises. Run by ctest as
integration.harness_cancel_py."""

import asyncio
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
        harness._Cancel.taken = False
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

    def test_a_cancel_in_a_running_event_loop_cancels_every_task_at_its_await(self):
        seen = []

        async def waiter(name):
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                seen.append(name)
                await asyncio.sleep(0)  # the loop still runs: cleanup may await
                seen.append(name + " cleaned up")
                raise

        async def main():
            other = asyncio.create_task(waiter("other"))
            asyncio.get_running_loop().call_later(0.05, signal.raise_signal, self.signum)
            try:
                await waiter("main")
            finally:
                await asyncio.gather(other, return_exceptions=True)

        start = harness._clock()
        with self.assertRaises(asyncio.CancelledError):  # not VersusCancelled: it was raised in no frame
            asyncio.run(main())
        self.assertLess(harness._clock() - start, 1_000_000_000)
        self.assertEqual(sorted(seen), ["main", "main cleaned up", "other", "other cleaned up"])
        self.assertEqual(self.taken, 1)
        self.assertTrue(harness._Cancel.taken, "run_job would not report the job as cancelled")

    def test_a_job_that_swallows_the_task_cancel_gets_VersusCancelled_from_the_next_signal(self):
        async def stubborn():
            loop = asyncio.get_running_loop()
            loop.call_later(0.05, signal.raise_signal, self.signum)
            loop.call_later(0.2, signal.raise_signal, self.signum)
            for _ in range(10):  # asyncio.run's own cleanup then waits for it: the host's later signals end that
                try:
                    await asyncio.sleep(0.05)
                except asyncio.CancelledError:
                    pass

        with self.assertRaises(harness.VersusCancelled):
            asyncio.run(stubborn())
        self.assertEqual(self.taken, 2)

    def test_a_loop_blocked_in_a_callback_gets_VersusCancelled_from_the_next_signal(self):
        async def busy():
            signal.raise_signal(self.signum)  # the task cancel: it can only land at an await, which never comes
            while True:
                signal.raise_signal(self.signum)

        with self.assertRaises(harness.VersusCancelled):
            asyncio.run(busy())
        self.assertEqual(self.taken, 2)


if __name__ == "__main__":
    unittest.main()
