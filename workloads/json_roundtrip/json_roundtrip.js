'use strict';
// Serialise a generated document with JSON.stringify and parse it back with JSON.parse.

const { Rng } = require('../_lib/versus_prng.js');
const { jsonChecksum } = require('../_lib/versus_data.js');

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

exports.setup = (params) => {
  const rng = new Rng(params.seed);
  const document = [];
  for (let i = 0; i < params.items; i++) document.push(makeValue(rng, 0));
  return document;
};

exports.run = (document) => jsonChecksum(JSON.parse(JSON.stringify(document)));
