'use strict';
// Temporary files of the file workloads: the free-space check made before creating one, and the page file.

const fs = require('fs');

const MB = 1 << 20;
const PAGE = 4096;
const SPARE = 64 * MB; // left free on the disk after the file is written

// Refuses, before writing anything, to create a `size`-byte file that would (nearly) fill the disk.
function ensureFreeSpace(directory, size, parameter) {
  const stats = fs.statfsSync(directory);
  const free = stats.bavail * stats.bsize;
  if (free < size + SPARE) {
    throw new Error(`the temporary file needs ${Math.floor(size / MB)} MB plus ${SPARE / MB} MB to spare in `
      + `${directory}, `
      + `but only ${Math.floor(free / MB)} MB are free: lower '${parameter}' or free some disk space`);
  }
}

// A file of `pages` 4 KiB pages; each page starts with its own number (32-bit little-endian).
function createPageFile(path, pages) {
  const batch = Buffer.alloc(256 * PAGE);
  const fd = fs.openSync(path, 'w');
  try {
    for (let first = 0; first < pages; first += 256) {
      const count = Math.min(256, pages - first);
      for (let i = 0; i < count; i++) batch.writeUInt32LE(first + i, i * PAGE);
      fs.writeSync(fd, batch, 0, count * PAGE);
    }
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { MB, PAGE, ensureFreeSpace, createPageFile };
