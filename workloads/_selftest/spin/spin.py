"""Spins until cancelled."""


def run(params):
    while True:
        pass
