"""Recursive Fibonacci: function calls and small-integer arithmetic, nothing else."""


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def run(params):
    return fib(params["n"])
