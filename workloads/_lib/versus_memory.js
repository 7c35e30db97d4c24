'use strict';
// The memory workloads' shared arithmetic (idle_connections, thread_memory); versus_memory.py is the same in Python.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Least-squares slope of [x, y] points (bytes per connection from [connections, bytes]).
function fittedSlope(points) {
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  return sxx ? points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0) / sxx : 0;
}

module.exports = { median, fittedSlope };
