// `npm run bench`: what one updateCustomerSessionV2 call costs through talon-fetch, against its
// peers, all in one run:
//
//   raw fetch + JSON.parse · ky alone · ky with the SDK's timeouts and retries · openapi-fetch ·
//   talon_one 4.3.0 (the official SDK, when installed) · hey-api + valibot (generated from the
//   spec now, requests and answers validated) · talon-fetch (answer validated) · talon-fetch with
//   validateResponse: false
//
//   1. calls: client CPU per call, calls/s and heap bytes per call, sequential and at 50 in
//      flight. Every contender runs in a process of its own (bench/contender.mjs), the loopback
//      server in another (bench/server.mjs: its CPU is not counted). The contenders take turns in
//      rounds, in an order rotated each round; every ratio is taken within a round, then the
//      median over the rounds is shown, so machine noise hits both sides of a ratio alike;
//   2. validation alone: valibot safeParse of a freshly parsed answer against JSON.parse of its
//      text, CPU and heap bytes (talon-fetch's schema and hey-api's), in a process of its own;
//   3. cold start: fresh Node processes running a one-endpoint esbuild bundle against bare fetch.
//
// The peers are installed apart from the SDK (bench/peers/package.json, `npm ci --prefix
// bench/peers`, done here on first use) and hey-api's client is generated from the spec at bench
// time into bench/peers/.gen (ignored). Prints a table and writes everything to .tmp/bench.json.
// Knobs (env): BENCH_ROUNDS, BENCH_SEQ_CALLS, BENCH_CONC_CALLS, BENCH_CONCURRENCY,
// BENCH_HEAP_CALLS, BENCH_MICRO_ITERATIONS, BENCH_COLD_RUNS, BENCH_ONLY (comma-separated ids),
// BENCH_NO_PEERS=1 (talon-fetch, ky and raw fetch only; no install, no generation),
// BENCH_BASELINE=<another build's dist/> (adds that build, validated and not, to compare versions).
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { effectTypes, integrationState } from './fixture.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const peersDir = fileURLToPath(new URL('./peers/', import.meta.url));
const int = (name, fallback) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const ROUNDS = int('BENCH_ROUNDS', 7);
const SEQ_CALLS = int('BENCH_SEQ_CALLS', 500);
const CONC_CALLS = int('BENCH_CONC_CALLS', 1000);
const CONCURRENCY = int('BENCH_CONCURRENCY', 50);
const HEAP_CALLS = int('BENCH_HEAP_CALLS', 200);
const MICRO_ITERATIONS = int('BENCH_MICRO_ITERATIONS', 500);
const COLD_RUNS = int('BENCH_COLD_RUNS', 15);
const NO_PEERS = process.env.BENCH_NO_PEERS === '1';
const BASELINE = process.env.BENCH_BASELINE;
if (BASELINE && !existsSync(`${BASELINE}/index.js`)) {
  console.error(`bench: BENCH_BASELINE=${BASELINE} has no index.js (give the dist/ folder of another build)`);
  process.exit(1);
}
const GOALS = { validatedVsKy: 1.15, lightVsKy: 1.0, validationHeapVsTree: 2, coldVsFetch: 1.2 };

const benchStarted = performance.now();
const loadAtStart = loadavg();
const fail = (message) => {
  console.error(`\nbench: ${message}\n`);
  process.exit(1);
};
if (!process.versions.node.startsWith('24.'))
  console.warn(`bench: running on Node ${process.version}; the figures are meant for Node 24`);
if (!existsSync(`${root}dist/index.js`))
  fail('dist/ is missing: run npm run build first (npm run bench does)');

// ---------------------------------------------------------------------------------------------
// The peers: installed once into bench/peers/node_modules, hey-api generated on every run.
const CONTENDERS = [
  { id: 'fetch', label: 'raw fetch + JSON.parse' },
  { id: 'ky', label: 'ky alone (retry 0, no timeout)' },
  { id: 'kyDefaults', label: "ky with the SDK's timeouts, retries" },
  { id: 'kyAsSdk', label: 'ky as talon-fetch drives it' },
  { id: 'openapiFetch', label: 'openapi-fetch 0.17 (no validation)', peer: 'openapi-fetch' },
  { id: 'talonOne', label: 'talon_one 4.3 (no validation)', peer: 'talon_one' },
  { id: 'heyApi', label: 'hey-api 0.99 + valibot (validates)', peer: '@hey-api/openapi-ts' },
  { id: 'sdk', label: 'talon-fetch (validates)' },
  { id: 'sdkLight', label: 'talon-fetch, validateResponse: false' },
  { id: 'kyMgmt', label: 'ky alone, Management getLoyaltyCard', management: true },
  { id: 'mgmt', label: 'talon-fetch/management (validates)', management: true },
  { id: 'baseline', label: 'BENCH_BASELINE build (validates)', baseline: true },
  { id: 'baselineLight', label: 'BENCH_BASELINE, validateResponse: false', baseline: true },
  {
    id: 'baselineMgmt',
    label: 'BENCH_BASELINE, Management getLoyaltyCard',
    baseline: true,
    management: true,
  },
];
const installed = (name) => existsSync(`${peersDir}node_modules/${name}/package.json`);
let heyApi;
if (!NO_PEERS) {
  if (!installed('openapi-fetch') || !installed('@hey-api/openapi-ts')) {
    console.log('bench: installing the peers (npm ci --prefix bench/peers)');
    try {
      execFileSync('npm', ['ci', '--prefix', peersDir, '--no-audit', '--no-fund', '--loglevel=error'], {
        stdio: 'inherit',
      });
    } catch {
      fail('could not install the peers: run npm ci --prefix bench/peers, or set BENCH_NO_PEERS=1');
    }
  }
  const { generateHeyApi } = await import('./peers/gen.mjs');
  heyApi = await generateHeyApi().catch((error) => fail(`generating the hey-api peer: ${error.message}`));
}
const only = process.env.BENCH_ONLY?.split(',');
const contenders = CONTENDERS.filter(
  (c) =>
    (!c.peer || (!NO_PEERS && installed(c.peer))) &&
    (!c.baseline || BASELINE) &&
    (!only ||
      only.includes(c.id) ||
      c.id === 'ky' ||
      c.id === 'fetch' ||
      (c.id === 'kyMgmt' && only.includes('mgmt')) ||
      (c.baseline && BASELINE && only.includes(c.id.replace(/^baseline/, '').toLowerCase() || 'sdk'))),
);

// ---------------------------------------------------------------------------------------------
// The server and the contenders, each in a process of its own.
const children = [];
process.on('exit', () => {
  for (const child of children) child.kill();
});
function start(file, args, execArgv = []) {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    stdio: 'inherit',
    execArgv,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  children.push(child);
  return child;
}
/** Sends `message` and resolves with the child's next answer. */
function ask(child, message) {
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (answer) => {
      child.off('exit', onExit);
      if (answer.ok === false || answer.ready === false) reject(new Error(answer.error));
      else resolve(answer);
    });
    if (message) child.send(message);
  });
}

const server = start('./server.mjs', []);
const { port, bytes: bodyBytes } = await ask(server).catch((e) => fail(`the server: ${e.message}`));
const baseUrl = `http://127.0.0.1:${port}`;
const expected = integrationState();
const effectsExpected = expected.effects.length;

process.stdout.write(
  `talon-fetch bench: ${contenders.length} contenders, ${ROUNDS} rounds × (${SEQ_CALLS} sequential + ${CONC_CALLS} at concurrency ${CONCURRENCY} calls)\nstarting and warming up the contenders`,
);
const procs = {};
for (const c of contenders) {
  procs[c.id] = start('./contender.mjs', [c.id, baseUrl, heyApi?.bundle ?? ''], ['--expose-gc']);
  const ready = await ask(procs[c.id]).catch((e) => fail(`${c.label}: ${e.message}`));
  if (!c.management && ready.effects !== effectsExpected)
    fail(`${c.label}: the first call did not return the bench's answer`);
  process.stdout.write('.');
}
const microProc = start('./contender.mjs', ['micro', baseUrl, heyApi?.bundle ?? ''], ['--expose-gc']);
const { textBytes } = await ask(microProc).catch((e) => fail(`validation alone: ${e.message}`));

// ---------------------------------------------------------------------------------------------
// The rounds.
const MODES = [
  { id: 'sequential', calls: SEQ_CALLS, concurrency: 1 },
  { id: 'concurrent', calls: CONC_CALLS, concurrency: CONCURRENCY },
];
const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const rounds = { sequential: [], concurrent: [], micro: [] };
process.stdout.write(', measuring rounds ');
for (let round = 0; round < ROUNDS; round++) {
  const order = rotate(contenders, round);
  for (const mode of MODES) {
    const r = {};
    for (const c of order) {
      r[c.id] = (
        await ask(procs[c.id], { cmd: 'run', calls: mode.calls, concurrency: mode.concurrency })
      ).result;
    }
    for (const c of order) {
      const heap = await ask(procs[c.id], {
        cmd: 'run',
        calls: mode.concurrency === 1 ? HEAP_CALLS : Math.max(HEAP_CALLS, 2 * mode.concurrency),
        concurrency: mode.concurrency,
        heap: true,
      });
      r[c.id].heapBytesPerCall = heap.result.heapBytesPerCall;
    }
    rounds[mode.id].push(r);
  }
  rounds.micro.push((await ask(microProc, { iterations: MICRO_ITERATIONS })).result);
  process.stdout.write('.');
}
for (const child of [...Object.values(procs), microProc]) child.disconnect();
process.stdout.write('\n');

// ---------------------------------------------------------------------------------------------
// Cold start: bundle both children, then spawn them alternately against the server.
const coldDir = `${root}.tmp/bench-cold`;
mkdirSync(coldDir, { recursive: true });
const bundles = {};
for (const name of ['sdk', 'fetch']) {
  const out = await build({
    absWorkingDir: root,
    entryPoints: [`bench/cold/${name}.mjs`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile: `${coldDir}/${name}.mjs`,
    banner: { js: 'globalThis.__benchStart=performance.now();' },
    logLevel: 'warning',
  });
  if (out.errors.length) fail(`esbuild could not bundle bench/cold/${name}.mjs`);
  bundles[name] = { file: `${coldDir}/${name}.mjs`, bytes: readFileSync(`${coldDir}/${name}.mjs`).length };
}
function runCold(file) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, BENCH_URL: baseUrl, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const watchdog = setTimeout(() => child.kill(), 15_000);
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      clearTimeout(watchdog);
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      const line = JSON.parse(out);
      if (line.effects !== effectsExpected) return reject(new Error(`${file} got the wrong body`));
      resolve({
        wallMs,
        firstResultMs: line.result,
        moduleToResultMs: line.result - line.start,
        evalMs: line.entered - line.start,
        firstCallMs: line.result - line.entered,
      });
    });
  });
}
const cold = { sdk: [], fetch: [] };
await runCold(bundles.fetch.file); // page the Node binary and the bundles in
await runCold(bundles.sdk.file);
for (let i = 0; i < COLD_RUNS; i++) {
  for (const name of i % 2 === 0 ? ['sdk', 'fetch'] : ['fetch', 'sdk']) {
    try {
      cold[name].push(await runCold(bundles[name].file));
    } catch (error) {
      fail(`cold start: ${error.message}`);
    }
  }
}
server.disconnect();

// ---------------------------------------------------------------------------------------------
// Summaries: medians (min–max) over the rounds; ratios per round, then their median.
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const ratioStats = (as, bs) => stats(as.map((a, i) => a / bs[i]));
/** The ky baseline of a contender: ky alone making the same call (the Management one for `mgmt`). */
const kyOf = (id) => (contenders.find((c) => c.id === id)?.management ? 'kyMgmt' : 'ky');
const summarizeCalls = (runs) =>
  Object.fromEntries(
    contenders.map((c) => {
      const cpu = runs.map((r) => r[c.id].cpuUsPerCall);
      const heap = runs.map((r) => r[c.id].heapBytesPerCall);
      return [
        c.id,
        {
          label: c.label,
          cpuUsPerCall: stats(cpu),
          callsPerSec: stats(runs.map((r) => r[c.id].callsPerSec)),
          heapBytesPerCall: stats(heap),
          cpuVsFetch: ratioStats(
            cpu,
            runs.map((r) => r.fetch.cpuUsPerCall),
          ),
          cpuVsKy: ratioStats(
            cpu,
            runs.map((r) => r[kyOf(c.id)].cpuUsPerCall),
          ),
        },
      ];
    }),
  );
const validationInCall = (runs) =>
  runs[0].sdk && runs[0].sdkLight
    ? stats(runs.map((r) => r.sdk.cpuUsPerCall - r.sdkLight.cpuUsPerCall))
    : undefined;
const microIds = Object.keys(rounds.micro[0]);
const summary = {
  sequential: { ...summarizeCalls(rounds.sequential), validationInCall: validationInCall(rounds.sequential) },
  concurrent: { ...summarizeCalls(rounds.concurrent), validationInCall: validationInCall(rounds.concurrent) },
  micro: Object.fromEntries(
    microIds.map((name) => [
      name,
      {
        cpuUsPerOp: stats(rounds.micro.map((r) => r[name].cpuUsPerOp)),
        heapBytesPerOp: stats(rounds.micro.map((r) => r[name].heapBytesPerOp)),
        cpuVsJsonParse: ratioStats(
          rounds.micro.map((r) => r[name].cpuUsPerOp),
          rounds.micro.map((r) => r.jsonParse.cpuUsPerOp),
        ),
        heapVsTree: ratioStats(
          rounds.micro.map((r) => r[name].heapBytesPerOp),
          rounds.micro.map((r) => r.jsonParse.heapBytesPerOp),
        ),
      },
    ]),
  ),
  cold: Object.fromEntries(
    ['sdk', 'fetch'].map((name) => [
      name,
      {
        bundleBytes: bundles[name].bytes,
        wallMs: stats(cold[name].map((r) => r.wallMs)),
        firstResultMs: stats(cold[name].map((r) => r.firstResultMs)),
        evalMs: stats(cold[name].map((r) => r.evalMs)),
        firstCallMs: stats(cold[name].map((r) => r.firstCallMs)),
      },
    ]),
  ),
};
summary.cold.ratios = {
  wall: ratioStats(
    cold.sdk.map((r) => r.wallMs),
    cold.fetch.map((r) => r.wallMs),
  ),
  firstResult: ratioStats(
    cold.sdk.map((r) => r.firstResultMs),
    cold.fetch.map((r) => r.firstResultMs),
  ),
};
const goal = (text, value, target) => ({ goal: text, value, target, met: value <= target });
const goals = [];
for (const [mode, label] of [
  ['sequential', 'sequential'],
  ['concurrent', `${CONCURRENCY} in flight`],
]) {
  if (summary[mode].sdk)
    goals.push(
      goal(
        `validated call ≤ ${GOALS.validatedVsKy}x ky alone, ${label}`,
        summary[mode].sdk.cpuVsKy.median,
        GOALS.validatedVsKy,
      ),
    );
  if (summary[mode].mgmt)
    goals.push(
      goal(
        `validated Management call (getLoyaltyCard) ≤ ${GOALS.validatedVsKy}x ky alone, ${label}`,
        summary[mode].mgmt.cpuVsKy.median,
        GOALS.validatedVsKy,
      ),
    );
  if (summary[mode].sdkLight)
    goals.push(
      goal(
        `validateResponse: false ≤ ${GOALS.lightVsKy.toFixed(1)}x ky alone, ${label}`,
        summary[mode].sdkLight.cpuVsKy.median,
        GOALS.lightVsKy,
      ),
    );
}
goals.push(
  goal(
    `validation heap ≤ ${GOALS.validationHeapVsTree}x the parsed tree`,
    summary.micro.sdk.heapVsTree.median,
    GOALS.validationHeapVsTree,
  ),
  goal(
    `cold start (spawn to exit) ≤ ${GOALS.coldVsFetch}x bare fetch`,
    summary.cold.ratios.wall.median,
    GOALS.coldVsFetch,
  ),
  goal(
    `cold start (first result) ≤ ${GOALS.coldVsFetch}x bare fetch`,
    summary.cold.ratios.firstResult.median,
    GOALS.coldVsFetch,
  ),
);

// ---------------------------------------------------------------------------------------------
// The table.
const cpuModel =
  readFileSync('/proc/cpuinfo', 'utf8')
    .match(/^model name\s*:\s*(.+)$/m)?.[1]
    ?.trim() ?? cpus()[0]?.model;
const machine = { nproc: cpus().length, cpu: cpuModel, node: process.version, platform: process.platform };
const f0 = (n) => Math.round(n).toLocaleString('en-US');
const f1 = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const pad = (s, n) => String(s).padEnd(n);
const lines = [];
lines.push(
  '',
  `talon-fetch bench · Node ${machine.node} · ${machine.nproc} × ${machine.cpu}`,
  `updateCustomerSessionV2 against a loopback server (own process) answering a ${kb(bodyBytes)} IntegrationStateV2`,
  `(${effectsExpected} effects: ${Object.entries(effectTypes(expected))
    .map(([t, n]) => `${t} ×${n}`)
    .join(', ')}). Each contender in its own process; median (min–max) over ${ROUNDS} rounds`,
  'in rotated order; ratios per round, then the median. CPU = process.cpuUsage (user+system) / calls;',
  'the Management rows make a getLoyaltyCard GET instead, and their "vs ky alone" is ky making that call;',
  'heap = V8 heap bytes allocated per call (separate segment).',
);
for (const mode of MODES) {
  lines.push(
    '',
    mode.concurrency === 1
      ? `Sequential, ${SEQ_CALLS} calls per round`
      : `Concurrency ${CONCURRENCY}, ${CONC_CALLS} calls per round`,
    `  ${pad('', 42)}${pad('CPU µs/call', 20)}${pad('vs ky alone', 20)}${pad('vs raw fetch', 20)}${pad('heap/call', 12)}calls/s`,
  );
  for (const c of contenders) {
    const s = summary[mode.id][c.id];
    lines.push(
      `  ${pad(c.label, 42)}${pad(range(s.cpuUsPerCall, f0), 20)}${pad(range(s.cpuVsKy, f2), 20)}${pad(range(s.cpuVsFetch, f2), 20)}${pad(kb(s.heapBytesPerCall.median), 12)}${f0(s.callsPerSec.median)}`,
    );
  }
  if (summary[mode.id].validationInCall)
    lines.push(
      `  ${pad('(validation in the call: sdk − sdkLight)', 42)}${range(summary[mode.id].validationInCall, f0)} µs`,
    );
}
const microLabels = {
  jsonParse: 'JSON.parse of the body text',
  sdk: "talon-fetch's IntegrationStateV2Schema",
  heyApi: "hey-api's vIntegrationStateV2",
  baseline: "BENCH_BASELINE's schema",
};
lines.push(
  '',
  `Validation alone, ${MICRO_ITERATIONS} freshly parsed answers per round (${kb(textBytes)} of JSON)`,
  `  ${pad('', 42)}${pad('CPU µs/op', 20)}${pad('vs JSON.parse', 20)}${pad('heap/op', 12)}heap vs the parsed tree`,
);
for (const name of microIds) {
  const s = summary.micro[name];
  lines.push(
    `  ${pad(microLabels[name] ?? name, 42)}${pad(range(s.cpuUsPerOp, f1), 20)}${pad(range(s.cpuVsJsonParse, f2), 20)}${pad(kb(s.heapBytesPerOp.median), 12)}${f2(s.heapVsTree.median)}x`,
  );
}
lines.push(
  '',
  `Cold start, ${COLD_RUNS} fresh processes each, alternating (ms)`,
  `  ${pad('', 42)}${pad('bundle', 10)}${pad('spawn to exit', 22)}${pad('first result', 22)}${pad('bundle evaluation', 22)}first call`,
);
for (const [name, label] of [
  ['sdk', 'talon-fetch, one-endpoint bundle'],
  ['fetch', 'bare fetch'],
]) {
  const s = summary.cold[name];
  lines.push(
    `  ${pad(label, 42)}${pad(kb(s.bundleBytes), 10)}${pad(range(s.wallMs, f1), 22)}${pad(range(s.firstResultMs, f1), 22)}${pad(range(s.evalMs, f1), 22)}${range(s.firstCallMs, f1)}`,
  );
}
const r = summary.cold.ratios;
lines.push(
  `  ${pad('ratio', 42)}${pad('', 10)}${pad(range(r.wall, f2), 22)}${range(r.firstResult, f2)}`,
  '',
  'Goals',
  ...goals.map((g) => `  ${g.met ? 'met   ' : 'MISSED'} ${pad(g.goal, 58)} ${f2(g.value)}x`),
);
const elapsedS = (performance.now() - benchStarted) / 1000;
const loadAtEnd = loadavg();
lines.push(
  '',
  `bench run took ${elapsedS.toFixed(0)} s (plus the build); load average (1/5/15 min) ${loadAtStart.map(f1).join('/')} at start, ${loadAtEnd.map(f1).join('/')} at end`,
  '',
);
console.log(lines.join('\n'));

mkdirSync(`${root}.tmp`, { recursive: true });
writeFileSync(
  `${root}.tmp/bench.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      config: { ROUNDS, SEQ_CALLS, CONC_CALLS, CONCURRENCY, HEAP_CALLS, MICRO_ITERATIONS, COLD_RUNS },
      contenders: contenders.map(({ id, label }) => ({ id, label })),
      heyApiSpecPatches: heyApi?.dropped,
      body: { bytes: bodyBytes, effects: effectTypes(expected) },
      goals,
      summary,
      rounds,
      cold,
      elapsedSeconds: elapsedS,
    },
    null,
    2,
  )}\n`,
);
console.log('wrote .tmp/bench.json');
