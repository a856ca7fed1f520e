// Runtime matrix: runs smoke.mjs against the built package (dist/) in Node 20, 22 and 24 (ESM and CJS;
// Node 20 is end of life and checked to record that it still works),
// Bun, Deno, workerd, Vercel's edge-runtime and headless Chromium, all talking to the package's
// fake Talon.One (talon-fetch/testing) behind a loopback HTTP server. Installs nothing.
//
//   npm ci --prefix test/runtimes && bash scripts/install-chromium.sh && npm run build
//   npx node test/runtimes/run.mjs [runtime ...]     # default: every runtime
//
// Prints `PASS <runtime>` or `FAIL <runtime>: <reason>` per runtime and a summary; exits 1 if any
// runtime failed or could not start. Env: RUNTIME_TIMEOUT_MS (per runtime, default 60000),
// RUNTIMES_VERBOSE=1 (print every check and the children's stderr).

import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
// The package under test; TALON_FETCH_ROOT only exists to try the harness on another build.
const PKG = resolve(process.env.TALON_FETCH_ROOT ?? REPO);
const BIN = join(HERE, 'node_modules', '.bin');
const TIMEOUT_MS = Number(process.env.RUNTIME_TIMEOUT_MS ?? 60_000);
const VERBOSE = process.env.RUNTIMES_VERBOSE === '1';
const SLOW_MS = 3000;
const SMOKE_URL = pathToFileURL(join(HERE, 'smoke.mjs')).href;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const INSTALL_HINT = 'run `npm ci --prefix test/runtimes`';

// ---------------------------------------------------------------------------------------------
// The package: resolve `talon-fetch` and `talon-fetch/testing` through its own "exports" map.

function resolveExport(subpath, conditions) {
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  let target = pkg.exports?.[subpath];
  while (target && typeof target === 'object') {
    const key = Object.keys(target).find((k) => conditions.includes(k));
    target = key ? target[key] : undefined;
  }
  if (typeof target !== 'string') throw new Error(`package.json exports has no ${subpath} for ${conditions}`);
  return join(PKG, target);
}

function missingBuild() {
  const wanted = [
    resolveExport('.', ['import', 'default']),
    resolveExport('.', ['require', 'default']),
    resolveExport('./testing', ['import', 'default']),
  ];
  const missing = wanted.filter((f) => !existsSync(f));
  return missing.length
    ? `missing ${missing.map((f) => f.slice(PKG.length + 1)).join(', ')}: run \`npm run build\``
    : '';
}

// ---------------------------------------------------------------------------------------------
// The server: node:http in front of a fetch handler (the fake). `/__slow/...` is held for 3 s
// (released early when the client goes away) and then forwarded without the prefix.
// `/__runtime/<name>` serves the harness's own files (the Chromium page and bundle).

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'expect',
]);

function startServer(handler, assets) {
  // heldToTheEnd: /__slow paths whose client was still connected when the 3 s were up, i.e. an
  // aborted or timed-out call that left its connection open (see the edge-runtime note in README).
  const stats = { requests: 0, slowHeld: 0, slowReleasedEarly: 0, heldToTheEnd: [], errors: [] };
  const server = http.createServer(async (req, res) => {
    stats.requests++;
    try {
      let path = req.url ?? '/';
      const asset = assets.get(path);
      if (asset) {
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
        res.end(asset.body);
        return;
      }
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      if (path === '/__slow' || path.startsWith('/__slow/')) {
        stats.slowHeld++;
        const gone = await new Promise((done) => {
          const timer = setTimeout(() => finish(false), SLOW_MS);
          const onClose = () => finish(true);
          function finish(closed) {
            clearTimeout(timer);
            res.off('close', onClose);
            done(closed);
          }
          res.on('close', onClose);
        });
        if (gone) {
          stats.slowReleasedEarly++;
          return;
        }
        stats.heldToTheEnd.push(path);
        path = path.slice('/__slow'.length) || '/';
      }
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i];
        if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1]);
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
      const response = await handler(
        new Request(`http://${req.headers.host}${path}`, { method, headers, body }),
      );
      const out = Buffer.from(await response.arrayBuffer());
      const outHeaders = [];
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) outHeaders.push([name, value]);
      }
      for (const cookie of response.headers.getSetCookie()) outHeaders.push(['set-cookie', cookie]);
      outHeaders.push(['content-length', String(out.length)]);
      if (res.destroyed) return;
      res.writeHead(response.status, outHeaders.flat());
      res.end(method === 'HEAD' ? undefined : out);
    } catch (err) {
      stats.errors.push(String(err?.stack ?? err));
      if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'content-type': 'text/plain' });
      if (!res.destroyed) res.end(`runtime-matrix server: ${err}`);
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        port,
        stats,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Bundles for the runtimes that take one file (workerd, edge-runtime, Chromium), built with the
// repo's esbuild from dist/ (the `talon-fetch` import resolves through the package's exports map).

async function bundle(kind) {
  const { build } = await import('esbuild');
  const expose =
    kind === 'workerd'
      ? `export default {
           async test(_controller, env) {
             console.log('@@READY');
             const results = await runSmoke(sdk, JSON.parse(env.SMOKE_OPTIONS));
             console.log('@@RESULT ' + JSON.stringify(results));
           },
         };`
      : 'globalThis.__talonSmoke = (options) => runSmoke(sdk, options);';
  const result = await build({
    stdin: {
      contents: `import * as sdk from 'talon-fetch';\nimport { runSmoke } from ${JSON.stringify(join(HERE, 'smoke.mjs'))};\n${expose}`,
      resolveDir: PKG,
      sourcefile: `${kind}-entry.mjs`,
      loader: 'js',
    },
    bundle: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    ...(kind === 'workerd'
      ? {
          format: 'esm',
          platform: 'neutral',
          conditions: ['workerd', 'worker', 'browser'],
          mainFields: ['module', 'main'],
        }
      : kind === 'edge'
        ? { format: 'iife', platform: 'browser', conditions: ['edge-light', 'worker', 'browser'] }
        : { format: 'iife', platform: 'browser' }),
  });
  return result.outputFiles[0].text;
}

// ---------------------------------------------------------------------------------------------
// Children: spawn, read `@@READY` (start-up done) and `@@RESULT <json>` from stdout, bound by a
// timeout that kills the whole process group.

function runChild({ cmd, args, cwd, input, env }) {
  return new Promise((done) => {
    const started = performance.now();
    const out = {
      readyMs: undefined,
      results: undefined,
      code: undefined,
      signal: undefined,
      stderr: '',
      note: '',
    };
    let child;
    try {
      child = spawn(cmd, args, {
        cwd,
        env: { ...childEnv(), ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (err) {
      done({ ...out, spawnError: String(err) });
      return;
    }
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    const timer = setTimeout(() => {
      out.timedOut = true;
      kill();
    }, TIMEOUT_MS);
    let grace;
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      buffer += text;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line === '@@READY' && out.readyMs === undefined) out.readyMs = performance.now() - started;
        else if (line.startsWith('@@RESULT ')) {
          try {
            out.results = JSON.parse(line.slice('@@RESULT '.length));
          } catch (err) {
            out.note = `unparsable result line: ${err}`;
          }
          // A runtime kept alive by something (a leaked timer or socket) is noted, then killed.
          grace = setTimeout(() => {
            out.note = 'did not exit within 3 s after the checks; killed';
            kill();
          }, 3000);
        } else if (VERBOSE && line) console.log(`    [stdout] ${line}`);
        nl = buffer.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      if (out.stderr.length < 20_000) out.stderr += text;
    });
    child.on('error', (err) => {
      out.spawnError = String(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(grace);
      out.code = code;
      out.signal = signal;
      out.totalMs = performance.now() - started;
      done(out);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

function childEnv() {
  const env = {
    ...process.env,
    NO_COLOR: '1',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  for (const name of [
    'NODE_OPTIONS',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'http_proxy',
    'https_proxy',
    'ALL_PROXY',
    'all_proxy',
  ])
    delete env[name];
  return env;
}

// The script the JS runtimes with a module loader run. Evaluated in the package root, so
// `talon-fetch` is a self-reference resolved by the runtime itself through the exports map.
function moduleScript(options, { cjs = false } = {}) {
  const opts = JSON.stringify(options);
  if (cjs) {
    return `console.log('@@READY');
const sdk = require('talon-fetch');
if (!require.resolve('talon-fetch').endsWith('.cjs')) throw new Error('require resolved ' + require.resolve('talon-fetch'));
import(${JSON.stringify(SMOKE_URL)})
  .then(({ runSmoke }) => runSmoke(sdk, ${opts}))
  .then((results) => console.log('@@RESULT ' + JSON.stringify(results)));`;
  }
  return `console.log('@@READY');
const sdk = await import('talon-fetch');
const { runSmoke } = await import(${JSON.stringify(SMOKE_URL)});
console.log('@@RESULT ' + JSON.stringify(await runSmoke(sdk, ${opts})));`;
}

function needBinary(path, versionArgs = ['--version']) {
  if (!existsSync(path)) return { error: `${path.replace(`${REPO}/`, '')} not found: ${INSTALL_HINT}` };
  const probe = spawnSync(path, versionArgs, { encoding: 'utf8', timeout: 20_000, env: childEnv() });
  if (probe.status !== 0)
    return { error: `${path} does not run (${probe.error ?? `exit ${probe.status}`}): ${INSTALL_HINT}` };
  return { version: `${probe.stdout}`.trim().split('\n')[0] };
}

// ---------------------------------------------------------------------------------------------
// The runtimes.

function nodeRuntime(name, binary, major, cjs) {
  return {
    name,
    async run(ctx) {
      const bin = needBinary(binary);
      if (bin.error) return bin;
      if (!bin.version.startsWith(`v${major}.`))
        return { error: `${binary} is ${bin.version}, expected Node ${major}` };
      const args = cjs
        ? ['-e', moduleScript(ctx.options(name), { cjs })]
        : ['--input-type=module', '-e', moduleScript(ctx.options(name))];
      return { version: bin.version, ...(await runChild({ cmd: binary, args, cwd: PKG })) };
    },
  };
}

const node24 = join(REPO, 'node_modules', 'node', 'bin', 'node');
const node22 = join(HERE, 'node_modules', 'node22', 'bin', 'node');
const node20 = join(HERE, 'node_modules', 'node20', 'bin', 'node');

const RUNTIMES = [
  nodeRuntime('node20-esm', node20, 20, false),
  nodeRuntime('node20-cjs', node20, 20, true),
  nodeRuntime('node22-esm', node22, 22, false),
  nodeRuntime('node22-cjs', node22, 22, true),
  nodeRuntime('node24-esm', node24, 24, false),
  nodeRuntime('node24-cjs', node24, 24, true),
  {
    name: 'bun',
    async run(ctx) {
      const binary = join(BIN, 'bun');
      const bin = needBinary(binary);
      if (bin.error) return bin;
      const args = ['-e', moduleScript(ctx.options('bun'))];
      return { version: `bun ${bin.version}`, ...(await runChild({ cmd: binary, args, cwd: PKG })) };
    },
  },
  {
    name: 'deno',
    async run(ctx) {
      const binary = join(BIN, 'deno');
      const bin = needBinary(binary);
      if (bin.error) return bin;
      // A Deno project as its users write one: deno.json maps `talon-fetch` to `npm:talon-fetch`
      // (what `deno add npm:talon-fetch` writes once published), and `nodeModulesDir: "manual"`
      // resolves npm: specifiers from node_modules, where the package is linked (an installed
      // tarball in a real app, until the package is on the registry). The module comes on
      // stdin (`deno run -`) with only the permissions a real app needs: the fake's address and
      // reading the project and the package.
      const project = ctx.tempDir('deno');
      writeFileSync(
        join(project, 'deno.json'),
        JSON.stringify({ imports: { 'talon-fetch': 'npm:talon-fetch' }, nodeModulesDir: 'manual' }),
      );
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(PKG, join(project, 'node_modules', 'talon-fetch'), 'dir');
      const args = [
        'run',
        '--quiet',
        '--no-prompt',
        `--allow-net=127.0.0.1:${ctx.port}`,
        `--allow-read=${project},${PKG},${HERE}`,
        '-',
      ];
      const env = { DENO_DIR: join(HERE, '.cache', 'deno'), DENO_NO_UPDATE_CHECK: '1' };
      return {
        version: bin.version,
        ...(await runChild({
          cmd: binary,
          args,
          cwd: project,
          input: moduleScript(ctx.options('deno')),
          env,
        })),
      };
    },
  },
  {
    name: 'workerd',
    async run(ctx) {
      const binary = join(BIN, 'workerd');
      const bin = needBinary(binary);
      if (bin.error) return bin;
      const code = await ctx.bundle('workerd');
      const dir = ctx.tempDir('workerd');
      writeFileSync(join(dir, 'worker.js'), code);
      // `workerd test` runs the worker's test() handler once and exits; no socket to bind.
      // The default `internet` service refuses loopback, so allow "local" for the fake.
      writeFileSync(
        join(dir, 'config.capnp'),
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
);
const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [(name = "SMOKE_OPTIONS", text = ${JSON.stringify(JSON.stringify(ctx.options('workerd')))})],
);
`,
      );
      const run = await runChild({ cmd: binary, args: ['test', join(dir, 'config.capnp')], cwd: dir });
      return { version: bin.version, bundleBytes: code.length, ...run };
    },
  },
  {
    name: 'edge-runtime',
    async run(ctx) {
      const vmPackage = join(HERE, 'node_modules', '@edge-runtime', 'vm', 'package.json');
      if (!existsSync(vmPackage)) return { error: `@edge-runtime/vm not found: ${INSTALL_HINT}` };
      const version = JSON.parse(readFileSync(vmPackage, 'utf8')).version;
      const code = await ctx.bundle('edge');
      const file = join(ctx.tempDir('edge'), 'bundle.js');
      writeFileSync(file, code);
      // EdgeVM: a Node vm context with only the Web APIs Vercel's edge runtime exposes.
      const vmUrl = pathToFileURL(join(HERE, 'node_modules', '@edge-runtime', 'vm', 'dist', 'index.js')).href;
      const script = `const { EdgeVM } = await import(${JSON.stringify(vmUrl)});
const { readFileSync } = await import('node:fs');
const vm = new EdgeVM();
console.log('@@READY');
vm.evaluate(readFileSync(${JSON.stringify(file)}, 'utf8'));
const results = await vm.evaluate('globalThis.__talonSmoke(' + ${JSON.stringify(JSON.stringify(ctx.options('edge-runtime')))} + ')');
console.log('@@RESULT ' + JSON.stringify(results));`;
      const run = await runChild({ cmd: node24, args: ['--input-type=module', '-e', script], cwd: HERE });
      return {
        version: `@edge-runtime/vm ${version} on Node ${process.versions.node}`,
        bundleBytes: code.length,
        ...run,
      };
    },
  },
  {
    name: 'chromium',
    async run(ctx) {
      if (!existsSync(CHROMIUM))
        return { error: `${CHROMIUM} not found: run \`bash scripts/install-chromium.sh\`` };
      let chromium;
      try {
        ({ chromium } = await import('playwright-core'));
      } catch (err) {
        return { error: `playwright-core not found (${err.code ?? err}): ${INSTALL_HINT}` };
      }
      const code = await ctx.bundle('chromium');
      ctx.assets.set('/__runtime/chromium.js', { type: 'text/javascript', body: code });
      ctx.assets.set('/__runtime/chromium.html', {
        type: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><title>talon-fetch smoke</title><script src="/__runtime/chromium.js"></script>',
      });
      const userDataDir = ctx.tempDir('chromium-profile');
      const started = performance.now();
      const out = { stderr: '' };
      let context;
      const work = (async () => {
        context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: CHROMIUM,
          headless: true,
          args: CHROMIUM_ARGS,
          timeout: TIMEOUT_MS,
        });
        out.version = `Chromium ${context.browser()?.version() ?? ''}`.trim();
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (err) => {
          out.stderr += `pageerror: ${err}\n`;
        });
        page.on('console', (msg) => {
          if (msg.type() === 'error') out.stderr += `console.error: ${msg.text()}\n`;
        });
        await page.goto(`${ctx.baseUrl}/__runtime/chromium.html`, { waitUntil: 'load' });
        out.readyMs = performance.now() - started;
        out.results = await page.evaluate((options) => {
          if (typeof globalThis.__talonSmoke !== 'function') throw new Error('the bundle did not load');
          return globalThis.__talonSmoke(options);
        }, ctx.options('chromium'));
      })();
      let timer;
      try {
        await Promise.race([
          work,
          new Promise((_, fail) => {
            timer = setTimeout(() => fail(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
          }),
        ]);
      } catch (err) {
        out.error = String(err?.message ?? err).split('\n')[0];
      } finally {
        clearTimeout(timer);
        // Still launching: wait for it (playwright's own launch timeout bounds this) so the
        // browser it starts is closed here rather than left behind.
        if (!context) await work.catch(() => {});
        await context?.close().catch(() => {});
      }
      out.totalMs = performance.now() - started;
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------

function verdict(name, run) {
  if (run.error) return `${name}: ${run.error}`;
  if (run.spawnError) return `${name}: could not start: ${run.spawnError}`;
  const stderr = run.stderr?.trim()
    ? ` | stderr: ${run.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`
    : '';
  if (run.timedOut) return `${name}: timed out after ${TIMEOUT_MS} ms and was killed${stderr}`;
  if (!Array.isArray(run.results)) {
    const how = run.signal ? `killed by ${run.signal}` : `exit ${run.code}`;
    return `${name}: no results (${how})${run.note ? `, ${run.note}` : ''}${stderr}`;
  }
  const failed = run.results.filter((r) => !r.pass);
  if (run.results.length !== 5) return `${name}: expected 5 checks, got ${run.results.length}`;
  if (failed.length) return `${name}: ${failed.map((r) => `[${r.name}] ${r.detail}`).join('; ')}`;
  return undefined;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !RUNTIMES.some((r) => r.name === w || r.name.startsWith(`${w}-`)));
  if (unknown.length) {
    console.error(
      `unknown runtime(s): ${unknown.join(', ')}; known: ${RUNTIMES.map((r) => r.name).join(', ')}`,
    );
    process.exit(2);
  }
  const selected = wanted.length
    ? RUNTIMES.filter((r) => wanted.some((w) => r.name === w || r.name.startsWith(`${w}-`)))
    : RUNTIMES;

  const failures = [];
  const fail = (line) => {
    failures.push(line);
    console.log(`FAIL ${line}`);
  };
  const noBuild = missingBuild();
  if (noBuild) {
    for (const r of selected) fail(`${r.name}: ${noBuild}`);
    console.log(`\nruntimes: 0 passed, ${failures.length} failed`);
    process.exit(1);
  }

  const testing = await import(pathToFileURL(resolveExport('./testing', ['import', 'default'])).href);
  const needed = ['createFakeTalon', 'FAKE_API_KEY', 'FAKE_APPLICATION_ID', 'FAKE_APPLICATION_KEY'];
  const absent = needed.filter((name) => testing[name] === undefined);
  if (absent.length) {
    for (const r of selected) fail(`${r.name}: talon-fetch/testing does not export ${absent.join(', ')}`);
    console.log(`\nruntimes: 0 passed, ${failures.length} failed`);
    process.exit(1);
  }
  const fake = testing.createFakeTalon();
  const assets = new Map();
  const server = await startServer((request) => fake.fetch(request), assets);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const temp = mkdtempSync(join(tmpdir(), 'talon-runtimes-'));
  const bundles = new Map();
  const ctx = {
    port: server.port,
    baseUrl,
    assets,
    options: (runtime) => ({
      baseUrl,
      slowBaseUrl: `${baseUrl}/__slow`,
      apiKey: testing.FAKE_API_KEY,
      applicationId: testing.FAKE_APPLICATION_ID,
      applicationKey: testing.FAKE_APPLICATION_KEY,
      id: `${runtime}-${process.pid}`,
    }),
    bundle: (kind) => {
      if (!bundles.has(kind)) bundles.set(kind, bundle(kind));
      return bundles.get(kind);
    },
    tempDir: (name) => mkdtempSync(join(temp, `${name}-`)),
  };

  let passed = 0;
  try {
    for (const runtime of selected) {
      let run;
      try {
        run = await runtime.run(ctx);
      } catch (err) {
        const message = err?.errors?.length
          ? err.errors.map((e) => e.text).join('; ')
          : String(err?.message ?? err);
        run = { error: `harness error: ${message.split('\n')[0]}` };
      }
      const problem = verdict(runtime.name, run);
      const lingering = server.stats.heldToTheEnd.filter((p) => p.includes(`/smoke-${runtime.name}-`));
      if (lingering.length)
        run.note = [
          run.note,
          `server held ${lingering.length} /__slow request(s) the whole 3 s: the client gave up (abort/timeout) but did not close the connection`,
        ]
          .filter(Boolean)
          .join('; ');
      const timing = [
        run.readyMs === undefined ? '' : `start ${Math.round(run.readyMs)} ms`,
        run.totalMs === undefined ? '' : `total ${Math.round(run.totalMs)} ms`,
        run.bundleBytes ? `bundle ${Math.round(run.bundleBytes / 1024)} KiB` : '',
      ]
        .filter(Boolean)
        .join(', ');
      if (problem) fail(problem);
      else {
        passed++;
        console.log(`PASS ${runtime.name}`);
      }
      if (run.version || timing) console.log(`     ${[run.version, timing].filter(Boolean).join(' | ')}`);
      if (run.note) console.log(`     note: ${run.note}`);
      if (VERBOSE) {
        for (const r of run.results ?? [])
          console.log(`     ${r.pass ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms): ${r.detail}`);
        if (run.stderr?.trim()) console.log(run.stderr.replace(/^/gm, '     | '));
      }
    }
  } finally {
    await server.close();
    rmSync(temp, { recursive: true, force: true });
  }
  if (server.stats.errors.length) console.log(`server errors:\n${server.stats.errors.join('\n')}`);
  console.log(
    `server: ${server.stats.requests} requests, ${server.stats.slowHeld} held on /__slow, ` +
      `${server.stats.slowReleasedEarly} released early by a client disconnect`,
  );
  console.log(`\nruntimes: ${passed} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`FAIL harness: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
