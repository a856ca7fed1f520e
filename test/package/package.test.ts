/**
 * The published package as a user gets it: publint and arethetypeswrong on the packed tarball,
 * the tarball's file list, and a consumer project (in a temp dir) that installs the tarball,
 * type-checks ESM and CommonJS imports under node16 (ESM and CJS packages) and bundler
 * resolution, and runs the ESM and CJS entries with this Node against a custom fetch.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/**
 * The entry points, read from the exports map: `.`, `./schemas`, `./testing` today. A new entry
 * (e.g. `./management`) is checked by every test below once it is in `exports` (and in
 * `typesVersions` for node10); nothing here lists them.
 */
const ENTRIES: string[] = Object.keys(PKG.exports).filter((key) => key !== './package.json');

/** dist/<name> for an entry: `.` is index, `./schemas` is schemas. */
const distName = (entry: string) => (entry === '.' ? 'index' : entry.slice(2));

/** What the exports map points at, for every entry point. */
const ENTRY_FILES = ENTRIES.flatMap((entry) =>
  ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => `dist/${distName(entry)}.${ext}`),
);

function run(command: string, args: string[], cwd: string, timeout = 60_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function npm(args: string[], cwd: string) {
  const result = run('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts'], cwd, 120_000);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

let temp: string;
let tarball: string;

beforeAll(() => {
  const missing = ENTRY_FILES.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length)
    throw new Error(
      `the package is not fully built (${missing.join(', ')} missing): run \`npm run build\` first ` +
        '(`npm test` builds before vitest; dist/testing.* needs src/testing/index.ts)',
    );
  temp = mkdtempSync(join(tmpdir(), 'talon-fetch-package-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', temp], ROOT)) as {
    filename: string;
  }[];
  tarball = join(temp, packed[0]!.filename);
}, 60_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the built entries, their declarations, README, LICENSE and CHANGELOG, nothing else (npm pack --dry-run)', () => {
    const [info] = JSON.parse(npm(['pack', '--dry-run', '--json'], ROOT)) as { files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path).sort();
    // No source maps: dist/ is unminified, readable ESM/CJS with its declarations, so a stack
    // trace already points at recognisable code, and maps would add their size to every install.
    expect(
      files.filter(
        (f) => !/^(dist\/[\w/-]+\.(c?js|d\.c?ts)|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f),
      ),
    ).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|src|\.tmp|\.changeset|docs)\/|\.map$|\.tgz$/.test(f))).toEqual(
      [],
    );
    for (const wanted of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', ...ENTRY_FILES])
      expect(files).toContain(wanted);
  });

  it('declares what bundlers and Node rely on: sideEffects false, type module, engines', () => {
    // Not load-bearing for today's dist (every top-level call is pure, so bundlers shake by
    // statement), but the design promises it and it keeps unused shared chunks out.
    expect({ sideEffects: PKG.sideEffects, type: PKG.type, node: PKG.engines?.node }).toEqual({
      sideEffects: false,
      type: 'module',
      node: expect.stringMatching(/^>=\d/),
    });
  });

  it('carries what the registry shows and a provenance publish needs', () => {
    const base = 'https://github.com/talon-fetch/talon-fetch';
    expect({
      repository: PKG.repository,
      homepage: PKG.homepage,
      bugs: PKG.bugs,
      publishConfig: PKG.publishConfig,
      files: PKG.files,
    }).toEqual({
      // Provenance checks that the repository URL is the one the package is built from.
      repository: { type: 'git', url: `git+${base}.git` },
      homepage: `${base}#readme`,
      bugs: { url: `${base}/issues` },
      publishConfig: { access: 'public', provenance: true },
      files: ['dist', '!dist/.build-inputs', 'CHANGELOG.md'],
    });
    expect(PKG.keywords).toEqual(expect.arrayContaining(['talon.one', 'sdk', 'fetch']));
    expect(PKG.license).toBe('MIT');
  });

  it("claims no Node that a dependency refuses: engines.node is within every dependency's engines.node", () => {
    const ours = PKG.engines.node as string;
    const refused = Object.keys(PKG.dependencies).flatMap((dep) => {
      const theirs = JSON.parse(readFileSync(join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')).engines
        ?.node as string | undefined;
      return theirs === undefined || semver.subset(ours, theirs) ? [] : [`${dep} wants node ${theirs}`];
    });
    expect(refused, `package.json engines.node is ${ours}`).toEqual([]);
    // The check itself: ky 2 refuses the Node 20 this package once claimed.
    expect(semver.subset('>=20.19.0', '>=22')).toBe(false);
  });

  it('ships the same declarations for import and require', () => {
    for (const name of ENTRIES.map(distName))
      expect(readFileSync(join(ROOT, `dist/${name}.d.cts`), 'utf8')).toBe(
        readFileSync(join(ROOT, `dist/${name}.d.ts`), 'utf8'),
      );
  });

  it('publint: no errors, warnings or suggestions (strict)', async () => {
    const data = readFileSync(tarball);
    const { messages, pkg } = await publint({
      level: 'suggestion',
      strict: true,
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it(`arethetypeswrong: no problems for ${ENTRIES.join(', ')} in node10, node16-cjs, node16-esm, bundler`, async () => {
    const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
    if (result.types === false) throw new Error('attw: the package has no types');
    expect(
      Object.keys(result.entrypoints)
        .filter((e) => e !== './package.json')
        .sort(),
    ).toEqual([...ENTRIES].sort());
    for (const entry of ENTRIES)
      expect(Object.keys(result.entrypoints[entry]!.resolutions).sort()).toEqual([
        'bundler',
        'node10',
        'node16-cjs',
        'node16-esm',
      ]);
    expect(result.problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A consumer project.

const BASE_URL = 'https://acme.europe-west1.talon.one';

const ESM_SOURCE = `import { apiKey, createClient, deleteCustomerData, getReservedCustomers, type TalonError } from 'talon-fetch';
import { CartItemSchema } from 'talon-fetch/schemas';
import * as testing from 'talon-fetch/testing';
import { createClient as createManagementClient, getLoyaltyCard, managementKey } from 'talon-fetch/management';

const talon = createClient({ baseUrl: '${BASE_URL}', auth: apiKey('key') });

export async function main(): Promise<string> {
  const deleted = await deleteCustomerData(talon, { integrationId: 'user-1' });
  if (!deleted.ok) {
    const kind: TalonError['kind'] = deleted.error.kind;
    return kind;
  }
  const nothing: undefined = deleted.value;
  // @ts-expect-error integrationId is a string
  await deleteCustomerData(talon, { integrationId: 1 });
  const held = await getReservedCustomers(talon, { couponValue: 'SUMMER-10' });
  return held.ok ? held.value.data.map((p) => p.integrationId.toUpperCase()).join() : String(nothing);
}

export const testingExports: string[] = Object.keys(testing);
export const schemaKind: string = CartItemSchema.kind;

const admin = createManagementClient({ baseUrl: '${BASE_URL}', auth: managementKey('key') });
export async function card(): Promise<string | undefined> {
  // @ts-expect-error a Management operation takes a Management client only
  await getLoyaltyCard(talon, { loyaltyProgramId: 1, loyaltyCardId: 'c' });
  const found = await getLoyaltyCard(admin, { loyaltyProgramId: 1, loyaltyCardId: 'c' });
  return found.ok ? found.value.identifier : undefined;
}
`;

const CJS_SOURCE = `import talon = require('talon-fetch');
import testing = require('talon-fetch/testing');
import schemas = require('talon-fetch/schemas');
import management = require('talon-fetch/management');

const client = talon.createClient({ baseUrl: '${BASE_URL}', auth: talon.apiKey('key') });

export async function main(): Promise<boolean> {
  const deleted = await talon.deleteCustomerData(client, { integrationId: 'user-1' });
  // @ts-expect-error integrationId is a string
  await talon.deleteCustomerData(client, { integrationId: 1 });
  const held = await talon.getReservedCustomers(client, { couponValue: 'SUMMER-10' });
  return deleted.ok && held.ok && held.value.data.every((p) => typeof p.integrationId === 'string');
}

export const testingExports: string[] = Object.keys(testing);
export const schemaNames: string[] = Object.keys(schemas);
export const managementKeyAuth = management.managementKey('key').scheme;
`;

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
  skipLibCheck: true,
  exactOptionalPropertyTypes: true,
};

/** One type-check project per resolution mode: [dir, package.json type, compilerOptions, files]. */
const PROJECTS: [string, 'module' | 'commonjs', Record<string, unknown>, Record<string, string>][] = [
  [
    'node16-esm',
    'module',
    { module: 'node16', moduleResolution: 'node16' },
    { 'index.ts': ESM_SOURCE, 'legacy.cts': CJS_SOURCE },
  ],
  [
    'node16-cjs',
    'commonjs',
    { module: 'node16', moduleResolution: 'node16' },
    { 'index.ts': CJS_SOURCE, 'modern.mts': ESM_SOURCE },
  ],
  [
    'bundler',
    'module',
    { module: 'preserve', moduleResolution: 'bundler' },
    { 'index.ts': ESM_SOURCE, 'legacy.cts': CJS_SOURCE },
  ],
  // The shipped declarations themselves (and ky's and valibot's), checked once: slow (~8 s), so
  // only through the ESM entry (index.d.cts is the same text; see the tarball test).
  [
    'declarations',
    'module',
    { module: 'preserve', moduleResolution: 'bundler', skipLibCheck: false },
    { 'index.ts': ESM_SOURCE },
  ],
];

/** The runtime check: both calls against a custom fetch, then the testing entry's exports. */
const runtimeBody = (load: string, loadTesting: string) => `${load}
const profile = { id: 1, created: '2026-01-01T00:00:00Z', integrationId: 'user-1', attributes: {}, accountId: 1,
  closedSessions: 0, totalSales: 0, lastActivity: '2026-01-01T00:00:00Z' };
const seen = [];
const fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  seen.push(request.method + ' ' + new URL(request.url).pathname + ' ' + request.headers.get('authorization'));
  if (request.method === 'DELETE') return new Response(null, { status: 204 });
  return Response.json({ totalResultSize: 1, data: [profile] });
};
(async () => {
  const client = sdk.createClient({ baseUrl: '${BASE_URL}', auth: sdk.apiKey('key-1'), fetch, retry: false });
  const deleted = await sdk.deleteCustomerData(client, { integrationId: 'user 1' });
  const held = await sdk.getReservedCustomers(client, { couponValue: 'SUMMER-10' });
  const invalid = await sdk.deleteCustomerData(client, { integrationId: '' });
  ${loadTesting}
  console.log(JSON.stringify({
    deleted: deleted.ok && deleted.response.status,
    held: held.ok && held.value.data[0].integrationId,
    invalid: !invalid.ok && invalid.error.kind,
    seen,
    testing: Object.keys(testing).length,
  }));
})();
`;

const RUN_ESM = runtimeBody(
  `import * as sdk from 'talon-fetch';`,
  `const testing = await import('talon-fetch/testing');`,
);
const RUN_CJS = runtimeBody(
  `const sdk = require('talon-fetch');`,
  `const testing = require('talon-fetch/testing');`,
);

/** Runs `file args` without blocking the event loop (the tsc projects run side by side). */
function runAsync(file: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd, encoding: 'utf8', timeout: 90_000 }, (error, stdout, stderr) =>
      done({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        output: `${stdout}${stderr}`,
      }),
    );
  });
}

describe('a consumer project that installs the tarball', () => {
  let app: string;
  const typeChecks = new Map<string, Promise<{ code: number; output: string }>>();

  beforeAll(() => {
    app = join(temp, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // The tarball's dependencies (ky, valibot, @noble/hashes) come from the npm cache when it has them.
    npm(['install', tarball, '--prefer-offline', '--no-package-lock', '--loglevel=error'], app);
    for (const [dir, type, options, files] of PROJECTS) {
      mkdirSync(join(app, dir));
      writeFileSync(join(app, dir, 'package.json'), JSON.stringify({ type }));
      writeFileSync(
        join(app, dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, ...options }, files: Object.keys(files) }),
      );
      for (const [name, text] of Object.entries(files)) writeFileSync(join(app, dir, name), text);
    }
    writeFileSync(join(app, 'run.mjs'), RUN_ESM);
    writeFileSync(join(app, 'run.cjs'), RUN_CJS);
    for (const [dir] of PROJECTS)
      typeChecks.set(dir, runAsync(process.execPath, [TSC, '-p', join(app, dir)], app));
  }, 120_000);

  it.each(PROJECTS.map(([dir]) => dir))(
    'type-checks ESM and CommonJS imports (%s)',
    async (dir) => {
      expect(await typeChecks.get(dir)).toEqual({ code: 0, output: '' });
    },
    90_000,
  );

  it.each(['run.mjs', 'run.cjs'])('runs %s with this Node against a custom fetch', (file) => {
    const result = run(process.execPath, [join(app, file)], app);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      deleted: 204,
      held: 'user-1',
      invalid: 'validation',
      seen: [
        'DELETE /v1/customer_data/user%201 ApiKey-v1 key-1',
        'GET /v1/coupon_reservations/customerprofiles/SUMMER-10 ApiKey-v1 key-1',
      ],
      testing: expect.any(Number),
    });
    expect(JSON.parse(result.stdout).testing).toBeGreaterThan(0);
  });
});
