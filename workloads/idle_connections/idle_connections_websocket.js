'use strict';
// Idle WebSocket connections held by a `ws` server (npm, pinned by package-lock.json in this folder) on Node's
// http server: a socket and a WebSocket object per connection; versus-connect upgrades each connection and holds it.
// Memory (the process's RSS) is read at 0, N/4, ..., N connections.
const http = require('http');
const { once } = require('events');
const { WebSocketServer } = require('ws');
const { setup, holdSteps, report } = require('./idle_connections_common.js');

exports.setup = setup;
exports.report = report;

exports.run = async (state) => {
  let connected = 0;
  const server = http.createServer();
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    connected += 1;
    socket.on('error', () => {});
    socket.on('close', () => { connected -= 1; });
  });
  server.listen({ host: '127.0.0.1', port: 0, backlog: 1024 });
  await once(server, 'listening');
  try {
    const { points, seen } = await holdSteps(state, server.address().port, () => connected, 'ws', true);
    state.calls.push(points);
    return seen;
  } finally {
    for (const socket of sockets.clients) socket.terminate();
    sockets.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};
