"""The point operation with psycopg2 alone, the floor (workloads/_lib/versus_db.py)."""

from versus_db import Psycopg2Client, workload

setup, run, completed, report, teardown = workload(Psycopg2Client, "point")
