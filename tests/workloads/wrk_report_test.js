'use strict';
// versus_http.js's parsing of wrk's output (recorded) and its placement rule; run by ctest as workloads.wrk_report_js.

const assert = require('assert');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const http = require(path.join(root, 'workloads', '_lib', 'versus_http.js'));
const recorded = (name) => fs.readFileSync(path.join(root, 'tests', 'fixtures', 'wrk', name), 'utf8');

const report = http.parseWrkReport(recorded('slice_64_connections.txt'));
assert.strictEqual(report.requests, 7625);
assert.strictEqual(report.duration_us, 1020190);
assert.deepStrictEqual(report.errors, { connect: 0, read: 0, write: 0, status: 0, timeout: 0 });
assert.deepStrictEqual(['p50', 'p90', 'p99', 'max'].map((p) => report.latency_us[p]), [7602, 21926, 62692, 71385]);
assert.throws(() => http.parseWrkReport(recorded('no_report.txt')), /no VERSUS_WRK line.*Connection refused/);

assert.deepStrictEqual(http.placement([0, 1], true), [[0], [1]]);
assert.deepStrictEqual(http.placement([3, 0, 1, 2], true), [[0, 1, 2], [3]]);
const one = http.placement([0], true);
assert.strictEqual(one[0], one[1]);  // the same list: no pinning
assert.deepStrictEqual(http.parseCpuList('0-2,5\n'), [0, 1, 2, 5]);
console.log('wrk_report_test.js: ok');
