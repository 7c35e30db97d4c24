'use strict';
// What every database workload shares (db_point, db_join, db_insert), in JavaScript: the run's PostgreSQL cluster
// (job.services.postgresql), the keys each operation uses, the checksums, `clients` concurrent async loops sharing a
// pool of `pool` connections, the database's own share of the time (pg_stat_statements), and the floor client: the
// `pg` driver alone (its Pool). Keep in step with versus_db.py: the same keys, SQL, checksums and report.
// A client has point(i), join(i), insert(i) (each resolving to the checksum of what it read or wrote) and close().
// A workload script is one line: module.exports = workload(PgClient, 'point').

const pg = require('pg');

const CUSTOMERS = 2000;
const JOIN_RANGE = 20;

const POINT_SQL = 'SELECT id, name, email, country FROM customers WHERE id = $1';
const JOIN_SQL = 'SELECT o.id, o.total_cents, c.name FROM orders o JOIN customers c ON c.id = o.customer_id '
  + "WHERE o.customer_id BETWEEN $1 AND $2 AND o.status = 'shipped' ORDER BY o.id";
const INSERT_ORDER_SQL = "INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, 'new', $2) RETURNING id";
const INSERT_LINES_SQL = 'INSERT INTO order_lines (order_id, product_id, quantity, price_cents) VALUES '
  + '($1, $2, $3, $4), ($5, $6, $7, $8), ($9, $10, $11, $12)';
const STATS_SQL = 'SELECT coalesce(sum(total_plan_time + total_exec_time), 0) AS db_ms, coalesce(sum(calls), 0) AS calls '
  + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'";

const pointKey = (i) => 1 + (i * 7919) % CUSTOMERS;

function joinRange(i) {
  const first = 1 + (i * 7919) % (CUSTOMERS - JOIN_RANGE + 1);
  return [first, first + JOIN_RANGE - 1];
}

// The i-th order a call inserts: { customerId, total, lines: [[productId, quantity, priceCents] x 3] }.
function newOrder(i) {
  const lines = [0, 1, 2].map((k) => [1 + (i * 31 + k * 7) % 200, 1 + (i + k) % 5, 100 + (i * 13 + k * 101) % 900]);
  return { customerId: 1 + (i * 7919) % CUSTOMERS, total: lines.reduce((s, [, q, p]) => s + q * p, 0), lines };
}

const pointChecksum = (customerId, name, email) => customerId + name.length + email.length;
const joinChecksum = (orderId, totalCents, customerName) => orderId + totalCents + customerName.length;
const insertChecksum = (customerId, totalCents, linesWritten) => customerId + totalCents + linesWritten;

function cluster(job) {
  const info = job && job.services && job.services.postgresql;
  if (!info) {
    throw new Error('no PostgreSQL cluster was handed to this job: the workload\'s manifest must say '
      + '"service": "postgresql", and Versus starts the cluster for the run');
  }
  return info;
}

const poolConfig = (info, max) => ({
  host: info.host, port: info.port, user: info.user, password: info.password, database: info.database, max,
});

// A pg Pool that remembers its connections, so that endPool() can wait until their sockets are closed: Pool.end()
// resolves before that (pg 8.23), and an embedded job must leave no socket behind.
function trackedPool(info, max) {
  const pool = new pg.Pool(poolConfig(info, max));
  pool.versusClients = new Set();
  pool.on('connect', (client) => pool.versusClients.add(client));
  return pool;
}

async function endPool(pool) {
  const closed = [...pool.versusClients].map((client) => new Promise((resolve) => {
    const socket = client.connection && client.connection.stream;
    if (!socket || socket.destroyed) resolve();
    else socket.once('close', resolve);
  }));
  await pool.end();
  await Promise.all(closed);
}

// The floor: pg's own Pool of `pool` connections (a query waits for a free one), SQL as text.
class PgClient {
  constructor(info, pool) {
    this.pool = trackedPool(info, pool);
  }

  async point(i) {
    const { rows: [c] } = await this.pool.query(POINT_SQL, [pointKey(i)]);
    return pointChecksum(c.id, c.name, c.email);
  }

  async join(i) {
    const { rows } = await this.pool.query(JOIN_SQL, joinRange(i));
    return rows.reduce((s, r) => s + joinChecksum(r.id, r.total_cents, r.name), 0);
  }

  async insert(i) {
    const { customerId, total, lines } = newOrder(i);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const { rows: [order] } = await client.query(INSERT_ORDER_SQL, [customerId, total]);
        const written = await client.query(INSERT_LINES_SQL, lines.flatMap((line) => [order.id, ...line]));
        await client.query('COMMIT');
        return insertChecksum(customerId, total, written.rowCount);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  }

  close() {
    return endPool(this.pool);
  }
}

// How much of the clients' time the server spent planning and executing their statements: pg_stat_statements read
// when setup ends and again in report(), over its own connection.
class DatabaseShare {
  static async open(info) {
    const share = new DatabaseShare();
    share.client = new pg.Client(poolConfig(info, 1));
    await share.client.connect();
    share.start = await share.read();
    return share;
  }

  async read() {
    const { rows: [r] } = await this.client.query(STATS_SQL);
    return { t: process.hrtime.bigint(), dbMs: Number(r.db_ms), calls: Number(r.calls) };
  }

  async report(operations, connections) {
    const end = await this.read();
    const wallUs = Number(end.t - this.start.t) / 1000;
    const dbUs = (end.dbMs - this.start.dbMs) * 1000;
    const n = Math.max(operations, 1);
    return {
      db_time_us_per_query: dbUs / n,
      db_statements_per_query: (end.calls - this.start.calls) / n,
      wall_us_per_query: wallUs / n,
      db_time_share: wallUs > 0 ? dbUs / (wallUs * connections) : 0,
    };
  }

  close() {
    return this.client.end();
  }
}

// setup, run, completed, report, teardown of a database workload: `operation` is point, join or insert. `clients`
// async loops take the operations 0..queries-1 of a call in turn.
function workload(ClientClass, operation) {
  async function teardown(state) {
    if (!state) return;
    for (const part of [state.share, state.client]) if (part) await part.close();
    state.share = state.client = null;
  }
  return {
    async setup(params, job) {
      const info = cluster(job);
      const state = { info, params, queries: params.queries, clients: params.clients, pool: params.pool,
        client: null, share: null, operations: 0 };
      try {
        state.client = await ClientClass.open(info, state.pool);
        state.share = await DatabaseShare.open(info);
      } catch (error) {
        await teardown(state);
        throw error;
      }
      return state;
    },
    async run(state) {
      const op = (i) => state.client[operation](i);
      const part = async (first) => {
        let total = 0;
        for (let i = first; i < state.queries; i += state.clients) total += await op(i);
        return total;
      };
      const parts = await Promise.all(Array.from({ length: state.clients }, (_, c) => part(c)));
      state.operations += state.queries;
      return parts.reduce((a, b) => a + b, 0);
    },
    completed: (state) => state.queries,
    async report(state) {
      const values = await state.share.report(state.operations, Math.min(state.pool, state.clients));
      return Object.assign(values, { queries_per_call: state.queries, clients: state.clients, pool: state.pool,
        cluster_initdb_ms: state.info.initdb_ms, cluster_start_ms: state.info.start_ms,
        cluster_seed_ms: state.info.seed_ms });
    },
    teardown,
  };
}

PgClient.open = async (info, pool) => new PgClient(info, pool);

module.exports = {
  PgClient, workload, cluster, trackedPool, endPool, pointKey, joinRange, newOrder, pointChecksum, joinChecksum, insertChecksum,
};
