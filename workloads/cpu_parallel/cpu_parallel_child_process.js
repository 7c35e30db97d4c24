'use strict';
// child_process.fork: one node process per worker, started in setup(), one share per IPC message. In the embedded
// runtime the children are Debian's Node 18, the same Node as the embedded one.
const path = require('path');
const { fork } = require('child_process');
const { makePool, countInPool } = require('./cpu_parallel_pool');

const script = path.join(__dirname, 'cpu_parallel_primes.js');

exports.setup = ({ limit, workers }) => ({ limit, pool: makePool(workers, () => fork(script)) });
exports.run = ({ limit, pool }) => countInPool(pool, (child, message) => child.send(message), limit);
// Each child is killed and waited for: a job's children must be gone when teardown returns.
exports.teardown = (state) => state && Promise.all(state.pool.map((child) => {
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGKILL');
  return exited;
}));
