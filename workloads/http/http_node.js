'use strict';
// GET /json from Node.js's own http module, no framework.

const http = require('http');
const { BODY, CONTENT_TYPE, listenHttpServer, serverWorkload } = require('../_lib/versus_http.js');

module.exports = serverWorkload(() => listenHttpServer(http.createServer((request, response) => {
  if (request.url !== '/json') {
    response.writeHead(404, { 'Content-Length': 0 }).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': BODY.length }).end(BODY);
})));
