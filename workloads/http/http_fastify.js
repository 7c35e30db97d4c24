'use strict';
// GET /json from Fastify 4 (npm, pinned by package-lock.json in this folder; Fastify 5 needs Node 20). Fastify
// installs no signal handlers; close() ends its keep-alive connections.

const fastify = require('fastify');
const { BODY, CONTENT_TYPE, serverWorkload } = require('../_lib/versus_http.js');

module.exports = serverWorkload(async () => {
  const app = fastify({ logger: false, forceCloseConnections: true });
  app.get('/json', (request, reply) => {
    reply.header('Content-Type', CONTENT_TYPE).send(BODY);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port, close: () => app.close() };
});
