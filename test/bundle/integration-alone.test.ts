/**
 * The Integration entry does not depend on the Management API (issue 18: an app that imports only
 * Integration operations must not change by one byte when the Management API is added).
 *
 * 1. The module graph: src/index.ts (and src/schemas.ts) reach no module of src/management/ or
 *    src/management.ts, type-only imports included. Every Management-only module lives there, so
 *    deleting them all could not change dist/index.* — the build is a function of the modules it
 *    reaches.
 * 2. No Management mechanism hides in the shared modules: the built Integration entry (ESM, CJS,
 *    its shared chunks, both declaration files) holds none of the Management API's words, each of
 *    which the Management entry's build does hold (so no marker can be vacuous).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachable } from '../support/imports.js';
import { assertBuilt, ROOT } from './harness.js';

/** The files of the built Integration entry: the entry itself and the shared chunks it imports. */
function integrationBuild(): Record<string, string> {
  assertBuilt(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']);
  const out: Record<string, string> = {};
  for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
    const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
    out[file] = text;
    for (const chunk of text.matchAll(/(?:from |require\()['"]\.\/(shared\/[\w.-]+)['"]/g))
      out[chunk[1]!] = readFileSync(join(ROOT, 'dist', chunk[1]!), 'utf8');
  }
  return out;
}

/** What only the Management API has, by where the Management build shows it. */
const MARKERS: ReadonlyArray<
  readonly [marker: string, where: 'management.js' | 'management.d.ts', what: string]
> = [
  ['ManagementKey-v1', 'management.js', 'the Management key header'],
  ['accepts only managementKey auth', 'management.js', "the Management transport's scheme check"],
  ['rateLimit', 'management.js', "the rate limiter's slot"],
  ['perSecond', 'management.js', 'the per-endpoint limiter'],
  ['multipart/form-data', 'management.d.ts', 'uploads'],
  ['upload.csv', 'management.js', "the upload's file name"],
  ['application/csv', 'management.js', 'CSV answers'],
  ['notCsv', 'management.js', 'the CSV reader'],
  ['errorBody', 'management.js', "an export's error body"],
  ['ManagementClient', 'management.d.ts', 'the Management client type'],
  ['RateLimiter', 'management.d.ts', 'the rate limiter type'],
];

describe('the Integration entry without the Management API', () => {
  it('reaches no Management module, type-only imports included', () => {
    for (const [entry, least] of [
      ['src/index.ts', 50],
      ['src/schemas.ts', 2],
    ] as const) {
      const modules = reachable(join(ROOT, entry)).map((file) => relative(ROOT, file));
      expect(modules.length, `${entry} reaches modules`).toBeGreaterThan(least);
      const management = modules.filter((m) => m === 'src/management.ts' || m.startsWith('src/management/'));
      expect(management, `Management modules reached from ${entry}`).toEqual([]);
    }
    // The walk sees through the Management entry: it does reach them from there.
    const fromManagement = reachable(join(ROOT, 'src/management.ts')).map((file) => relative(ROOT, file));
    for (const module of ['src/management/send.ts', 'src/management/client.ts', 'src/management/upload.ts'])
      expect(fromManagement).toContain(module);
  });

  it.each(MARKERS)('the built entry has no %s (%s shows it: %s)', (marker, where) => {
    const management = readFileSync(join(ROOT, 'dist', where), 'utf8');
    expect(management.includes(marker), `dist/${where} lacks ${marker}`).toBe(true);
    for (const [file, text] of Object.entries(integrationBuild()))
      expect(text.includes(marker), `dist/${file} has ${marker}`).toBe(false);
  });

  it('declares the methods, auth schemes and client of the Integration API only', () => {
    const dts = integrationBuild()['index.d.ts']!;
    expect(dts).toMatch(/type HttpMethod = 'GET' \| 'PUT' \| 'POST' \| 'DELETE';/);
    expect(dts).toMatch(/type AuthScheme = 'apiKey' \| 'contentSignature';/);
    expect(dts).toMatch(/interface Auth<S extends AuthScheme = AuthScheme>/);
    expect(dts).toMatch(/interface Client<S extends AuthScheme = AuthScheme>/);
    expect(dts).not.toMatch(/managementKey|AnyAuthScheme|not-csv/);
  });
});
