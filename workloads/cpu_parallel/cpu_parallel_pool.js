'use strict';
// What the worker_threads and child_process flavours share: a pool of started workers, one share per worker per call.

// `start(index)` returns a worker with on/once('message'), postMessage or send; `stop(worker)` ends it.
function makePool(workers, start) {
  return Array.from({ length: workers }, (_, index) => start(index));
}

function ask(worker, send, message) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (answer) => {
      worker.off('error', onError);
      resolve(answer);
    });
    send(worker, message);
  });
}

async function countInPool(pool, send, limit) {
  const counts = await Promise.all(pool.map((worker, index) => ask(worker, send, { limit, workers: pool.length, index })));
  return counts.reduce((a, b) => a + b, 0);
}

module.exports = { makePool, countInPool };
