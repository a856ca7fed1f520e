// A focused profile of one contender of bench/run.mjs, to see where its client CPU goes:
//
//   npm run build && npx node --cpu-prof --cpu-prof-dir=.tmp/prof bench/profile.mjs sdk [calls] [concurrency]
//   npx node bench/profile.mjs --summary .tmp/prof/<file>.cpuprofile
//
// Contenders: those of bench/contenders.mjs (sdk, sdkLight, ky, kyAsSdk, kyDefaults, fetch, and
// the peers once bench/peers is installed).
// The summary groups self time by where the code lives (valibot, ky, talon-fetch, undici, the
// rest of Node, GC) and lists the heaviest functions.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [mode, arg1, arg2] = process.argv.slice(2);

if (mode === '--summary') {
  const profile = JSON.parse(readFileSync(arg1, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const where = (frame) => {
    const u = frame.url;
    if (!u) return frame.functionName.startsWith('(') ? frame.functionName : 'native/builtin';
    if (u.includes('/valibot/')) return 'valibot';
    if (u.includes('/ky/')) return 'ky';
    if (u.includes('/talon-fetch/') || u.includes('/dist/index.js')) return 'talon-fetch';
    if (u.includes('undici')) return 'undici (fetch)';
    if (u.startsWith('node:')) return 'node internals';
    if (u.includes('/bench/')) return 'bench';
    return u;
  };
  const groups = new Map();
  const fns = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') continue;
    total += us;
    const g = where(frame);
    groups.set(g, (groups.get(g) ?? 0) + us);
    const key = `${frame.functionName || '(anonymous)'} ${g}:${frame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`non-idle samples: ${(total / 1000).toFixed(0)} ms`);
  for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${g}`);
  console.log('\nheaviest functions (self time)');
  for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${pct(us)}  ${f}`);
  process.exit(0);
}

const { makeCall, runCalls } = await import('./contenders.mjs');

// The server gets no --cpu-prof of its own (execArgv: []).
const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), {
  stdio: 'inherit',
  execArgv: [],
});
const port = await new Promise((resolve) => server.once('message', (m) => resolve(m.port)));
const heyApi = mode === 'heyApi' ? (await import('./peers/gen.mjs')).generateHeyApi() : undefined;
const call = await makeCall(mode ?? 'sdk', `http://127.0.0.1:${port}`, (await heyApi)?.bundle);
const n = Number(arg1 ?? 3000);
const concurrency = Number(arg2 ?? 1);
await runCalls(call, 300, 1);
const cpu0 = process.cpuUsage();
await runCalls(call, n, concurrency);
const cpu = process.cpuUsage(cpu0);
console.log(
  `${mode}: ${((cpu.user + cpu.system) / n).toFixed(0)} µs client CPU per call (${n} calls, concurrency ${concurrency})`,
);
server.disconnect();
