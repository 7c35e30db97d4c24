'use strict';
// The insert operation with the pg driver alone, the floor (workloads/_lib/versus_db.js).

const { PgClient, workload } = require('../_lib/versus_db.js');

module.exports = workload(PgClient, 'insert');
