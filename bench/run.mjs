// `npm run bench`: what one updateCustomerSessionV2 call costs through talon-fetch, against ky
// alone and raw fetch, measured in one process and one run, the contenders alternating in rounds.
//
//   1. calls: client CPU per call (process.cpuUsage delta / calls) and calls/s, sequential and at
//      concurrency 50, against a loopback server in a child process (its CPU is not counted);
//   2. validation: valibot safeParse of the parsed body against JSON.parse of its text;
//   3. cold start: fresh Node processes running a one-endpoint esbuild bundle against bare fetch.
//
// Prints medians and min–max over the rounds, ratios (computed per round, then the median) and
// writes everything to .tmp/bench.json. Knobs (env): BENCH_ROUNDS, BENCH_SEQ_CALLS,
// BENCH_CONC_CALLS, BENCH_CONCURRENCY, BENCH_MICRO_ITERATIONS, BENCH_COLD_RUNS.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ky from 'ky';
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';
import { IntegrationStateV2Schema } from 'talon-fetch/schemas';
import * as v from 'valibot';
import { effectTypes, REQUEST_PATH, requestParams } from './fixture.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const int = (name, fallback) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const ROUNDS = int('BENCH_ROUNDS', 11);
const SEQ_CALLS = int('BENCH_SEQ_CALLS', 500);
const CONC_CALLS = int('BENCH_CONC_CALLS', 1000);
const CONCURRENCY = int('BENCH_CONCURRENCY', 50);
const MICRO_ITERATIONS = int('BENCH_MICRO_ITERATIONS', 1000);
const COLD_RUNS = int('BENCH_COLD_RUNS', 15);
const GOALS = { validatedVsFetch: 1.35, validationVsParse: 2, coldVsFetch: 1.2 };

const benchStarted = performance.now();
const loadAtStart = loadavg();
const fail = (message) => {
  console.error(`\nbench: ${message}\n`);
  process.exit(1);
};
if (!process.versions.node.startsWith('24.'))
  console.warn(
    `bench: running on Node ${process.version}; the figures are meant for Node 24 (npm run bench)`,
  );
if (typeof globalThis.gc !== 'function')
  console.warn('bench: run with --expose-gc (npm run bench does) so every measured segment starts collected');

// ---------------------------------------------------------------------------------------------
// The server, in a child process.
const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
const { port, bytes: bodyBytes } = await new Promise((resolve, reject) => {
  server.once('message', resolve);
  server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
});
const baseUrl = `http://127.0.0.1:${port}`;
const stopServer = () => server.connected && server.disconnect();
process.on('exit', () => server.kill());

// ---------------------------------------------------------------------------------------------
// The contenders: the same request (PUT, JSON body serialized per call, same headers), the body
// read and parsed.
const params = requestParams();
const url = `${baseUrl}${REQUEST_PATH}`;
const authorization = 'ApiKey-v1 bench-key';
const full = createClient({ baseUrl, auth: apiKey('bench-key') });
const light = createClient({ baseUrl, auth: apiKey('bench-key'), validateResponse: false });

async function viaSdk(client) {
  const result = await updateCustomerSessionV2(client, params);
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}
const contenders = [
  { id: 'sdk', label: 'talon-fetch, validated', call: () => viaSdk(full) },
  { id: 'sdkLight', label: 'talon-fetch, validateResponse: false', call: () => viaSdk(light) },
  {
    id: 'ky',
    label: 'ky alone (timeout, retry off)',
    call: () =>
      ky.put(url, { json: params.body, headers: { authorization }, timeout: false, retry: 0 }).json(),
  },
  {
    id: 'fetch',
    label: 'raw fetch + JSON.parse',
    call: async () => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
        body: JSON.stringify(params.body),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return JSON.parse(await response.text());
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Check before measuring: the server's body passes the SDK's schema, every contender gets it.
const probe = await fetch(url, {
  method: 'PUT',
  headers: { 'content-type': 'application/json', authorization },
  body: JSON.stringify(params.body),
});
const bodyText = await probe.text();
if (!probe.ok) fail(`the bench server answered HTTP ${probe.status}: ${bodyText.slice(0, 200)}`);
const bodyParsed = JSON.parse(bodyText);
const check = v.safeParse(IntegrationStateV2Schema, bodyParsed);
if (!check.success) {
  const issues = check.issues
    .slice(0, 10)
    .map((i) => `  ${(i.path ?? []).map((p) => p.key).join('.')}: ${i.message}`)
    .join('\n');
  fail(
    `the bench's IntegrationStateV2 does NOT pass the SDK's IntegrationStateV2Schema; fix bench/fixture.mjs:\n${issues}`,
  );
}
const effectsExpected = bodyParsed.effects.length;
for (const c of contenders) {
  const value = await c.call().catch((error) => fail(`${c.label}: the first call failed: ${error.message}`));
  if (value?.effects?.length !== effectsExpected || value.customerSession?.cartItems?.length !== 10)
    fail(`${c.label}: the first call did not return the bench's IntegrationStateV2`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.
const cpuMicros = (since) => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

async function measureCalls(call, calls, concurrency) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrency === 1) {
    for (let i = 0; i < calls; i++) await call();
  } else {
    let started = 0;
    const worker = async () => {
      while (started < calls) {
        started++;
        await call();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const wallMs = performance.now() - t0;
  return { cpuUsPerCall: cpuMicros(cpu0) / calls, callsPerSec: calls / (wallMs / 1000) };
}

function measureSync(fn, iterations) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < iterations; i++) sink += fn() ? 1 : 0;
  const wallMs = performance.now() - t0;
  if (sink !== iterations) fail('a validation micro-benchmark iteration did not succeed');
  return { cpuUsPerOp: cpuMicros(cpu0) / iterations, wallUsPerOp: (wallMs * 1000) / iterations };
}
const micro = [
  { id: 'jsonParse', label: 'JSON.parse of the 20 KB text', fn: () => JSON.parse(bodyText) },
  {
    id: 'safeParse',
    label: 'v.safeParse(IntegrationStateV2Schema)',
    fn: () => v.safeParse(IntegrationStateV2Schema, bodyParsed).success,
  },
];

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const results = {
  sequential: Object.fromEntries(contenders.map((c) => [c.id, []])),
  concurrent: Object.fromEntries(contenders.map((c) => [c.id, []])),
  micro: Object.fromEntries(micro.map((m) => [m.id, []])),
};

process.stdout.write(
  `talon-fetch bench: ${ROUNDS} rounds × (${SEQ_CALLS} sequential + ${CONC_CALLS} at concurrency ${CONCURRENCY}) calls per contender\nwarming up`,
);
for (const c of contenders) {
  await measureCalls(c.call, 300, 1);
  await measureCalls(c.call, 300, CONCURRENCY);
}
for (const m of micro) measureSync(m.fn, 300);
process.stdout.write(', measuring rounds ');
for (let round = 0; round < ROUNDS; round++) {
  for (const c of rotate(contenders, round))
    results.sequential[c.id].push(await measureCalls(c.call, SEQ_CALLS, 1));
  for (const c of rotate(contenders, round))
    results.concurrent[c.id].push(await measureCalls(c.call, CONC_CALLS, CONCURRENCY));
  for (const m of rotate(micro, round)) results.micro[m.id].push(measureSync(m.fn, MICRO_ITERATIONS));
  process.stdout.write('.');
}
stopServer();
process.stdout.write('\n');

// ---------------------------------------------------------------------------------------------
// Cold start: bundle both children, then spawn them alternately against a fresh server.
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
const coldServer = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
const coldPort = await new Promise((resolve) => coldServer.once('message', (m) => resolve(m.port)));
process.on('exit', () => coldServer.kill());

function runCold(file) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, BENCH_URL: `http://127.0.0.1:${coldPort}` },
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
coldServer.disconnect();

// ---------------------------------------------------------------------------------------------
// Summaries.
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const ratioStats = (as, bs) => stats(as.map((a, i) => a / bs[i]));
const summarizeCalls = (runs) =>
  Object.fromEntries(
    contenders.map((c) => [
      c.id,
      {
        label: c.label,
        cpuUsPerCall: stats(runs[c.id].map((r) => r.cpuUsPerCall)),
        callsPerSec: stats(runs[c.id].map((r) => r.callsPerSec)),
        cpuVsFetch: ratioStats(
          runs[c.id].map((r) => r.cpuUsPerCall),
          runs.fetch.map((r) => r.cpuUsPerCall),
        ),
        cpuVsKy: ratioStats(
          runs[c.id].map((r) => r.cpuUsPerCall),
          runs.ky.map((r) => r.cpuUsPerCall),
        ),
      },
    ]),
  );
// What validation adds inside a call: validated minus validateResponse: false, per round.
const validationInCall = (runs) =>
  stats(runs.sdk.map((r, i) => r.cpuUsPerCall - runs.sdkLight[i].cpuUsPerCall));
const summary = {
  sequential: {
    ...summarizeCalls(results.sequential),
    validationInCall: validationInCall(results.sequential),
  },
  concurrent: {
    ...summarizeCalls(results.concurrent),
    validationInCall: validationInCall(results.concurrent),
  },
  micro: {
    jsonParse: { cpuUsPerOp: stats(results.micro.jsonParse.map((r) => r.cpuUsPerOp)) },
    safeParse: { cpuUsPerOp: stats(results.micro.safeParse.map((r) => r.cpuUsPerOp)) },
    safeParseVsJsonParse: ratioStats(
      results.micro.safeParse.map((r) => r.cpuUsPerOp),
      results.micro.jsonParse.map((r) => r.cpuUsPerOp),
    ),
  },
  cold: Object.fromEntries(
    ['sdk', 'fetch'].map((name) => [
      name,
      {
        bundleBytes: bundles[name].bytes,
        wallMs: stats(cold[name].map((r) => r.wallMs)),
        firstResultMs: stats(cold[name].map((r) => r.firstResultMs)),
        moduleToResultMs: stats(cold[name].map((r) => r.moduleToResultMs)),
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
  moduleToResult: ratioStats(
    cold.sdk.map((r) => r.moduleToResultMs),
    cold.fetch.map((r) => r.moduleToResultMs),
  ),
};
const goals = [
  {
    goal: `validated call CPU ≤ ${GOALS.validatedVsFetch}x raw fetch (sequential)`,
    value: summary.sequential.sdk.cpuVsFetch.median,
    target: GOALS.validatedVsFetch,
  },
  {
    goal: `validated call CPU ≤ ${GOALS.validatedVsFetch}x raw fetch (concurrency ${CONCURRENCY})`,
    value: summary.concurrent.sdk.cpuVsFetch.median,
    target: GOALS.validatedVsFetch,
  },
  {
    goal: `validation ≤ ${GOALS.validationVsParse}x JSON.parse`,
    value: summary.micro.safeParseVsJsonParse.median,
    target: GOALS.validationVsParse,
  },
  {
    goal: `cold start (spawn to exit) ≤ ${GOALS.coldVsFetch}x bare fetch`,
    value: summary.cold.ratios.wall.median,
    target: GOALS.coldVsFetch,
  },
  {
    goal: `cold start (time to first result) ≤ ${GOALS.coldVsFetch}x bare fetch`,
    value: summary.cold.ratios.firstResult.median,
    target: GOALS.coldVsFetch,
  },
].map((g) => ({ ...g, met: g.value <= g.target }));

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
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const pad = (s, n) => String(s).padEnd(n);
const lines = [];
lines.push(
  '',
  `talon-fetch bench · Node ${machine.node} · ${machine.nproc} × ${machine.cpu}`,
  `updateCustomerSessionV2 against a loopback server (child process) answering a ${(bodyBytes / 1024).toFixed(1)} KB IntegrationStateV2`,
  `(${effectsExpected} effects: ${Object.entries(effectTypes(bodyParsed))
    .map(([t, n]) => `${t} ×${n}`)
    .join(', ')}). Median (min–max) over ${ROUNDS} alternating rounds;`,
  'ratios are per round, then the median. Client CPU = process.cpuUsage (user+system) / calls.',
);
for (const [mode, title] of [
  ['sequential', `Sequential, ${SEQ_CALLS} calls per round`],
  ['concurrent', `Concurrency ${CONCURRENCY}, ${CONC_CALLS} calls per round`],
]) {
  lines.push(
    '',
    title,
    `  ${pad('', 38)}${pad('client CPU µs/call', 22)}${pad('calls/s', 22)}${pad('CPU vs raw fetch', 22)}CPU vs ky alone`,
  );
  for (const c of contenders) {
    const s = summary[mode][c.id];
    lines.push(
      `  ${pad(c.label, 38)}${pad(range(s.cpuUsPerCall, f0), 22)}${pad(range(s.callsPerSec, f0), 22)}${pad(range(s.cpuVsFetch, f2), 22)}${range(s.cpuVsKy, f2)}`,
    );
  }
  lines.push(`  ${pad('(response validation in the call)', 38)}${range(summary[mode].validationInCall, f0)}`);
}
lines.push(
  '',
  `Validation alone, ${MICRO_ITERATIONS} iterations per round (CPU µs/op)`,
  `  ${pad('JSON.parse of the body text', 38)}${range(summary.micro.jsonParse.cpuUsPerOp, f1)}`,
  `  ${pad('v.safeParse(IntegrationStateV2Schema)', 38)}${range(summary.micro.safeParse.cpuUsPerOp, f1)}   = ${range(summary.micro.safeParseVsJsonParse, f2)}x JSON.parse`,
  '',
  `Cold start, ${COLD_RUNS} fresh processes each, alternating (ms)`,
  `  ${pad('', 38)}${pad('bundle', 10)}${pad('spawn to exit', 22)}${pad('first result', 22)}${pad('bundle evaluation', 22)}first call`,
);
for (const [name, label] of [
  ['sdk', 'talon-fetch, one-endpoint bundle'],
  ['fetch', 'bare fetch'],
]) {
  const s = summary.cold[name];
  lines.push(
    `  ${pad(label, 38)}${pad(`${(s.bundleBytes / 1024).toFixed(1)} KB`, 10)}${pad(range(s.wallMs, f1), 22)}${pad(range(s.firstResultMs, f1), 22)}${pad(range(s.evalMs, f1), 22)}${range(s.firstCallMs, f1)}`,
  );
}
const r = summary.cold.ratios;
lines.push(
  `  ${pad('ratio', 38)}${pad('', 10)}${pad(range(r.wall, f2), 22)}${range(r.firstResult, f2)}`,
  '',
  'Goals',
  ...goals.map((g) => `  ${g.met ? 'met   ' : 'MISSED'} ${pad(g.goal, 58)} ${f2(g.value)}x`),
);
const elapsedS = (performance.now() - benchStarted) / 1000;
const loadAtEnd = loadavg();
lines.push(
  '',
  `bench run took ${elapsedS.toFixed(0)} s (plus the build); 1-min load average ${f1(loadAtStart[0])} at start, ${f1(loadAtEnd[0])} at end`,
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
      config: { ROUNDS, SEQ_CALLS, CONC_CALLS, CONCURRENCY, MICRO_ITERATIONS, COLD_RUNS },
      body: { bytes: bodyBytes, effects: effectTypes(bodyParsed) },
      goals,
      summary,
      rounds: results,
      cold,
      elapsedSeconds: elapsedS,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote .tmp/bench.json`);
