// Why raw fetch costs less per call at 50 in flight than one at a time (docs/performance.md,
// "The concurrency-50 baseline"): raw fetch + JSON.parse, sequential and 50 in flight, with user
// and system CPU apart, either alone in its process or sharing it with ky and talon-fetch (as
// the single-process bench before issue 14 did). Rounds alternate the two modes.
//
//   npm run build && npx node --expose-gc bench/c50-baseline.mjs [alone|shared]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeCall, runCalls as run } from './contenders.mjs';

const shared = process.argv[2] === 'shared';
const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}`;
const raw = await makeCall('fetch', baseUrl);
const others = shared ? [await makeCall('ky', baseUrl), await makeCall('sdk', baseUrl)] : [];

for (const call of [raw, ...others]) {
  await run(call, 300, 1);
  await run(call, 300, 50);
}
const out = { sequential: [], 'concurrency 50': [] };
for (let round = 0; round < 5; round++) {
  for (const [mode, calls, concurrency] of [
    ['sequential', 500, 1],
    ['concurrency 50', 1000, 50],
  ]) {
    for (const other of others) await run(other, calls, concurrency);
    globalThis.gc?.();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await run(raw, calls, concurrency);
    const cpu = process.cpuUsage(cpu0);
    out[mode].push({
      user: cpu.user / calls,
      system: cpu.system / calls,
      wall: ((performance.now() - t0) * 1000) / calls,
    });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [mode, rows] of Object.entries(out)) {
  const f = (pick) => median(rows.map(pick)).toFixed(0);
  console.log(
    `raw fetch ${shared ? 'sharing its process' : 'alone'}, ${mode}: CPU ${f((r) => r.user + r.system)} µs/call (user ${f((r) => r.user)}, system ${f((r) => r.system)}), wall ${f((r) => r.wall)} µs/call`,
  );
}
server.disconnect();
