'use strict';
// Builds a CSV-like text twice, by += concatenation and by Array.prototype.join, from template literals.

const { Rng, checksumAdd } = require('../_lib/versus_prng.js');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

exports.setup = ({ lines, seed }) => {
  const rng = new Rng(seed);
  const words = Array.from({ length: 64 }, () => {
    let word = '';
    for (let i = 3 + rng.nextInt(6); i > 0; i--) word += LETTERS[rng.nextInt(26)];
    return word;
  });
  return { words, lines };
};

exports.run = ({ words, lines }) => {
  const count = words.length;
  let text = '';
  for (let i = 0; i < lines; i++) text += `${i},${words[i % count]},${words[(i * 7) % count]}\n`;
  const rows = [];
  for (let i = 0; i < lines; i++) rows.push(`${i},${words[i % count]},${words[(i * 7) % count]}`);
  const joined = `${rows.join('\n')}\n`;
  if (joined !== text) throw new Error('concatenation and join built different texts');
  let h = text.length;
  for (let k = 0; k < 64; k++) h = checksumAdd(h, text.charCodeAt(Math.floor((k * text.length) / 64)));
  return h;
};
