'use strict';
// Idle connections held by a Node.js `net` server (one socket object per connection on the event loop);
// versus-connect holds the client side. Memory (the process's RSS) is read at 0, N/4, ..., N connections.
const net = require('net');
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

// The versus-connect child; hold(n) resolves when n connections are established on the client side.
function connector(helper, port) {
  const child = spawn(helper, [String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
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

exports.run = async (state) => {
  let connected = 0;
  const sockets = new Set();
  const server = net.createServer((socket) => {
    connected += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => { connected -= 1; sockets.delete(socket); });
  });
  server.listen({ host: '127.0.0.1', port: 0, backlog: 1024 });
  await once(server, 'listening');
  const client = connector(state.helper, server.address().port);
  const points = [];
  try {
    for (const count of stepCounts(state.connections)) {
      await client.hold(count);
      const deadline = Date.now() + 30000;
      while (connected !== count) {
        if (Date.now() > deadline) throw new Error(`the net server saw ${connected} of ${count} connections after 30 s`);
        await sleep(5);
      }
      points.push([count, process.memoryUsage.rss()]);
    }
    state.calls.push(points);
    return connected;
  } finally {
    await client.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
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
