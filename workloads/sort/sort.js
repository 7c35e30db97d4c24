'use strict';
// Sorts an array of integers (numeric comparator) and an array of short strings (default order) with Array.sort.

const { Rng, checksumAdd } = require('../_lib/versus_prng.js');

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

exports.setup = ({ count, seed }) => {
  const rng = new Rng(seed);
  const numbers = Array.from({ length: count }, () => rng.nextU32());
  const strings = Array.from({ length: count }, () => {
    let text = '';
    for (let i = 4 + rng.nextInt(9); i > 0; i--) text += LETTERS[rng.nextInt(52)];
    return text;
  });
  return { numbers, strings };
};

exports.run = ({ numbers, strings }) => {
  const sortedNumbers = [...numbers].sort((a, b) => a - b);
  const sortedStrings = [...strings].sort();
  // 64 evenly spaced values of each sorted array: wrong order anywhere is very likely to show.
  let h = 0;
  for (let k = 0; k < 64; k++) {
    const i = Math.floor((k * numbers.length) / 64);
    h = checksumAdd(h, sortedNumbers[i]);
    for (const ch of sortedStrings[i]) h = checksumAdd(h, ch.charCodeAt(0));
  }
  return h;
};
