'use strict';
// The insert operation through Prisma 7 on its pg driver adapter (workloads/_lib/versus_db_prisma.js).

const { workload } = require('../_lib/versus_db.js');
const { PrismaOrmClient } = require('../_lib/versus_db_prisma.js');

module.exports = workload(PrismaOrmClient, 'insert');
