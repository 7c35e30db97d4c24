'use strict';
// Versus measurement harness for JavaScript. Same algorithm as harness.py: keep the two in step.
//
// A host object receives what the harness observes:
//   host.calibrated(innerLoops, elapsedNs)
//   host.sample(index, warmup, innerLoops, elapsedNs)
//   host.output(stream, text)
//   host.done(resultJson)
// The embedded runtime passes native functions; run as a script (external process runtimes), the harness speaks
// JSON lines on a private pipe instead (see main()).

const path = require('path');
const { Writable } = require('stream');
const Module = require('module');

// Everything the harness calls is bound here, when the harness loads and before any workload code runs, so that a
// workload that replaces process.hrtime.bigint, JSON.stringify or a global at module level cannot fake its times or
// its answer. The host's clock check (sampleBegin .. sample) catches what slips past these.
const now = process.hrtime.bigint;
const toNumber = Number;
const toBigInt = BigInt;
const round = Math.round;
const min = Math.min;
const stringify = JSON.stringify;
const parse = JSON.parse;
const makeFunction = Function;
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const byteLength = Buffer.byteLength;
const activeResources = process.getActiveResourcesInfo;

function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}

// The timed loop, one source for every use, compiled afresh for each (new Function): closures of one function
// literal share V8's feedback, so measuring the harness's overhead with an empty call in a shared literal would make
// the workload's call site polymorphic. `timed(loops)` returns the loop's time in ns (a BigInt), `last()` the last
// answer. Only the loop runs between the two clock readings.
function compileLoop(call, isAsync) {
  const body = isAsync
    ? 'return { timed: async (loops) => { const start = now(); for (let i = 0; i < loops; i++) last = await call(); '
      + 'return now() - start; }, last: () => last };'
    : 'return { timed: (loops) => { const start = now(); for (let i = 0; i < loops; i++) last = call(); '
      + 'return now() - start; }, last: () => last };';
  return makeFunction('now', 'call', `'use strict'; let last; ${body}`)(now, call);
}

// What the timed loop itself costs per call: an empty call (async when the workload is) in the same loop, the
// minimum over a few runs of at least a millisecond each. Measured once per job, before the workload's samples.
async function measureOverhead(isAsync) {
  const { timed } = compileLoop(isAsync ? async () => {} : () => {}, isAsync);
  let loops = 1024;
  let elapsed = await timed(loops);
  while (elapsed < 1000000n && loops < (1 << 24)) {
    loops *= 2;
    elapsed = await timed(loops);
  }
  let best = elapsed;
  for (let run = 0; run < 5; run++) {
    const t = await timed(loops);
    if (t < best) best = t;
  }
  return toNumber(best) / loops;
}

// Calibrate by doubling (or take fixed_inner_loops from an earlier round), then warm-up and measured samples.
// Synchronous workloads never touch the event loop; a workload whose run() returns a promise is awaited call by call.
// host.sampleBegin() comes immediately before each sample's timed loop, so the host can check the reported time
// against its own clock.
async function measure(call, options, host, firstIsAsync) {
  const minNs = toBigInt(round(options.min_sample_time_ms * 1e6));
  const fixed = options.fixed_inner_loops || 0;
  const maxLoops = fixed || options.max_inner_loops;
  const { timed, last } = compileLoop(call, firstIsAsync);
  const { sampleBegin, sample, calibrated } = host;

  let loops = fixed || 1;
  let elapsed;
  for (;;) {
    elapsed = await timed(loops);
    if (elapsed >= minNs || loops >= maxLoops) break;
    loops = min(loops * 2, maxLoops);
  }
  calibrated(loops, toNumber(elapsed));

  let index = 0;
  for (let w = 0; w < options.warmup_samples; w++) {
    sampleBegin();
    elapsed = await timed(loops);
    sample(index++, true, loops, toNumber(elapsed));
  }
  const budgetNs = toBigInt(round(options.time_budget_s * 1e9));
  const measuredStart = now();
  for (let s = 0; s < options.samples; s++) {
    if (budgetNs > 0n && index > options.warmup_samples && now() - measuredStart >= budgetNs) break;
    sampleBegin();
    elapsed = await timed(loops);
    sample(index++, false, loops, toNumber(elapsed));
  }
  return last();
}

// completed(state), when the workload exports it, is the work its last run() call did, which varies per call (an HTTP
// load slice: the requests served): every sample is then one call, reported with that many inner loops, so the time
// per call is the time per request and calls/s is requests/s. The same rule as harness.py's measure().
function completedWorkHost(host, completed) {
  const { sampleBegin, sample, calibrated } = host;
  return { sampleBegin, calibrated, sample: (index, warmup, loops, elapsedNs) => sample(index, warmup, completed(), elapsedNs) };
}

function megabytes(bytes) {
  const mb = bytes / 1048576;
  return mb >= 10 || mb === round(mb) ? `${round(mb)}` : mb.toFixed(1);
}

class AnswerError extends Error {}

// The answer as JSON text, refused when it is larger than answer_limit_bytes: strings, arrays and typed arrays are
// refused from their length before any serialising (each element takes at least two characters).
function serialiseAnswer(answer, limit) {
  const tooLarge = (bytes, atLeast) => {
    const error = new AnswerError(`the answer is ${atLeast ? 'at least ' : ''}${megabytes(bytes)} MB when serialised, `
      + `above the limit of ${megabytes(limit)} MB: return a checksum or a summary instead of the data itself `
      + '(the limit is --answer-limit)');
    error.kind = 'answer-too-large';
    return error;
  };
  let lowerBound = 0;
  if (typeof answer === 'string') lowerBound = answer.length + 2;
  else if (isArray(answer) || isView(answer)) lowerBound = 2 * answer.length + 1;
  if (limit > 0 && lowerBound > limit) throw tooLarge(lowerBound, true);
  let text;
  try {
    text = stringify(answer);
  } catch (error) {
    const why = new AnswerError(`the answer cannot be serialised as JSON (${error && error.name}: ${error && error.message}): `
      + 'return numbers, strings, arrays or plain objects');
    why.kind = 'script-error';
    throw why;
  }
  if (limit > 0 && text !== undefined && text.length > limit / 3) {
    const bytes = byteLength(text);
    if (bytes > limit) throw tooLarge(bytes, false);
  }
  return text;
}

// Handles the workload closed stay listed as active until the event loop runs their close callbacks (sockets
// destroyed, a server or child closed just before run() returned): a few turns of the loop let them finish, so
// that only what is still running is reported. Stops as soon as nothing is left.
async function settleClosingHandles() {
  for (let turn = 0; turn < 10 && activeResources().length > 0; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// A warning when the workload left timers, servers or other handles that would keep the event loop alive after its
// answer; the runtime stops them (embedded: the environment is stopped at done; process: the child exits).
function leftoverWarning() {
  const left = activeResources();
  if (left.length === 0) return [];
  const counts = {};
  for (const kind of left) counts[kind] = (counts[kind] || 0) + 1;
  const which = Object.keys(counts).map((kind) => (counts[kind] > 1 ? `${kind} x${counts[kind]}` : kind)).join(', ');
  return [`the workload left timers or handles running after its answer; they were stopped (${which})`];
}

// One extra call after the timed samples, between two full collections: how much the V8 heap grew during the call
// (allocation not yet collected, a lower bound of its peak) and what the call's result still holds afterwards.
async function memoryPass(call) {
  const v8 = require('v8');
  v8.setFlagsFromString('--expose-gc');
  const gc = require('vm').runInNewContext('gc');
  const used = () => v8.getHeapStatistics().used_heap_size;
  gc();
  const before = used();
  let kept = await call();
  const grown = used() - before;
  gc();
  const retained = used() - before;
  kept = null;
  return { memory_pass_peak_bytes: Math.max(0, grown), memory_pass_retained_bytes: Math.max(0, retained) };
}

function errorLocation(error, script) {
  const stack = error && typeof error.stack === 'string' ? error.stack : '';
  // A compile error's stack starts with "file:line" followed by the offending source line.
  const head = /^(\/[^\n]*?):(\d+)\n/.exec(stack);
  if (head) return { file: head[1], line: Number(head[2]) };
  const frames = [...stack.matchAll(/\(?(\/[^\s():]+):(\d+):(\d+)\)?/g)];
  const mine = frames.filter((m) => m[1] === script);
  const frame = mine[0] || frames.find((m) => !m[1].endsWith('harness.js')) || frames[0];
  return frame ? { file: frame[1], line: Number(frame[2]) } : { file: '', line: 0 };
}

function failure(error, script) {
  if (error instanceof AnswerError) return { ok: false, kind: error.kind, file: '', line: 0, message: error.message };
  if (error && error.versusExit) {
    return { ok: false, kind: 'exit', file: '', line: 0,
      message: `${error.versusExit} was called: workload code must return its answer, not end the process. Remove the call.` };
  }
  const { file, line } = errorLocation(error, script);
  const name = error && error.name ? error.name : 'Error';
  const text = error && error.message !== undefined ? error.message : String(error);
  if (error instanceof RangeError && /allocation failed|Invalid array length|Array buffer allocation/.test(text)) {
    return { ok: false, kind: 'out-of-memory', file, line,
      message: `${name}: ${text}. The workload asked for more memory than it can have; use smaller parameters.` };
  }
  if (error && error.versusUnavailable) return { ok: false, kind: 'runtime-unavailable', file, line, message: text };
  const missing = error && error.code === 'MODULE_NOT_FOUND' && /Cannot find module '([^'./][^']*)'/.exec(text);
  if (missing) {
    // The folder whose npm packages are missing: the requiring file's (a shared module in _lib has its own).
    const folder = path.dirname((error.requireStack && error.requireStack[0]) || script);
    return { ok: false, kind: 'runtime-unavailable', file, line,
      message: `this workload needs the npm package '${missing[1]}', which is not installed next to it: install it `
        + `with 'cd ${folder} && npm ci' (packaging/install-deps does it in a source tree)` };
  }
  const where = line ? ` at line ${line} of ${path.basename(file)}` : '';
  return { ok: false, kind: 'script-error', file, line, message: `${name}${where}: ${text}` };
}

function captureStream(host, stream, budget) {
  return new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const size = Buffer.byteLength(text);
      if (budget.left >= size) {
        budget.left -= size;
        host.output(stream, text);
      } else {
        budget.dropped += size;
      }
      callback();
    },
  });
}

// Make the calls that would end or kill the host process fail the job instead. `stop(name)` must not return
// normally in the embedded runtime (it terminates execution); elsewhere it throws.
function protectProcess(stop, script) {
  const where = () => errorLocation(new Error(), script);
  const forbid = (name) => (...args) => stop(`${name}(${args.length ? args[0] : ''})`, where());
  process.exit = forbid('process.exit');
  process.reallyExit = forbid('process.reallyExit');
  process.abort = forbid('process.abort');
  const realKill = process.kill.bind(process);
  process.kill = (pid, signal) => {
    if (pid === process.pid || pid === 0 || pid === -process.pid) return stop(`process.kill(own process, ${signal})`, where());
    return realKill(pid, signal);
  };
}

function redirectOutput(host, options) {
  const budget = { left: options.output_limit_bytes, dropped: 0 };
  for (const stream of ['stdout', 'stderr']) {
    Object.defineProperty(process, stream, { configurable: true, enumerable: true, get: (() => {
      const captured = captureStream(host, stream, budget);
      return () => captured;
    })() });
  }
  return budget;
}

async function runJob(job, host, budget) {
  const script = job.script;
  let mod;
  let state;
  let result;
  try {
    const load = Module.createRequire(script);
    mod = load(script);
    const run = mod[job.function || 'run'];
    if (typeof run !== 'function') throw new TypeError(`${path.basename(script)} exports no function '${job.function || 'run'}'`);
    // setup(params) or setup(params, job): job.temp_dir is a private folder removed after the job; job.connect_helper
    // the versus-connect program (idle_connections); job.services the servers the run started for the workload
    // ({ postgresql: { host, port, ... } } for the database workloads).
    const jobInfo = { temp_dir: job.temp_dir, connect_helper: job.connect_helper || '', services: job.services || {} };
    state = typeof mod.setup === 'function' ? await mod.setup(job.params, jobInfo) : job.params;
    // One untimed call tells whether the workload is asynchronous, and an answer that is too large (or cannot be
    // serialised) fails the job here, before any sample.
    const first = run(state);
    const firstIsAsync = isThenable(first);
    serialiseAnswer(firstIsAsync ? await first : first, job.options.answer_limit_bytes);
    const overheadNs = await measureOverhead(firstIsAsync);
    const answer = typeof mod.completed === 'function'
      ? await measure(() => run(state), { ...job.options, fixed_inner_loops: 1 }, completedWorkHost(host, () => mod.completed(state)), firstIsAsync)
      : await measure(() => run(state), job.options, host, firstIsAsync);
    result = { ok: true, answer: serialiseAnswer(answer, job.options.answer_limit_bytes), harness_overhead_ns: overheadNs };
    if (typeof mod.report === 'function') result.report = await mod.report(state);
    if (job.options.memory_pass) result.report = { ...(result.report || {}), ...(await memoryPass(() => run(state))) };
  } catch (error) {
    result = failure(error, script);
  } finally {
    if (mod && typeof mod.teardown === 'function') {
      try {
        await mod.teardown(state);
      } catch (error) {
        if (!result || result.ok) result = failure(error, script);
      }
    }
  }
  result.output_dropped_bytes = budget.dropped;
  return result;
}

// In the embedded runtime process.execPath is the Versus binary, not a node: child_process.fork starts `node.execPath`
// (Debian's Node 18, the embedded one's twin) with `node.env` added to the child's environment, unless the caller
// names its own execPath. The runtime kills whatever children are left when the environment stops.
function forkWithNode(node) {
  const childProcess = require('child_process');
  const fork = childProcess.fork;
  childProcess.fork = (modulePath, args, options) => {
    if (!isArray(args)) {
      options = args;
      args = [];
    }
    options = options || {};
    if (!node.execPath && !options.execPath) {
      throw new Error('child_process.fork needs a node executable, and this Versus has none (run packaging/install-deps)');
    }
    const env = { ...(options.env || process.env), ...node.env };
    return fork(modulePath, args, { ...options, execPath: options.execPath || node.execPath, env });
  };
}

// Entry point of the embedded runtime: `nativeHost` holds native functions; `stop` terminates the isolate, and so
// does `done` (whatever the workload left running ends with the environment). `forkNode` as for forkWithNode.
function runEmbedded(nativeHost, jobJson, forkNode) {
  const { calibrated, sampleBegin, sample, output, done, stop, abandon: abandonJob } = nativeHost;
  const host = { calibrated, sampleBegin, sample, output };
  const job = parse(jobJson);
  forkWithNode(forkNode || { execPath: '', env: {} });
  protectProcess((what, at) => stop(what, at.file, at.line), job.script);
  const budget = redirectOutput(host, job.options);
  // An exception thrown in a callback, or a rejection nobody handles, ends the job with that error.
  const abandon = (error) => abandonJob(stringify({ ...failure(error, job.script), output_dropped_bytes: budget.dropped }));
  process.on('uncaughtException', abandon);
  process.on('unhandledRejection', abandon);
  runJob(job, host, budget)
    .then(async (result) => { await settleClosingHandles(); return result; })
    .then((result) => done(stringify({ ...result, warnings: leftoverWarning() })));
}

function main() {
  const fs = require('fs');
  const v8 = require('v8');
  const { PerformanceObserver, performance } = require('perf_hooks');
  const fd = toNumber(process.argv[2]);
  const writeSync = fs.writeSync;
  const getHeapStatistics = v8.getHeapStatistics;
  const performanceNow = performance.now.bind(performance);
  const send = (message) => writeSync(fd, stringify(message) + '\n');
  const sampleBeginLine = stringify({ event: 'sample_begin' }) + '\n';
  const exit = process.reallyExit.bind(process);  // saved before protectProcess replaces it
  // Collections are buffered by the observer and sent between samples, never from inside the timed loop. Their
  // start is converted to CLOCK_MONOTONIC (process.hrtime), the clock Versus uses.
  let gcPending = [];
  const gcObserver = new PerformanceObserver((list) => {
    const nowNs = now();
    const nowMs = performanceNow();
    for (const entry of list.getEntries()) {
      if (gcPending.length >= 1000) break;
      gcPending.push({ event: 'gc', t_ns: toNumber(nowNs - toBigInt(round((nowMs - entry.startTime) * 1e6))),
        pause_ns: round(entry.duration * 1e6), kind: entry.detail ? entry.detail.kind : undefined });
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const flushGc = () => { const pending = gcPending; gcPending = []; for (const m of pending) send(m); };
  const heapBytes = () => { const h = getHeapStatistics(); return h.used_heap_size + h.external_memory; };
  const host = {
    calibrated: (loops, elapsedNs) => send({ event: 'calibrated', inner_loops: loops, elapsed_ns: elapsedNs }),
    sampleBegin: () => writeSync(fd, sampleBeginLine),
    sample: (index, warmup, loops, elapsedNs) => {
      send({ event: 'sample', index, warmup, inner_loops: loops, elapsed_ns: elapsedNs, heap_bytes: heapBytes() });
      flushGc();
    },
    output: (stream, text) => send({ event: 'output', stream, text }),
  };
  const finish = (result) => {
    flushGc();
    send({ event: 'done', result: { ...result, warnings: leftoverWarning() } });
    exit(0);  // servers or timers a workload left behind must not keep the process (and the job) alive
  };
  const job = parse(fs.readFileSync(0, 'utf8'));
  protectProcess((what) => { const e = new Error(what); e.versusExit = what; throw e; }, job.script);
  const budget = redirectOutput(host, job.options);
  const abandon = (error) => finish({ ...failure(error, job.script), output_dropped_bytes: budget.dropped });
  process.on('uncaughtException', abandon);
  process.on('unhandledRejection', abandon);
  runJob(job, host, budget).then(async (result) => { await settleClosingHandles(); finish(result); });
}

module.exports = { measure, runEmbedded, runJob };

if (require.main === module) main();
