/**
 * The design card's bundle promises, checked on the BUILT package: what a user's bundle contains
 * (and does not) when importing `talon-fetch` with rollup or esbuild, and what it weighs gzipped.
 * Sizes are printed and written to .tmp/bundle-sizes.json (for the README's "Bundle size").
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { report } from '../support/report.js';
import {
  BUDGETS,
  BUNDLERS,
  breakdownTable,
  effectTypes,
  HMAC_MD5_MARKERS,
  KB,
  type Measurement,
  marginal,
  measureAll,
  operations,
  ROOT,
  sizesJson,
  sizeTable,
  testingMarkers,
} from './harness.js';

let m: Measurement;

beforeAll(async () => {
  m = await measureAll();
  report(
    'bundle-sizes',
    `Bundle sizes, gzip -9, 1 KB = 1000 B:\n${sizeTable(m)}\n\nBreakdown (esbuild):\n${breakdownTable(m)}\n` +
      `ky alone (default + isHTTPError/isNetworkError/isTimeoutError): ${(m.kyAloneGzip / KB).toFixed(2)} KB gz`,
  );
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp/bundle-sizes.json'), `${JSON.stringify(sizesJson(m), null, 2)}\n`);
}, 180_000);

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
/**
 * Growth ceilings for the two scenarios over budget (gzip bytes). Before the move to 26.13 they
 * were 15.95 and 21.1 KB; that move was allowed 5 % more (strict requests with a "did you mean",
 * tolerant answers), so 16.75 and 22.15 KB. The reliability work of the Management/retries wave
 * raised them once more, to the size measured then (18.63 / 23.87 KB rollup, 18.67 / 23.94
 * esbuild) plus 0.5 %: +2.1 KB gzip for one Idempotency-Key per call and retries by each
 * operation's class with `mayHaveBeenApplied` (about 1.35 KB), the transport in stages with the
 * timeout that fired (`limit`) and issue codes (about 0.5 KB), the refusal of the other API's
 * client, the rate-limit slot and the operation-driven upload/CSV hooks (about 0.35 KB), the
 * reserved-header check (about 0.1 KB), less a 0.23 KB trim (docs/sizes.md). Then lowered to the
 * size measured once the Management mechanisms left the shared transport for src/management/
 * (18.39 / 23.62 KB rollup, 18.43 / 23.69 esbuild, 0.28 KB less) plus 0.5 %; then raised by
 * 0.18 KB, still below the wave's: the SDK keeps `totalTimeout` itself instead of ky (its
 * deadline on each attempt, backoff wait and body read, and a Retry-After it has no time for ending
 * the call at once; about 0.1 KB, for the largest allocation of a call gone) and the hooks' event
 * built only when a hook is set (about 0.05 KB), measured 18.54 / 23.79 KB rollup, 18.60 / 23.87
 * esbuild, plus 0.5 %. The SDK's own retry loop (ky cloned each attempt's Request) then fit
 * within them: 18.64 / 23.87 KB rollup, 18.69 / 23.95 esbuild (with one guard shared by both
 * APIs' send). Lower them when the bundles shrink, never raise them again without naming
 * what the bytes buy.
 */
const CEILINGS = { a: 18.7 * KB, b: 23.99 * KB } as const;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `s` as a whole string literal (ids and paths are prefixes of one another, e.g. createReferral). */
const quoted = (s: string) => new RegExp(`["'\`]${escapeRegExp(s)}["'\`]`);
/** `s` as a string literal or as an object key (effect types are keys of the effect lookup). */
const named = (s: string) => new RegExp(`["'\`]${escapeRegExp(s)}["'\`]|[{,]${escapeRegExp(s)}:`);

describe.each(BUNDLERS)('%s', (bundler) => {
  const code = (key: string) => m.results[key]![bundler].code;

  describe('budgets (gzip, 1 KB = 1000 bytes)', () => {
    it('(c) within budget', () => {
      expect(m.results.c![bundler].gzipBytes).toBeLessThanOrEqual(BUDGETS.c);
    });
    // Known misses, kept at the budget: ky 2.1 alone is ~8.9 KB gzipped (three quarters of
    // (a)'s 12 KB), valibot's core ~1.8 KB, the transport ~5 KB. The budget assertion stays as an
    // expected failure: the day a bundle fits, `it.fails` turns red and must become `it`. Until
    // then a ceiling (the size measured when this was written, plus 3 %) stops any growth; lower
    // it when the bundle shrinks, never raise it. Breakdown printed above and in the README.
    it.fails.each(['a', 'b'] as const)('(%s) within budget [known miss, see README "Bundle size"]', (key) => {
      expect(m.results[key]![bundler].gzipBytes).toBeLessThanOrEqual(BUDGETS[key]);
    });
    it.each(['a', 'b'] as const)('(%s) does not grow past its ceiling while over budget', (key) => {
      expect(m.results[key]![bundler].gzipBytes).toBeLessThanOrEqual(CEILINGS[key]);
    });
    it('(f) all operations: within the 45 KB goal', () => {
      expect(m.results.f![bundler].gzipBytes).toBeLessThanOrEqual(BUDGETS.f);
    });
    it('(d) − (a): one more light operation costs ≤ 0.6 KB', () => {
      expect(marginal(m, 'd', bundler)).toBeLessThanOrEqual(BUDGETS['d-a']);
    });
    it('(e) − (a): contentSignature instead of apiKey costs ≤ 2.5 KB', () => {
      expect(marginal(m, 'e', bundler)).toBeLessThanOrEqual(BUDGETS['e-a']);
    });
  });

  describe('tree-shaking', () => {
    it('bundles the imported operations, and none of the others (ids and paths)', () => {
      const ops = operations();
      expect(ops).toHaveLength(42);
      for (const key of KEYS) {
        const { ops: used } = m.results[key]!.scenario;
        for (const op of ops) {
          const text = code(key);
          const present = {
            op: op.name,
            key,
            id: quoted(op.name).test(text),
            path: quoted(op.path).test(text),
          };
          const expected = used.includes(op.name);
          // Two operations may share a path (GET and PUT /v2/customer_sessions/{customerSessionId}).
          const pathUsed = ops.some((o) => o.path === op.path && used.includes(o.name));
          expect(present).toEqual({ op: op.name, key, id: expected, path: pathUsed });
        }
      }
    });

    it('(a), (d), (e): no session schemas, no effect type names', () => {
      const effects = effectTypes();
      expect(effects.length).toBeGreaterThan(30);
      const distinctive = effects.filter((name) => name.length >= 8); // not 'error'
      // Scenario (b) returns effects: the names are there, so their absence elsewhere means something.
      expect(code('b')).toMatch(named('setDiscountPerItem'));
      for (const key of ['a', 'd', 'e']) {
        const text = code(key);
        for (const name of ['/v2/customer_sessions', 'customerSessionId', 'updateCustomerSessionV2'])
          expect(text, `${key} contains ${name}`).not.toContain(name);
        const found = distinctive.filter((name) => named(name).test(text));
        expect(found, `effect types in (${key})`).toEqual([]);
      }
    });

    it('(g) a loyalty operation: no session, audience or effect code', () => {
      const text = code('g');
      expect(text).toMatch(
        quoted('/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/transactions'),
      );
      for (const name of [
        '/v2/customer_sessions',
        '/v2/audiences',
        'updateCustomerSessionV2',
        'createAudienceV2',
      ])
        expect(text, `(g) contains ${name}`).not.toContain(name);
      const found = effectTypes()
        .filter((name) => name.length >= 8)
        .filter((name) => named(name).test(text));
      expect(found, 'effect types in (g)').toEqual([]);
    });

    it('HMAC-MD5 (@noble/hashes) only with contentSignature', () => {
      for (const marker of HMAC_MD5_MARKERS) {
        expect(code('e'), `(e) lacks ${marker}`).toMatch(marker);
        for (const key of ['a', 'b', 'c', 'd', 'f', 'g'])
          expect(code(key), `(${key}) has ${marker}`).not.toMatch(marker);
      }
      expect(m.results.e![bundler].parts['@noble/hashes']).toBeGreaterThan(0);
      for (const key of ['a', 'b', 'c', 'd', 'f', 'g'])
        expect(m.results[key]![bundler].parts['@noble/hashes']).toBeUndefined();
    });

    it('no Management mechanism in an Integration app: upload, CSV answer and managementKey code stay out', () => {
      // String literals of the Management transport's modules (src/management/), which no
      // Integration module imports (test/bundle/integration-alone.test.ts checks the graph).
      const markers = {
        'src/management/upload.ts': 'upload.csv',
        'src/management/csv.ts': 'notCsv',
        'src/management/managementKey.ts': 'ManagementKey-v1',
        'src/management/send.ts': 'accepts only managementKey auth',
        'src/management/client.ts': 'rateLimit',
      };
      for (const [file, marker] of Object.entries(markers)) {
        expect(readFileSync(join(ROOT, file), 'utf8'), `${file} still has ${marker}`).toContain(marker);
        for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
          expect(code(key).includes(marker), `(${key}) has ${marker}`).toBe(false);
      }
      expect(code('a').includes('application/csv'), '(a) has application/csv').toBe(false);
    });

    it('never the testing subpath (talon-fetch/testing)', () => {
      const markers = testingMarkers();
      if (!markers || !m.testingProbe)
        throw new Error(
          'dist/testing.js is not built: src/testing/index.ts must exist before `npm run build`',
        );
      expect(markers.length, 'string literals unique to dist/testing.js').toBeGreaterThan(0);
      // Literals from comments or re-quoted by the minifier do not survive: keep those that do.
      const probe = m.testingProbe[bundler].code;
      const surviving = markers.filter((s) => probe.includes(s));
      expect(surviving.length, 'markers found in a bundle of the testing entry').toBeGreaterThanOrEqual(
        Math.max(1, markers.length / 2),
      );
      for (const key of KEYS) {
        const found = surviving.filter((s) => code(key).includes(s));
        expect(found, `testing markers in (${key})`).toEqual([]);
      }
    });
  });
});
