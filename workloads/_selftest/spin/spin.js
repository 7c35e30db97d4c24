'use strict';
// Spins until cancelled.
exports.run = () => {
  for (;;) { /* spin */ }
};
