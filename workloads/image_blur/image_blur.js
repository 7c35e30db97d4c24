'use strict';
// Box blur of a grayscale image held in typed arrays (as in ImageData): running sums, horizontal then vertical.

const { makeImage } = require('../_lib/versus_data.js');

exports.setup = ({ width, height, radius, seed }) => ({
  width, height, radius, pixels: makeImage(seed, width, height),
});

// Sums of the 2 * radius + 1 values around each of `length` values read at `start + i * step`, repeating the edge
// values outwards; written the same way into `out`.
function windowSums(src, out, start, step, length, radius) {
  const at = (i) => src[start + Math.min(Math.max(i, 0), length - 1) * step];
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += at(i);
  for (let i = 0; i < length; i++) {
    out[start + i * step] = sum;
    sum += at(i + radius + 1) - at(i - radius);
  }
}

exports.run = ({ width, height, radius, pixels }) => {
  const horizontal = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) windowSums(pixels, horizontal, y * width, 1, width, radius);
  const sums = new Uint32Array(width * height);
  for (let x = 0; x < width; x++) windowSums(horizontal, sums, x, width, height, radius);
  const area = (2 * radius + 1) ** 2;
  const blurred = new Uint8Array(width * height);
  let checksum = 0;
  for (let i = 0; i < blurred.length; i++) {
    blurred[i] = Math.floor((sums[i] + (area >> 1)) / area);
    checksum += (i + 1) * blurred[i];
  }
  return checksum;
};
