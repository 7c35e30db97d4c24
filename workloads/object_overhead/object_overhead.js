'use strict';
// Bytes per object: how much V8's used heap grows, between two full collections, while an array of n objects of
// one kind is built.

const v8 = require('v8');
const vm = require('vm');

const TAGS = ['red', 'green', 'blue', 'black'];

// One small object of each kind, made from its index (the same values as object_overhead.py).
const MAKERS = {
  int: (i) => 1000000 + i,
  float: (i) => i + 0.5,
  string: (i) => `s${i}`,
  record: (i) => ({ id: i, x: i + 0.5, tag: TAGS[i % 4] }),
  array: (i) => [1000 + i, 1001 + i, 1002 + i, 1003 + i],
};

// A full garbage collection: global.gc when node runs with --expose-gc, else the same function obtained by
// turning the flag on and reading it from a fresh context (the flag only affects contexts created afterwards).
function fullCollection() {
  if (typeof global.gc === 'function') return global.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

exports.setup = ({ kind, count }) => ({ make: MAKERS[kind], count, collect: fullCollection(), bytesPerObject: [] });

exports.run = (state) => {
  const { make, count, collect } = state;
  collect();
  const before = v8.getHeapStatistics().used_heap_size;
  const objects = Array.from({ length: count }, (_, i) => make(i));
  collect();
  state.bytesPerObject.push((v8.getHeapStatistics().used_heap_size - before) / count);
  return objects.length;
};

// The median over every call, like the time figures: now and then a collection lands mid-measurement.
exports.report = ({ bytesPerObject }) => {
  const sorted = [...bytesPerObject].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return { bytes_per_object: sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2 };
};
