'use strict';
// Writes a temporary file chunk by chunk, then reads it back, through Node.js fs streams.

const fs = require('fs');
const path = require('path');
const { once } = require('events');
const { finished } = require('stream/promises');
const { MB, ensureFreeSpace } = require('../_lib/versus_files.js');

exports.setup = ({ size_mb: sizeMb, chunk_kb: chunkKb }, job) => {
  const size = sizeMb * MB;
  ensureFreeSpace(job.temp_dir, size, 'size_mb');
  const pattern = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return { file: path.join(job.temp_dir, 'stream.bin'), chunk: Buffer.alloc(chunkKb * 1024, pattern), size };
};

exports.run = async ({ file, chunk, size }) => {
  const out = fs.createWriteStream(file);
  for (let offset = 0; offset < size; offset += chunk.length) {
    if (!out.write(chunk.subarray(0, size - offset))) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  let total = 0;
  for await (const block of fs.createReadStream(file, { highWaterMark: chunk.length })) total += block.length;
  return total;
};
