'use strict';
// What both Node.js servers of idle_connections share: the versus-connect helper that holds the client side, the
// counts at which memory is read (0, N/4, ..., N) and the fitted bytes per connection.
const readline = require('readline');
const { spawn } = require('child_process');
const { once } = require('events');
const { median, fittedSlope } = require('../_lib/versus_memory.js');

const STEPS = 4;
const stepCounts = (n) => Array.from({ length: STEPS + 1 }, (_, i) => Math.round((n * i) / STEPS));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.setup = (params, job) => {
  if (!job.connect_helper) {
    throw new Error('the versus-connect helper was not found: build the versus-connect target (or reinstall Versus), '
      + 'or set VERSUS_CONNECT to its path');
  }
  return { helper: job.connect_helper, connections: params.connections, calls: [] };
};

// The versus-connect child; hold(n) resolves when n connections (WebSockets when `websocket`) are established.
function connector(helper, port, websocket) {
  const args = [String(port)].concat(websocket ? ['--websocket'] : []);
  const child = spawn(helper, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async hold(count) {
      child.stdin.write(`hold ${count}\n`);
      const { value } = await lines.next();
      if (value !== `held ${count}`) throw new Error(`versus-connect could not hold ${count} connections: ${value || 'it exited'}`);
    },
    async close() {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
      child.stdin.end();  // versus-connect closes every connection and exits
      await exited;
    },
  };
}

// Holds 0, N/4, ..., N connections to `port` and reads this process's RSS once `connected()` counts each step.
// Returns the points and the count the server saw at the last step, read before the helper is ended, which it is
// whatever happens.
exports.holdSteps = async (state, port, connected, name, websocket = false) => {
  const client = connector(state.helper, port, websocket);
  const points = [];
  try {
    for (const count of stepCounts(state.connections)) {
      await client.hold(count);
      const deadline = Date.now() + 30000;
      while (connected() !== count) {
        if (Date.now() > deadline) throw new Error(`the ${name} server saw ${connected()} of ${count} connections after 30 s`);
        await sleep(5);
      }
      points.push([count, process.memoryUsage.rss()]);
    }
    return { points, seen: connected() };
  } finally {
    await client.close();
  }
};

// The first call's figures (a server that never held connections before), and the median slope of the later calls.
exports.report = (state) => {
  const [first, ...later] = state.calls;
  const out = { bytes_per_connection: fittedSlope(first), rss_bytes_baseline: first[0][1] };
  for (const [count, rss] of first) out[`rss_delta_bytes_at_${count}`] = rss - first[0][1];
  if (later.length) out.bytes_per_connection_warm = median(later.map(fittedSlope));
  return out;
};
