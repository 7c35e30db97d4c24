'use strict';
// What every HTTP server of the http workload shares: the document it serves, the check of GET /json before any
// load, the pinning of the server's thread apart from wrk, and the load itself, one wrk run per call of run().
// A server module passes listen() (resolving to { port, close } once it accepts connections on 127.0.0.1) to
// serverWorkload() and exports what it returns. Keep in step with versus_http.py: the same placement rule, the same
// wrk command, the same report.

const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const WRK_SCRIPT = path.join(__dirname, 'versus_wrk.lua');
const DOCUMENT = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'http', 'document.json'), 'utf8'));
const BODY = Buffer.from(JSON.stringify(DOCUMENT));
const CONTENT_TYPE = 'application/json';

function which(program) {
  return (process.env.PATH || '').split(':').some((dir) => {
    try {
      fs.accessSync(path.join(dir, program), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// "0-2,5" -> [0, 1, 2, 5]
function parseCpuList(text) {
  return text.trim().split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return Array.from({ length: (to === undefined ? from : to) - from + 1 }, (_, i) => from + i);
  });
}

// [server CPUs, wrk CPUs]: wrk on the last CPU this thread may use, the server on the others; both on every CPU (no
// pinning) when there is only one or taskset is missing.
function placement(cpus, haveTaskset) {
  const sorted = [...cpus].sort((a, b) => a - b);
  if (sorted.length < 2 || !haveTaskset) return [sorted, sorted];
  return [sorted.slice(0, -1), sorted.slice(-1)];
}

// The line each server prints once it listens: its port (the tests read it) and where it and wrk run.
function listeningLine(port, serverCpus, wrkCpus) {
  const where = serverCpus === wrkCpus
    ? 'the server and wrk share every CPU (one CPU, or no taskset): they compete for it'
    : `the server runs on CPU ${serverCpus.join(',')} and wrk on CPU ${wrkCpus.join(',')}; they still share this machine and compete for it`;
  return `versus-http: listening on 127.0.0.1:${port}; ${where}`;
}

// The JSON line versus_wrk.lua's done() prints.
function parseWrkReport(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith('VERSUS_WRK '));
  if (!line) throw new Error(`wrk printed no VERSUS_WRK line (did versus_wrk.lua's done() run?): ${stdout.trim().slice(-300)}`);
  return JSON.parse(line.slice('VERSUS_WRK '.length));
}

function isDeepStrictEqual(a, b) {
  return require('util').isDeepStrictEqual(a, b);
}

// GET /json once, before any load: status 200, Content-Type application/json and exactly the document.
function checkDocument(port) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/json', agent: false, timeout: 5000 }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) {
          reject(new Error(`GET /json answered ${response.statusCode}, not 200: the server is wrong, no load was put on it`));
        } else if (response.headers['content-type'] !== CONTENT_TYPE) {
          reject(new Error(`GET /json has Content-Type '${response.headers['content-type']}', not '${CONTENT_TYPE}'`));
        } else if (!isDeepStrictEqual(JSON.parse(body), DOCUMENT)) {
          reject(new Error(`GET /json answered ${body.slice(0, 200)}, not the document in http/document.json`));
        } else {
          resolve(JSON.parse(body));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('GET /json: no answer within 5 s')));
    request.on('error', reject);
  });
}

// The JavaScript thread (the event loop that serves) is pinned with taskset by its thread id; its old CPU list is
// put back at teardown, because an embedded runtime keeps the thread for later jobs.
function pinThisThread(cpus) {
  const tid = fs.readlinkSync('/proc/thread-self').split('/').pop();
  const before = execFileSync('taskset', ['-cp', tid], { encoding: 'utf8' }).split(':').pop().trim();
  execFileSync('taskset', ['-cp', cpus.join(','), tid], { stdio: 'ignore' });
  return () => execFileSync('taskset', ['-cp', before, tid], { stdio: 'ignore' });
}

function threadCpus() {
  const tid = fs.readlinkSync('/proc/thread-self').split('/').pop();
  return parseCpuList(execFileSync('taskset', ['-cp', tid], { encoding: 'utf8' }).split(':').pop());
}

// One wrk run of slice_s seconds against GET /json; wrk is killed whatever way the job ends (the runtime kills the
// children a stopped environment leaves).
function loadSlice(server) {
  const args = ['-t1', `-c${server.params.connections}`, `-d${server.params.slice_s}s`, '--timeout', '5s',
    '-s', WRK_SCRIPT, `http://127.0.0.1:${server.port}/json`];
  const pinned = server.wrkCpus !== server.serverCpus;
  const child = pinned ? spawn('taskset', ['-c', server.wrkCpus.join(','), 'wrk', ...args]) : spawn('wrk', args);
  server.wrk = child;
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      server.wrk = null;
      if (code !== 0) reject(new Error(`wrk exited with status ${code}: ${err.trim().slice(-300)}`));
      else resolve(parseWrkReport(out));
    });
  });
}

function serverWorkload(listen) {
  return {
    async setup(params) {
      if (!which('wrk')) throw new Error('wrk is not installed: apt install wrk (packaging/install-deps installs it)');
      const haveTaskset = which('taskset');
      const [serverCpus, wrkCpus] = placement(haveTaskset ? threadCpus() : [0], haveTaskset);
      const server = { params, serverCpus, wrkCpus, slices: [], wrk: null, unpin: null, close: null, port: 0 };
      if (wrkCpus !== serverCpus) server.unpin = pinThisThread(serverCpus);
      try {
        const { port, close } = await listen();
        server.port = port;
        server.close = close;
        console.log(listeningLine(port, serverCpus, wrkCpus));
        server.answer = await checkDocument(port);
      } catch (error) {
        await exports.teardown(server);
        throw error;
      }
      return server;
    },
    async run(server) {
      server.slices.push(await loadSlice(server));
      return server.answer;
    },
    completed: (server) => server.slices[server.slices.length - 1].requests,
    report,
    teardown: exports.teardown,
  };
}

// The last slice's latency (microseconds), errors over every slice, wrk's own req/s of the slices and where the
// server and wrk ran (CPU numbers; the same number for both means they shared every CPU).
function report(server) {
  const last = server.slices[server.slices.length - 1];
  const values = {};
  for (const name of ['p50', 'p90', 'p99', 'max']) values[`latency_${name}_us`] = last.latency_us[name];
  const errors = server.slices.map((s) => s.errors);
  values.socket_errors = errors.reduce((n, e) => n + e.connect + e.read + e.write + e.timeout, 0);
  values.non_2xx_responses = errors.reduce((n, e) => n + e.status, 0);
  values.wrk_requests_per_s = server.slices.reduce((n, s) => n + s.requests, 0)
    / (server.slices.reduce((n, s) => n + s.duration_us, 0) / 1e6);
  values.connections = server.params.connections;
  values.server_cpu = server.serverCpus[0];
  values.wrk_cpu = server.wrkCpus[0];
  values.port = server.port;
  return values;
}

exports.teardown = async (server) => {
  if (!server) return;
  if (server.wrk) server.wrk.kill('SIGKILL');
  if (server.close) await server.close();
  server.close = null;
  if (server.unpin) server.unpin();
  server.unpin = null;
  // Closed sockets and the server's handle leave the loop in its next close phase: wait for it, so that nothing
  // of the job is still listed as active when the harness looks.
  for (let pass = 0; pass < 3; pass++) await new Promise((resolve) => setImmediate(resolve));
};

// Closes a node:http server (Express and plain http) at once: idle keep-alive connections too.
exports.closeHttpServer = (httpServer) => () => new Promise((resolve) => {
  httpServer.close(() => resolve());
  httpServer.closeAllConnections();
});

// Listens on 127.0.0.1, on a port the system picks.
exports.listenHttpServer = (httpServer) => new Promise((resolve, reject) => {
  httpServer.once('error', reject);
  httpServer.listen(0, '127.0.0.1', () => resolve({ port: httpServer.address().port, close: exports.closeHttpServer(httpServer) }));
});

Object.assign(exports, { BODY, CONTENT_TYPE, DOCUMENT, parseWrkReport, parseCpuList, placement, serverWorkload });
