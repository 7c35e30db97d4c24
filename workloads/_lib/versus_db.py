"""What every database workload shares (db_point, db_join, db_insert): the run's PostgreSQL cluster (started by
Versus, handed over as job["services"]["postgresql"]), the keys each operation uses, the checksums, `clients` threads
sharing a pool of `pool` connections, the database's own share of the time (pg_stat_statements), and the floor
client: psycopg2 alone. Keep in step with versus_db.js: the same keys, SQL, checksums and report.

A client implements point(i), join(i) and insert(i), each returning the checksum of what it read or wrote, and
close(). A workload script is one line: `setup, run, completed, report, teardown = workload(Client, "point")`.
"""

import os
import queue
import re
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2

CUSTOMERS = 2000
JOIN_RANGE = 20  # customers per filtered list

POINT_SQL = "SELECT id, name, email, country FROM customers WHERE id = %s"
JOIN_SQL = ("SELECT o.id, o.total_cents, c.name FROM orders o JOIN customers c ON c.id = o.customer_id "
            "WHERE o.customer_id BETWEEN %s AND %s AND o.status = 'shipped' ORDER BY o.id")
INSERT_ORDER_SQL = "INSERT INTO orders (customer_id, status, total_cents) VALUES (%s, 'new', %s) RETURNING id"
INSERT_LINES_SQL = ("INSERT INTO order_lines (order_id, product_id, quantity, price_cents) VALUES "
                    + ", ".join(["(%s, %s, %s, %s)"] * 3))
# Every statement the server ran, but the ones that read these statistics.
STATS_SQL = ("SELECT coalesce(sum(total_plan_time + total_exec_time), 0), coalesce(sum(calls), 0) "
             "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'")


def point_key(i):
    """The customer the i-th point lookup of a call reads."""
    return 1 + (i * 7919) % CUSTOMERS


def join_range(i):
    """The first and last customer of the i-th filtered list of a call."""
    first = 1 + (i * 7919) % (CUSTOMERS - JOIN_RANGE + 1)
    return first, first + JOIN_RANGE - 1


def new_order(i):
    """The i-th order a call inserts: (customer_id, total_cents, [(product_id, quantity, price_cents)] * 3)."""
    lines = [(1 + (i * 31 + k * 7) % 200, 1 + (i + k) % 5, 100 + (i * 13 + k * 101) % 900) for k in range(3)]
    return 1 + (i * 7919) % CUSTOMERS, sum(q * p for _, q, p in lines), lines


def point_checksum(customer_id, name, email):
    return customer_id + len(name) + len(email)


def join_checksum(order_id, total_cents, customer_name):
    return order_id + total_cents + len(customer_name)


def insert_checksum(customer_id, total_cents, lines_written):
    return customer_id + total_cents + lines_written


def cluster(job):
    """The connection facts of the run's cluster: host, port, socket_dir, user, password, database, ..."""
    info = (job or {}).get("services", {}).get("postgresql")
    if not info:
        raise RuntimeError("no PostgreSQL cluster was handed to this job: the workload's manifest must say "
                           "\"service\": \"postgresql\", and Versus starts the cluster for the run")
    return info


def connect(info):
    """A psycopg2 connection over TCP to 127.0.0.1 (as every client here connects), in autocommit mode."""
    connection = psycopg2.connect(host=info["host"], port=info["port"], user=info["user"],
                                  password=info["password"], dbname=info["database"])
    connection.autocommit = True
    return connection


class Psycopg2Client:
    """The floor: psycopg2 alone, `pool` connections in a queue (a thread waits for a free one), SQL as text."""

    label = "psycopg2"

    def __init__(self, info, pool):
        self.idle = queue.Queue()
        self.connections = []
        for _ in range(pool):
            connection = connect(info)
            self.connections.append(connection)
            self.idle.put(connection)

    def _cursor_call(self, work):
        connection = self.idle.get()
        try:
            with connection.cursor() as cursor:
                return work(cursor)
        finally:
            self.idle.put(connection)

    def point(self, i):
        def work(cursor):
            cursor.execute(POINT_SQL, (point_key(i),))
            customer_id, name, email, _ = cursor.fetchone()
            return point_checksum(customer_id, name, email)
        return self._cursor_call(work)

    def join(self, i):
        def work(cursor):
            cursor.execute(JOIN_SQL, join_range(i))
            return sum(join_checksum(*row) for row in cursor.fetchall())
        return self._cursor_call(work)

    def insert(self, i):
        customer_id, total, lines = new_order(i)

        def work(cursor):
            cursor.execute("BEGIN")
            try:
                cursor.execute(INSERT_ORDER_SQL, (customer_id, total))
                order_id = cursor.fetchone()[0]
                cursor.execute(INSERT_LINES_SQL, [v for line in lines for v in (order_id, *line)])
                written = cursor.rowcount
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            return insert_checksum(customer_id, total, written)
        return self._cursor_call(work)

    def close(self):
        for connection in self.connections:
            connection.close()


# The same statements as pgbench scripts (random keys from the same ranges): the specialist's figure for the floor.
PGBENCH_SCRIPTS = {
    "point": "\\set id random(1, 2000)\nSELECT id, name, email, country FROM customers WHERE id = :id;\n",
    "join": ("\\set first random(1, 1981)\nSELECT o.id, o.total_cents, c.name FROM orders o JOIN customers c "
             "ON c.id = o.customer_id WHERE o.customer_id BETWEEN :first AND :first + 19 AND o.status = 'shipped' "
             "ORDER BY o.id;\n"),
    "insert": ("\\set c random(1, 2000)\nBEGIN;\nINSERT INTO orders (customer_id, status, total_cents) "
               "VALUES (:c, 'new', 1000) RETURNING id \\gset\nINSERT INTO order_lines (order_id, product_id, quantity, "
               "price_cents) VALUES (:id, 1, 1, 400), (:id, 2, 2, 200), (:id, 3, 1, 200);\nCOMMIT;\n"),
}


def pgbench(info, operation, connections, seconds=2):
    """pgbench (PostgreSQL's own C client, libpq) running the same statement over `connections` TCP connections for
    `seconds`: {"pgbench_queries_per_s", "pgbench_us_per_query"}, transactions for insert."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(PGBENCH_SCRIPTS[operation])
    try:
        command = [os.path.join(info["bin_dir"], "pgbench"), "-n", "-M", "simple", "-c", str(connections),
                   "-j", str(connections), "-T", str(seconds), "-f", script.name, "-h", info["host"],
                   "-p", str(info["port"]), "-U", info["user"], info["database"]]
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30,
                              env={"PATH": "/usr/bin:/bin", "PGPASSWORD": info["password"]})
    finally:
        os.unlink(script.name)
    match = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", done.stdout)
    if done.returncode != 0 or not match:
        raise RuntimeError(f"pgbench failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-300:]}")
    tps = float(match.group(1))
    return {"pgbench_queries_per_s": tps, "pgbench_us_per_query": 1e6 / tps}


class DatabaseShare:
    """How much of the clients' time the server spent planning and executing their statements: pg_stat_statements
    read when setup ends and again in report(), over its own connection. The cluster is the run's own, so every
    statement in it is the job's (or, in race order, the job's and the other runtime's)."""

    def __init__(self, info):
        self.connection = connect(info)
        self.start = self._read()

    def _read(self):
        with self.connection.cursor() as cursor:
            cursor.execute(STATS_SQL)
            db_ms, calls = cursor.fetchone()
        return time.perf_counter_ns(), float(db_ms), int(calls)

    def report(self, operations, connections):
        t1, db_ms, calls = self._read()
        t0, db0, calls0 = self.start
        wall_us = (t1 - t0) / 1000
        db_us = (db_ms - db0) * 1000
        operations = max(operations, 1)
        return {"db_time_us_per_query": db_us / operations,
                "db_statements_per_query": (calls - calls0) / operations,
                "wall_us_per_query": wall_us / operations,
                "db_time_share": db_us / (wall_us * connections) if wall_us > 0 else 0.0}

    def close(self):
        self.connection.close()


class Workload:
    """`clients` threads (none for 1: the harness's thread) take the operations 0..queries-1 of a call in turn."""

    def __init__(self, client_class, operation, params, job):
        self.info = cluster(job)
        self.operation = operation
        self.client_class = client_class
        self.params = params
        self.queries = params["queries"]
        self.clients = params["clients"]
        self.pool = params["pool"]
        self.client = None
        self.share = None
        self.executor = None
        self.stopping = False
        self.operations = 0
        try:
            self.client = client_class(self.info, self.pool)
            self.op = getattr(self.client, operation)
            if self.clients > 1:
                self.executor = ThreadPoolExecutor(self.clients, thread_name_prefix="versus-db-client")
            self.share = DatabaseShare(self.info)
        except BaseException:
            self.close()
            raise

    def _part(self, first):
        total = 0
        for i in range(first, self.queries, self.clients):
            if self.stopping:
                break
            total += self.op(i)
        return total

    def call(self):
        if self.executor is None:
            answer = self._part(0)
        else:
            answer = sum(f.result() for f in [self.executor.submit(self._part, c) for c in range(self.clients)])
        self.operations += self.queries
        return answer

    def report(self):
        values = self.share.report(self.operations, min(self.pool, self.clients))
        values.update({"queries_per_call": self.queries, "clients": self.clients, "pool": self.pool,
                       "cluster_initdb_ms": self.info["initdb_ms"], "cluster_start_ms": self.info["start_ms"],
                       "cluster_seed_ms": self.info["seed_ms"]})
        if self.params.get("pgbench") and self.client_class is Psycopg2Client:
            values.update(pgbench(self.info, self.operation, min(self.pool, self.clients)))
        return values

    def close(self):
        self.stopping = True
        if self.executor is not None:
            self.executor.shutdown(wait=True)  # no client thread outlives the job
            self.executor = None
        for part in (self.share, self.client):
            if part is not None:
                part.close()
        self.share = self.client = None


def workload(client_class, operation):
    """setup, run, completed, report, teardown of a database workload: `operation` is point, join or insert."""
    def setup(params, job):
        return Workload(client_class, operation, params, job)

    def run(state):
        return state.call()

    def completed(state):
        return state.queries

    def report(state):
        return state.report()

    def teardown(state):
        if state is not None:
            state.close()

    return setup, run, completed, report, teardown

