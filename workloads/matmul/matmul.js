'use strict';
// Dense n x n matrix product with plain JavaScript arrays of arrays and the classic triple loop.

const { Rng } = require('../_lib/versus_prng.js');
const { makeMatrix } = require('../_lib/versus_data.js');

exports.setup = ({ n, seed }) => {
  const rng = new Rng(seed);
  return { a: makeMatrix(rng, n), b: makeMatrix(rng, n) };
};

exports.run = ({ a, b }) => {
  const n = a.length;
  const product = a.map((row) => {
    const out = new Array(n).fill(0);
    for (let k = 0; k < n; k++) {
      const x = row[k];
      const bRow = b[k];
      for (let j = 0; j < n; j++) out[j] += x * bRow[j];
    }
    return out;
  });
  // Entries are whole numbers, so this weighted sum is exact whatever the order of additions.
  let sum = 0;
  let weight = 1;
  for (const row of product) for (const value of row) sum += weight++ * value;
  return sum;
};
