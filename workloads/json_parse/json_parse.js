'use strict';
// Parses JSON text of a generated document with JSON.parse.

const { makeJsonDocument, sampledJsonChecksum } = require('../_lib/versus_data.js');

exports.setup = ({ items, seed }) => JSON.stringify(makeJsonDocument(seed, items));

exports.run = (text) => sampledJsonChecksum(JSON.parse(text));
