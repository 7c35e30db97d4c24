'use strict';
// Random 4 KiB reads from a temporary file with fs.readSync at explicit offsets into one reused Buffer.

const fs = require('fs');
const path = require('path');
const { Rng, checksumAdd } = require('../_lib/versus_prng.js');
const { MB, PAGE, createPageFile, ensureFreeSpace } = require('../_lib/versus_files.js');

exports.setup = ({ file_mb: fileMb, reads, seed }, job) => {
  const pages = (fileMb * MB) / PAGE;
  ensureFreeSpace(job.temp_dir, pages * PAGE, 'file_mb');
  const file = path.join(job.temp_dir, 'random.bin');
  createPageFile(file, pages);
  const rng = new Rng(seed);
  const offsets = Array.from({ length: reads }, () => rng.nextInt(pages) * PAGE);
  return { fd: fs.openSync(file, 'r'), offsets, page: Buffer.alloc(PAGE) };
};

exports.run = ({ fd, offsets, page }) => {
  let h = 0;
  for (const offset of offsets) {
    fs.readSync(fd, page, 0, PAGE, offset);
    h = checksumAdd(h, page.readUInt32LE(0));
  }
  return h;
};

exports.teardown = (state) => {
  if (state) fs.closeSync(state.fd);
};
