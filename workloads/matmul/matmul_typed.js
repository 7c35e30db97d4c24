'use strict';
// Dense n x n matrix product on flat Float64Arrays (row-major), the fast path for numeric JavaScript.

const { Rng } = require('../_lib/versus_prng.js');
const { makeMatrix } = require('../_lib/versus_data.js');

exports.setup = ({ n, seed }) => {
  const rng = new Rng(seed);
  return { n, a: Float64Array.from(makeMatrix(rng, n).flat()), b: Float64Array.from(makeMatrix(rng, n).flat()) };
};

exports.run = ({ n, a, b }) => {
  const product = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      for (let j = 0; j < n; j++) product[i * n + j] += x * b[k * n + j];
    }
  }
  // Entries are whole numbers, so this weighted sum is exact whatever the order of additions.
  return product.reduce((sum, value, index) => sum + (index + 1) * value, 0);
};
