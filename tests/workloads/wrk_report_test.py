"""versus_http.py's parsing of wrk's output (recorded) and its placement rule; run by ctest as workloads.wrk_report_py."""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "workloads", "_lib"))

import versus_http  # noqa: E402


def recorded(name):
    with open(os.path.join(ROOT, "tests", "fixtures", "wrk", name), encoding="utf-8") as f:
        return f.read()


class WrkReport(unittest.TestCase):
    def test_recorded_slice(self):
        report = versus_http.parse_wrk_report(recorded("slice_64_connections.txt"))
        self.assertEqual(report["requests"], 7625)
        self.assertEqual(report["duration_us"], 1020190)
        self.assertEqual(report["errors"], {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0})
        latency = report["latency_us"]
        self.assertEqual([latency[p] for p in ("p50", "p90", "p99", "max")], [7602, 21926, 62692, 71385])

    def test_output_without_report_says_so(self):
        with self.assertRaisesRegex(ValueError, "no VERSUS_WRK line.*Connection refused"):
            versus_http.parse_wrk_report(recorded("no_report.txt"))

    def test_placement(self):
        self.assertEqual(versus_http.placement({0, 1}, True), ([0], [1]))
        self.assertEqual(versus_http.placement({3, 0, 1, 2}, True), ([0, 1, 2], [3]))
        self.assertEqual(versus_http.placement({0}, True), ([0], [0]))
        self.assertEqual(versus_http.placement({0, 1}, False), ([0, 1], [0, 1]))


if __name__ == "__main__":
    unittest.main()
