'use strict';
// GET /json from Express 4 (npm, pinned by package-lock.json in this folder).

const express = require('express');
const { BODY, CONTENT_TYPE, listenHttpServer, serverWorkload } = require('../_lib/versus_http.js');

module.exports = serverWorkload(() => {
  const app = express();
  app.get('/json', (request, response) => {
    response.setHeader('Content-Type', CONTENT_TYPE); // res.set() would add '; charset=utf-8'
    response.send(BODY);
  });
  return listenHttpServer(require('http').createServer(app));
});
