'use strict';
// xorshift32, bit for bit the same as versus_prng.py, so generated data is identical in both languages.

class Rng {
  constructor(seed) {
    this.state = (seed >>> 0) || 0x9E3779B9;
  }

  nextU32() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  // An integer in [0, n).
  nextInt(n) {
    return this.nextU32() % n;
  }

  // A float in [0, 1) with 32 random bits.
  nextFloat() {
    return this.nextU32() / 4294967296;
  }
}

// Folds a non-negative integer into a 32-bit rolling checksum (same as checksum_add in Python).
function checksumAdd(h, value) {
  return (Math.imul(h, 31) + (value >>> 0)) >>> 0;
}

module.exports = { Rng, checksumAdd };
