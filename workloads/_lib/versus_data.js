'use strict';
// Input data generators shared by several workloads and flavours; versus_data.py makes the same data.

const { Rng, checksumAdd } = require('./versus_prng.js');

// n x n whole numbers from -9 to 9: products and sums stay exact in any order of additions.
function makeMatrix(rng, n) {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => rng.nextInt(19) - 9));
}

// Grayscale pixels 0-255, row by row.
function makeImage(seed, width, height) {
  const rng = new Rng(seed);
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.nextU32() >>> 24;
  return pixels;
}

// Letters of generated JSON strings: the quote, backslash and newline make the encoders escape.
const JSON_TEXT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-"\\\n';

// A JSON value nested at most 4 levels. Floats are odd eighths, printed alike by every JSON encoder.
function makeJsonValue(rng, depth) {
  switch (rng.nextInt(depth < 4 ? 6 : 4)) {
    case 0: return rng.nextInt(1000000);
    case 1: return (2 * rng.nextInt(4000000) + 1) / 8;
    case 2: {
      let text = '';
      for (let i = 1 + rng.nextInt(12); i > 0; i--) text += JSON_TEXT[rng.nextInt(JSON_TEXT.length)];
      return text;
    }
    case 3: return [true, false, null][rng.nextInt(3)];
    case 4: return Array.from({ length: rng.nextInt(6) }, () => makeJsonValue(rng, depth + 1));
    default: {
      const object = {};
      for (let i = 0, length = rng.nextInt(6); i < length; i++) object[`k${i}`] = makeJsonValue(rng, depth + 1);
      return object;
    }
  }
}

function makeJsonDocument(seed, items) {
  const rng = new Rng(seed);
  return Array.from({ length: items }, () => makeJsonValue(rng, 0));
}

// Walks a parsed JSON value; order, strings and numbers (in thousandths) all count. Same as json_checksum().
function jsonChecksum(value, h = 0) {
  if (value === null) return checksumAdd(h, 1);
  if (typeof value === 'boolean') return checksumAdd(h, 2 + (value ? 1 : 0));
  if (typeof value === 'number') return checksumAdd(h, Math.floor(value * 1000 + 0.5));
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) h = checksumAdd(h, value.charCodeAt(i));
    return checksumAdd(h, 4);
  }
  if (Array.isArray(value)) {
    for (const item of value) h = jsonChecksum(item, h);
    return checksumAdd(h, 5);
  }
  for (const [key, item] of Object.entries(value)) h = jsonChecksum(item, jsonChecksum(key, h));
  return checksumAdd(h, 6);
}

// jsonChecksum of 16 evenly spaced top-level items and the item count: cheap next to parsing the whole text.
function sampledJsonChecksum(document) {
  let h = document.length;
  for (let k = 0; k < 16; k++) h = jsonChecksum(document[Math.floor((k * document.length) / 16)], h);
  return h;
}

// The length and every 997th character of a text: cheap next to producing it.
function textChecksum(text) {
  let h = text.length;
  for (let i = 0; i < text.length; i += 997) h = checksumAdd(h, text.charCodeAt(i));
  return h;
}

module.exports = { makeMatrix, makeImage, makeJsonDocument, jsonChecksum, sampledJsonChecksum, textChecksum };
