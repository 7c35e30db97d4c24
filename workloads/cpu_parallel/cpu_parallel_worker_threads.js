'use strict';
// worker_threads: one V8 isolate per worker, started in setup() (start-up is not part of the timed calls).
const path = require('path');
const { Worker } = require('worker_threads');
const { makePool, countInPool } = require('./cpu_parallel_pool');

const script = path.join(__dirname, 'cpu_parallel_primes.js');

exports.setup = ({ limit, workers }) => ({ limit, pool: makePool(workers, () => new Worker(script)) });
exports.run = ({ limit, pool }) => countInPool(pool, (worker, message) => worker.postMessage(message), limit);
exports.teardown = async (state) => {
  if (state) await Promise.all(state.pool.map((worker) => worker.terminate()));
};
