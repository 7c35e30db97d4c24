'use strict';
// Counting primes by trial division, in blocks dealt round-robin to workers (the same as cpu_parallel_primes.py).
// Loaded by the workloads, and run as a worker thread or a forked child, answering one share per message.

const BLOCK = 500;

function isPrime(n) {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

function countShare(limit, workers, index) {
  let count = 0;
  for (let start = index * BLOCK; start < limit; start += workers * BLOCK) {
    const end = Math.min(start + BLOCK, limit);
    for (let n = start; n < end; n++) if (isPrime(n)) count++;
  }
  return count;
}

module.exports = { countShare };

const { parentPort } = require('worker_threads');
if (parentPort) {
  parentPort.on('message', ({ limit, workers, index }) => parentPort.postMessage(countShare(limit, workers, index)));
} else if (require.main === module && process.send) {
  process.on('message', ({ limit, workers, index }) => process.send(countShare(limit, workers, index)));
}
