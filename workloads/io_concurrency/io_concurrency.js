'use strict';
// K concurrent I/O waits on the Node.js event loop: 1 ms timers, or 64-byte round trips to an echo server in the same
// environment (127.0.0.1, a port chosen at run time). The server and the K connections are made in setup.
const net = require('net');
const { once } = require('events');
const { setTimeout: sleep } = require('timers/promises');

const MESSAGE = Buffer.alloc(64, 'x');

// A client connection whose roundTrip() resolves when the echo of one message is back.
function echoClient(socket) {
  let received = 0;
  let waiting = null;
  socket.on('data', (chunk) => {
    received += chunk.length;
    if (waiting && received >= MESSAGE.length) {
      received -= MESSAGE.length;
      const resolve = waiting;
      waiting = null;
      resolve();
    }
  });
  return {
    socket,
    roundTrip: () => new Promise((resolve) => { waiting = resolve; socket.write(MESSAGE); }),
  };
}

exports.setup = async ({ mode, concurrency, operations }) => {
  const state = { mode, concurrency, operations, server: null, clients: [], serverSockets: new Set() };
  if (mode === 'socket') {
    state.server = net.createServer((socket) => {
      state.serverSockets.add(socket);
      socket.on('close', () => state.serverSockets.delete(socket));
      socket.pipe(socket);
    });
    state.server.listen({ host: '127.0.0.1', port: 0, backlog: 1024 });
    await once(state.server, 'listening');
    const { port } = state.server.address();
    for (let i = 0; i < concurrency; i++) {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.setNoDelay(true);
      await once(socket, 'connect');
      state.clients.push(echoClient(socket));
    }
  }
  return state;
};

exports.run = async (state) => {
  let remaining = state.operations;
  let done = 0;
  const worker = async (client) => {
    while (remaining > 0) {
      remaining -= 1;
      if (client) await client.roundTrip();
      else await sleep(1);
      done += 1;
    }
  };
  const workers = [];
  for (let i = 0; i < state.concurrency; i++) workers.push(worker(state.clients[i]));
  await Promise.all(workers);
  return done;
};

exports.teardown = async (state) => {
  if (!state) return;
  const sockets = [...state.clients.map(({ socket }) => socket), ...state.serverSockets];
  const closed = sockets.map((socket) => once(socket, 'close'));  // a destroyed socket's handle closes a tick later
  for (const socket of sockets) socket.destroy();
  await Promise.all(closed);
  if (state.server) await new Promise((resolve) => state.server.close(resolve));
};
