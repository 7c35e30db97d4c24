'use strict';
// A tight loop of empty calls timed with its own clock: the floor a JavaScript harness loop can reach.
const empty = (state) => undefined;
const iterations = 10000000;

function loop(state) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) empty(state);
  return Number(process.hrtime.bigint() - start) / iterations;
}

exports.setup = () => ({ best: Infinity });

exports.run = (state) => {
  state.best = Math.min(state.best, loop(state));
  return 0;
};

exports.report = (state) => ({ ns_per_call: state.best });
