-- wrk's done() hook for the http workload: one line, "VERSUS_WRK " + JSON, with what a load slice measured.
-- Latency in microseconds; errors.status counts responses with a status of 400 or more (wrk's rule).
-- Parsed by versus_http.py and versus_http.js (parseWrkReport), which must agree with this format.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'VERSUS_WRK {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
