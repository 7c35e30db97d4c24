'use strict';
// The single-threaded baseline: every worker's share counted one after another on the main thread.
const { countShare } = require('./cpu_parallel_primes');

exports.run = ({ limit, workers }) => {
  let count = 0;
  for (let index = 0; index < workers; index++) count += countShare(limit, workers, index);
  return count;
};
