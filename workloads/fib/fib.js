'use strict';
// Recursive Fibonacci: function calls and small-integer arithmetic, nothing else.

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

exports.run = (params) => fib(params.n);
