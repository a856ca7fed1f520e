/**
 * Bundles small apps that import the BUILT package (dist/) as `talon-fetch` with rollup (+ esbuild
 * minify) and with esbuild, and measures them gzipped (level 9). Used by bundle.test.ts and by
 * bench/bundle-size.mjs (which runs this file directly with Node 24's type stripping, so keep the
 * TypeScript here erasable).
 *
 * The apps live in a temporary directory whose node_modules/talon-fetch is a symlink to the
 * repository, so both bundlers resolve `talon-fetch` (and `talon-fetch/testing`) through the
 * package's own "exports" map and "sideEffects" flag, exactly as a user's project would.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** 1 KB = 1000 bytes throughout (the stricter reading of the budgets). */
export const KB = 1000;

/** The budgets, in gzipped bytes. `d-a` and `e-a` are marginal costs over scenario (a). */
export const BUDGETS = {
  a: 12 * KB,
  b: 16 * KB,
  c: 28 * KB,
  f: 45 * KB,
  'd-a': 0.6 * KB,
  'e-a': 2.5 * KB,
} as const;

export type Bundler = 'rollup' | 'esbuild';
export const BUNDLERS: readonly Bundler[] = ['rollup', 'esbuild'];

export interface OperationInfo {
  /** The exported function name (= operationId). */
  readonly name: string;
  readonly path: string;
}

/** The 14 operations of the original SDK: scenario (c) and its 28 KB budget are about them. */
export const ORIGINAL_OPERATIONS = [
  'createCouponReservation',
  'createReferral',
  'createReferralsForMultipleAdvocates',
  'deleteCouponReservation',
  'deleteCustomerData',
  'getCustomerInventory',
  'getReservedCustomers',
  'trackEvent',
  'updateCustomerProfile',
  'updateCustomerProfileAudiences',
  'updateCustomerProfileV2',
  'updateCustomerProfilesV2',
  'updateCustomerSession',
  'updateCustomerSessionV2',
] as const;

/** Every operation the SDK exports, read from src/endpoints (one generated module each). */
export function operations(): OperationInfo[] {
  const dir = join(ROOT, 'src/endpoints');
  const out: OperationInfo[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file === 'index.ts') continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const id = /\bid: '([^']+)'/.exec(text)?.[1];
    const path = /\bpath: '([^']+)'/.exec(text)?.[1];
    if (!id || !path) throw new Error(`src/endpoints/${file}: no operation id/path found`);
    out.push({ name: id, path });
  }
  return out;
}

/** The effect type names with a typed props schema (src/models/schemas.ts `knownEffectTypes`). */
export function effectTypes(): string[] {
  const text = readFileSync(join(ROOT, 'src/models/schemas.ts'), 'utf8');
  const list = /knownEffectTypes[^=]*= \[([\s\S]*?)\]/.exec(text)?.[1];
  if (!list) throw new Error('src/models/schemas.ts: knownEffectTypes not found');
  return [...list.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!);
}

export interface Scenario {
  readonly key: string;
  readonly label: string;
  /** The operations the app imports. */
  readonly ops: readonly string[];
  readonly code: string;
}

const BASE = `const baseUrl = 'https://acme.europe-west1.talon.one';`;

function singleOpApp(ops: readonly string[], auth: 'apiKey' | 'contentSignature'): string {
  const authCall =
    auth === 'apiKey' ? 'apiKey(key)' : `contentSignature({ applicationId: 42, applicationKey: key })`;
  return `import { ${auth}, createClient, ${ops.join(', ')} } from 'talon-fetch';
${BASE}
export function makeApp(key) {
  const talon = createClient({ baseUrl, auth: ${authCall} });
  return {
    async forget(integrationId) {
      const result = await deleteCustomerData(talon, { integrationId });
      return result.ok ? 'deleted' : result.error.message;
    },${
      ops.includes('getReservedCustomers')
        ? `
    async holders(couponValue) {
      const result = await getReservedCustomers(talon, { couponValue });
      return result.ok ? result.value.data.map((p) => p.integrationId) : result.error.message;
    },`
        : ''
    }
  };
}
`;
}

const allOpsApp = (
  ops: readonly string[],
) => `import { apiKey, createClient, ${ops.join(', ')} } from 'talon-fetch';
${BASE}
export function makeApp(key) {
  const talon = createClient({ baseUrl, auth: apiKey(key) });
  return {
${ops.map((name) => `    ${name}: (params) => ${name}(talon, params),`).join('\n')}
  };
}
`;

export function scenarios(): Scenario[] {
  const every = operations().map((o) => o.name);
  const all = [...ORIGINAL_OPERATIONS];
  return [
    {
      key: 'a',
      label: '(a) deleteCustomerData, apiKey',
      ops: ['deleteCustomerData'],
      code: singleOpApp(['deleteCustomerData'], 'apiKey'),
    },
    {
      key: 'b',
      label: '(b) updateCustomerSessionV2, apiKey, request + response validation',
      ops: ['updateCustomerSessionV2'],
      code: `import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';
${BASE}
export function makeApp(key) {
  const talon = createClient({ baseUrl, auth: apiKey(key), validateResponse: true });
  return async (customerSessionId, profileId, couponCodes) => {
    const result = await updateCustomerSessionV2(talon, {
      customerSessionId,
      body: { customerSession: { profileId, couponCodes, cartItems: [{ sku: 'sku-1', quantity: 1, price: 10 }] } },
    });
    if (!result.ok) return result.error.message;
    return result.value.effects.map((e) => e.effectType);
  };
}
`,
    },
    {
      key: 'c',
      label: '(c) all 14 operations, apiKey',
      ops: all,
      code: allOpsApp(all),
    },
    {
      key: 'd',
      label: '(d) (a) + getReservedCustomers',
      ops: ['deleteCustomerData', 'getReservedCustomers'],
      code: singleOpApp(['deleteCustomerData', 'getReservedCustomers'], 'apiKey'),
    },
    {
      key: 'e',
      label: '(e) (a) with contentSignature instead of apiKey',
      ops: ['deleteCustomerData'],
      code: singleOpApp(['deleteCustomerData'], 'contentSignature'),
    },
    {
      key: 'f',
      label: `(f) all ${every.length} operations, apiKey`,
      ops: every,
      code: allOpsApp(every),
    },
    {
      key: 'g',
      label: '(g) getLoyaltyCardTransactions, apiKey',
      ops: ['getLoyaltyCardTransactions'],
      code: `import { apiKey, createClient, getLoyaltyCardTransactions } from 'talon-fetch';
${BASE}
export function makeApp(key) {
  const talon = createClient({ baseUrl, auth: apiKey(key) });
  return async (loyaltyCardId) => {
    const result = await getLoyaltyCardTransactions(talon, { loyaltyProgramId: 7, loyaltyCardId, pageSize: 50 });
    return result.ok ? result.value.data.map((t) => t.amount) : result.error.message;
  };
}
`,
    },
  ];
}

/** Not a budget scenario: an app that imports the testing subpath, to prove its markers are findable. */
export const TESTING_PROBE = `import * as testing from 'talon-fetch/testing';
export default testing;
`;

/** Throws with a clear message when dist/ has not been built. */
export function assertBuilt(files: readonly string[] = ['dist/index.js']): void {
  const missing = files.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length)
    throw new Error(
      `talon-fetch is not built (${missing.join(', ')} missing): run \`npm run build\` first ` +
        '(`npm test` builds before vitest).',
    );
}

export interface Measured {
  readonly code: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  /** Minified bytes per dependency group (esbuild metafile; rollup: estimated per module). */
  readonly parts: Record<string, number>;
}

export const gzipSize = (code: string): number => gzipSync(code, { level: 9 }).length;

function group(id: string): string {
  if (/node_modules[\\/]ky[\\/]/.test(id)) return 'ky';
  if (/node_modules[\\/]valibot[\\/]/.test(id)) return 'valibot';
  if (/node_modules[\\/]@noble[\\/]/.test(id)) return '@noble/hashes';
  if (/[\\/]dist[\\/]/.test(id) || id.startsWith('dist/')) return 'talon-fetch';
  return 'app';
}

async function bundleEsbuild(entry: string): Promise<Measured> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file || result.outputFiles.length !== 1) throw new Error('esbuild: expected one output file');
  const parts: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs))
    for (const [id, input] of Object.entries(output.inputs))
      parts[group(id)] = (parts[group(id)] ?? 0) + input.bytesInOutput;
  return { code: file.text, minBytes: file.contents.length, gzipBytes: gzipSize(file.text), parts };
}

async function bundleRollup(entry: string): Promise<Measured> {
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import'] })],
    onwarn(warning) {
      // An unresolved `talon-fetch` would silently become an external import: make it an error.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`rollup: ${warning.message}`);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunk = output[0];
    if (output.length !== 1 || chunk.type !== 'chunk') throw new Error('rollup: expected one chunk');
    if (chunk.imports.length) throw new Error(`rollup: left imports external: ${chunk.imports.join(', ')}`);
    const { code } = await transform(chunk.code, { minify: true, format: 'esm', loader: 'js' });
    const parts: Record<string, number> = {};
    for (const [id, mod] of Object.entries(chunk.modules)) {
      if (!mod.code) continue;
      const min = await transform(mod.code, { minify: true, loader: 'js' }).catch(() => ({
        code: mod.code!,
      }));
      parts[group(id)] = (parts[group(id)] ?? 0) + min.code.length;
    }
    return { code, minBytes: Buffer.byteLength(code), gzipBytes: gzipSize(code), parts };
  } finally {
    await bundle.close();
  }
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly rollup: Measured;
  readonly esbuild: Measured;
}

export interface Measurement {
  readonly results: Record<string, ScenarioResult>;
  /** The testing subpath probe, or undefined when dist/testing.js is not built. */
  readonly testingProbe: { readonly rollup: Measured; readonly esbuild: Measured } | undefined;
  /** ky alone (default export + the three type guards the transport uses), esbuild, gzip bytes. */
  readonly kyAloneGzip: number;
}

/** Builds every scenario with both bundlers. */
export async function measureAll(): Promise<Measurement> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'talon-fetch-bundle-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'talon-fetch'), 'dir');
    // ky for the "ky alone" baseline, resolved from the repository like the package's own import.
    symlinkSync(join(ROOT, 'node_modules', 'ky'), join(dir, 'node_modules', 'ky'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const results: Record<string, ScenarioResult> = {};
    for (const scenario of scenarios()) {
      const entry = join(dir, `${scenario.key}.js`);
      writeFileSync(entry, scenario.code);
      results[scenario.key] = {
        scenario,
        rollup: await bundleRollup(entry),
        esbuild: await bundleEsbuild(entry),
      };
    }
    let testingProbe: Measurement['testingProbe'];
    if (existsSync(join(ROOT, 'dist/testing.js'))) {
      const entry = join(dir, 'testing-probe.js');
      writeFileSync(entry, TESTING_PROBE);
      testingProbe = { rollup: await bundleRollup(entry), esbuild: await bundleEsbuild(entry) };
    }
    const kyEntry = join(dir, 'ky-alone.js');
    writeFileSync(kyEntry, `export { default, isHTTPError, isNetworkError, isTimeoutError } from 'ky';\n`);
    const kyAloneGzip = (await bundleEsbuild(kyEntry)).gzipBytes;
    return { results, testingProbe, kyAloneGzip };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Markers: what must (not) be in a bundle.

/** Distinctive bits of @noble/hashes' MD5 and HMAC that survive minification. */
export const HMAC_MD5_MARKERS: readonly RegExp[] = [
  /\b1732584193\b|0x67452301/i, // the MD5 (and SHA-1) initial state word A, in decimal or hex
  /\boutputLen\b/, // a property of every noble hash and of its HMAC (properties are not mangled)
];

function stringLiterals(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) out.add(m[2]!);
  return out;
}

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, test));
    else if (test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * String literals that only the testing entry has: in dist/testing.js but not in dist/index.js, its
 * shared chunks or the runtime dependencies. Undefined when dist/testing.js is not built.
 */
export function testingMarkers(): string[] | undefined {
  const testingFile = join(ROOT, 'dist/testing.js');
  if (!existsSync(testingFile)) return undefined;
  const elsewhere = [
    join(ROOT, 'dist/index.js'),
    ...filesUnder(join(ROOT, 'dist/shared'), (n) => n.endsWith('.js')),
    ...filesUnder(join(ROOT, 'node_modules/ky/distribution'), (n) => n.endsWith('.js')),
    ...filesUnder(join(ROOT, 'node_modules/valibot/dist'), (n) => n.endsWith('.js') || n.endsWith('.mjs')),
    ...filesUnder(join(ROOT, 'node_modules/@noble/hashes'), (n) => n.endsWith('.js')),
  ]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return [...stringLiterals(readFileSync(testingFile, 'utf8'))].filter(
    (s) => s.length >= 10 && /[A-Za-z]/.test(s) && !s.includes('${') && !elsewhere.includes(s),
  );
}

// ---------------------------------------------------------------------------------------------
// Reporting.

const kb = (bytes: number): string => `${(bytes / KB).toFixed(2)} KB`;

export function marginal(m: Measurement, key: 'd' | 'e', bundler: Bundler): number {
  return m.results[key]![bundler].gzipBytes - m.results.a![bundler].gzipBytes;
}

/** The size table (markdown), gzip level 9, 1 KB = 1000 bytes. */
export function sizeTable(m: Measurement): string {
  const rows = ['| scenario | rollup | esbuild | budget |', '| --- | ---: | ---: | ---: |'];
  for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const) {
    const r = m.results[key]!;
    const budget = key in BUDGETS ? `≤ ${kb(BUDGETS[key as 'a' | 'b' | 'c' | 'f'])}` : '';
    rows.push(`| ${r.scenario.label} | ${kb(r.rollup.gzipBytes)} | ${kb(r.esbuild.gzipBytes)} | ${budget} |`);
  }
  for (const key of ['d', 'e'] as const)
    rows.push(
      `| ${key === 'd' ? '(d) − (a): one more light operation' : '(e) − (a): contentSignature (HMAC-MD5)'} | ` +
        `${kb(marginal(m, key, 'rollup'))} | ${kb(marginal(m, key, 'esbuild'))} | ≤ ${kb(BUDGETS[`${key}-a`])} |`,
    );
  return rows.join('\n');
}

/** Minified bytes by part, with each part's share of the gzipped size (≈, proportional). */
export function breakdownTable(m: Measurement, bundler: Bundler = 'esbuild'): string {
  const groups = ['talon-fetch', 'ky', 'valibot', '@noble/hashes', 'app'];
  const rows = [
    `| ${bundler} | ${groups.join(' | ')} |`,
    `| --- | ${groups.map(() => '---:').join(' | ')} |`,
  ];
  for (const r of Object.values(m.results)) {
    const measured = r[bundler];
    const total = Object.values(measured.parts).reduce((s, n) => s + n, 0);
    const cells = groups.map((g) => {
      const bytes = measured.parts[g] ?? 0;
      return bytes ? `${bytes} B min (≈${kb((measured.gzipBytes * bytes) / total)} gz)` : '–';
    });
    rows.push(`| ${r.scenario.key} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

export function sizesJson(m: Measurement): unknown {
  const scenariosOut: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(m.results))
    scenariosOut[key] = {
      label: r.scenario.label,
      operations: r.scenario.ops,
      rollup: { minBytes: r.rollup.minBytes, gzipBytes: r.rollup.gzipBytes, minBytesByPart: r.rollup.parts },
      esbuild: {
        minBytes: r.esbuild.minBytes,
        gzipBytes: r.esbuild.gzipBytes,
        minBytesByPart: r.esbuild.parts,
      },
    };
  return {
    unit: 'bytes; gzip level 9 (node:zlib); 1 KB = 1000 bytes',
    how: 'rollup 4 + @rollup/plugin-node-resolve (browser, import) then esbuild transform minify; esbuild bundle minify platform browser format esm',
    budgets: BUDGETS,
    scenarios: scenariosOut,
    marginal: {
      'd-a': { rollup: marginal(m, 'd', 'rollup'), esbuild: marginal(m, 'd', 'esbuild') },
      'e-a': { rollup: marginal(m, 'e', 'rollup'), esbuild: marginal(m, 'e', 'esbuild') },
    },
    kyAloneGzipBytes: m.kyAloneGzip,
  };
}
