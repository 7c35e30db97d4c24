'use strict';
// N pending promises (async functions awaiting one unresolved promise): the resident bytes each one adds, and V8's
// used heap per promise.
const { median } = require('../_lib/versus_memory.js');

exports.setup = ({ count }) => ({ count, calls: [] });

exports.run = async (state) => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let pending = 0;
  const parked = async () => { pending += 1; await gate; pending -= 1; };
  const before = process.memoryUsage();
  const all = [];
  for (let i = 0; i < state.count; i++) all.push(parked());
  const after = process.memoryUsage();
  state.calls.push([(after.rss - before.rss) / state.count, (after.heapUsed - before.heapUsed) / state.count]);
  const answer = pending;
  release();
  await Promise.all(all);
  return answer;
};


// The first call's figures (nothing to reuse yet), and the later calls' median as warm.
exports.report = (state) => {
  const [first, ...later] = state.calls;
  const out = { bytes_per_waiter: first[0], heap_bytes_per_waiter: first[1] };
  if (later.length) out.bytes_per_waiter_warm = median(later.map(([rss]) => rss));
  return out;
};
