'use strict';
// Serialise a generated document with JSON.stringify and parse it back with JSON.parse.

const { Rng, checksumAdd } = require('../_lib/versus_prng.js');

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-';

function makeValue(rng, depth) {
  const kind = rng.nextInt(depth < 4 ? 6 : 4);
  switch (kind) {
    case 0: return rng.nextInt(1000000);
    case 1: return rng.nextInt(1000000) / 1000;
    case 2: {
      const length = 1 + rng.nextInt(12);
      let text = '';
      for (let i = 0; i < length; i++) text += LETTERS[rng.nextInt(LETTERS.length)];
      return text;
    }
    case 3: return [true, false, null][rng.nextInt(3)];
    case 4: {
      const length = rng.nextInt(6);
      const array = [];
      for (let i = 0; i < length; i++) array.push(makeValue(rng, depth + 1));
      return array;
    }
    default: {
      const length = rng.nextInt(6);
      const object = {};
      for (let i = 0; i < length; i++) object[`k${i}`] = makeValue(rng, depth + 1);
      return object;
    }
  }
}

// Same walk as checksum() in json_roundtrip.py: order, strings and numbers (in thousandths) all count.
function checksum(value, h = 0) {
  if (value === null) return checksumAdd(h, 1);
  if (typeof value === 'boolean') return checksumAdd(h, 2 + (value ? 1 : 0));
  if (typeof value === 'number') return checksumAdd(h, Math.floor(value * 1000 + 0.5));
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) h = checksumAdd(h, value.charCodeAt(i));
    return checksumAdd(h, 4);
  }
  if (Array.isArray(value)) {
    for (const item of value) h = checksum(item, h);
    return checksumAdd(h, 5);
  }
  for (const [key, item] of Object.entries(value)) h = checksum(item, checksum(key, h));
  return checksumAdd(h, 6);
}

exports.setup = (params) => {
  const rng = new Rng(params.seed);
  const document = [];
  for (let i = 0; i < params.items; i++) document.push(makeValue(rng, 0));
  return document;
};

exports.run = (document) => checksum(JSON.parse(JSON.stringify(document)));
