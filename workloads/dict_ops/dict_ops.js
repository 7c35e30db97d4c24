'use strict';
// Hash map work on a Map with string keys: insert, look up (hits and misses), delete, iterate.

const { Rng } = require('../_lib/versus_prng.js');

exports.setup = ({ count, seed }) => {
  const rng = new Rng(seed);
  const keys = Array.from({ length: count }, () => `k${rng.nextU32().toString(16)}`);
  const misses = Array.from({ length: count }, () => `m${rng.nextU32().toString(16)}`);
  return { keys, misses };
};

exports.run = ({ keys, misses }) => {
  const table = new Map();
  keys.forEach((key, i) => table.set(key, i));
  let hits = 0;
  let total = 0;
  for (const key of keys) {
    const value = table.get(key);
    if (value !== undefined) {
      hits++;
      total += value;
    }
  }
  for (const key of misses) if (table.has(key)) hits++;
  for (let i = 0; i < keys.length; i += 2) table.delete(keys[i]);
  let remaining = 0;
  for (const value of table.values()) remaining += value;
  return `size=${table.size} hits=${hits} total=${total} remaining=${remaining}`;
};
