// A focused profile of one contender of bench/run.mjs, to see where its client CPU goes:
//
//   npm run build && npx node --cpu-prof --cpu-prof-dir=.tmp/prof bench/profile.mjs sdk [calls] [concurrency]
//   npx node bench/profile.mjs --summary .tmp/prof/<file>.cpuprofile
//
// Contenders: sdk, sdkLight, ky, kySdkOptions (ky with the options the SDK passes it), fetch.
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

const { default: ky } = await import('ky');
const { apiKey, createClient, updateCustomerSessionV2 } = await import('talon-fetch');
const { REQUEST_PATH, requestParams } = await import('./fixture.mjs');

const server = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
const port = await new Promise((resolve) => server.once('message', (m) => resolve(m.port)));
const baseUrl = `http://127.0.0.1:${port}`;
const url = `${baseUrl}${REQUEST_PATH}`;
const params = requestParams();
const authorization = 'ApiKey-v1 bench-key';
const full = createClient({ baseUrl, auth: apiKey('bench-key') });
const light = createClient({ baseUrl, auth: apiKey('bench-key'), validateResponse: false });
const sdk = (client) => async () => {
  const r = await updateCustomerSessionV2(client, params);
  if (!r.ok) throw new Error(r.error.message);
};
const calls = {
  sdk: sdk(full),
  sdkLight: sdk(light),
  ky: () => ky.put(url, { json: params.body, headers: { authorization }, timeout: false, retry: 0 }).json(),
  kySdkOptions: async () => {
    const response = await ky(url, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
      body: new TextEncoder().encode(JSON.stringify(params.body)),
      redirect: 'manual',
      timeout: 10_000,
      totalTimeout: 30_000,
      retry: { limit: 2, methods: ['get', 'put', 'delete'], statusCodes: [408, 429, 500, 502, 503, 504] },
      throwHttpErrors: true,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    return JSON.parse(await response.text());
  },
  fetch: async () => {
    const response = await fetch(url, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
      body: JSON.stringify(params.body),
    });
    return JSON.parse(await response.text());
  },
};
const call = calls[mode ?? 'sdk'];
if (!call) throw new Error(`unknown contender ${mode}; one of ${Object.keys(calls).join(', ')}`);
const n = Number(arg1 ?? 3000);
const concurrency = Number(arg2 ?? 1);
for (let i = 0; i < 300; i++) await call();
const cpu0 = process.cpuUsage();
let started = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (started < n) {
      started++;
      await call();
    }
  }),
);
const cpu = process.cpuUsage(cpu0);
console.log(
  `${mode}: ${((cpu.user + cpu.system) / n).toFixed(0)} µs client CPU per call (${n} calls, concurrency ${concurrency})`,
);
server.disconnect();
