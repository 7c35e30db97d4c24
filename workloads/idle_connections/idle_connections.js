'use strict';
// Idle connections held by a Node.js `net` server (one socket object per connection on the event loop);
// versus-connect holds the client side. Memory (the process's RSS) is read at 0, N/4, ..., N connections.
const net = require('net');
const { once } = require('events');
const { setup, holdSteps, report } = require('./idle_connections_common.js');

exports.setup = setup;
exports.report = report;

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
  try {
    const { points, seen } = await holdSteps(state, server.address().port, () => connected, 'net');
    state.calls.push(points);
    return seen;
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
};
