'use strict';
// Serialises a generated document to JSON text with JSON.stringify.

const { makeJsonDocument, textChecksum } = require('../_lib/versus_data.js');

exports.setup = ({ items, seed }) => makeJsonDocument(seed, items);

exports.run = (document) => textChecksum(JSON.stringify(document));
