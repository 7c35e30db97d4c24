'use strict';
// The database workloads through Prisma 7 (the engine-free client, generated from versus_db.prisma, on the
// @prisma/adapter-pg driver adapter, on a pg Pool of `pool` connections). Prisma 7 needs Node.js 20.19 or later:
// on the embedded Node.js 18 this flavour is unavailable and says so. Same keys, statements and checksums as
// versus_db.js's floor.

const path = require('path');
const {
  endPool, insertChecksum, joinChecksum, joinRange, newOrder, pointChecksum, pointKey, trackedPool,
} = require('./versus_db.js');

const GENERATED = path.join(__dirname, 'node_modules', '.versus-prisma', 'js', 'client.js');

function unavailable(message) {
  const error = new Error(message);
  error.versusUnavailable = true;  // the harness reports it as runtime-unavailable, not as a script error
  return error;
}

function loadPrisma() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw unavailable(`Prisma 7 needs Node.js 20.19 or later, this is Node.js ${process.versions.node}: `
      + 'run it on a newer Node.js (here: -r node-process)');
  }
  let generated;
  try {
    generated = require(GENERATED);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    throw unavailable(`the Prisma client is not generated (${GENERATED} is missing): run packaging/install-deps`);
  }
  return { PrismaClient: generated.PrismaClient, PrismaPg: require('@prisma/adapter-pg').PrismaPg };
}

class PrismaOrmClient {
  static async open(info, pool) {
    const { PrismaClient, PrismaPg } = loadPrisma();
    const client = new PrismaOrmClient();
    // The pool is ours, so close() can end it: $disconnect alone left its sockets open.
    client.pool = trackedPool(info, pool);
    client.prisma = new PrismaClient({ adapter: new PrismaPg(client.pool) });
    await client.prisma.$connect();
    return client;
  }

  async point(i) {
    const c = await this.prisma.customer.findUnique({ where: { id: pointKey(i) } });
    return pointChecksum(c.id, c.name, c.email);
  }

  async join(i) {
    const [first, last] = joinRange(i);
    const orders = await this.prisma.order.findMany({
      where: { customerId: { gte: first, lte: last }, status: 'shipped' },
      include: { customer: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
    return orders.reduce((s, o) => s + joinChecksum(o.id, o.totalCents, o.customer.name), 0);
  }

  async insert(i) {
    const { customerId, total, lines } = newOrder(i);
    const written = await this.prisma.$transaction(async (tx) => {
      const order = await tx.order.create({ data: { customerId, status: 'new', totalCents: total }, select: { id: true } });
      const { count } = await tx.orderLine.createMany({
        data: lines.map(([productId, quantity, priceCents]) => ({ orderId: order.id, productId, quantity, priceCents })),
      });
      return count;
    });
    return insertChecksum(customerId, total, written);
  }

  async close() {
    await this.prisma.$disconnect();
    await endPool(this.pool);
  }
}

module.exports = { PrismaOrmClient };
