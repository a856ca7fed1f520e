/**
 * The parity table of docs/management.md (written by scripts/management-parity.mjs) is up to date,
 * and every ManagementApi method of talon_one.js 25.17.0 that the 26.13 spec still has is marked
 * present under its own name, a function `talon-fetch/management` exports. Reads the spec from TALON_SPEC_DIR or ../shared/spec and fails
 * loudly when it is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

interface Parity {
  readonly rows: readonly { readonly method: string; readonly present: boolean }[];
  readonly gone: readonly string[];
  readonly added: readonly string[];
}
interface ParityScript {
  readonly DOC: string;
  readonly START: string;
  readonly END: string;
  readonly REPLACED_BY: Readonly<Record<string, string>>;
  readMethods(): string[];
  managementOperationIds(): string[];
  parity(methods: readonly string[], operationIds: readonly string[]): Parity;
  renderTable(parity: Parity): string;
  withTable(doc: string, table: string): string;
  renderDomains(operationIds: readonly string[]): string;
  withDomains(doc: string, list: string): string;
  byDomain(operationIds: readonly string[]): [string, string[]][];
}

const script = (await import(
  pathToFileURL(join(ROOT, 'scripts/management-parity.mjs')).href
)) as ParityScript;

describe('the Management parity table', () => {
  const methods = script.readMethods();
  const operationIds = script.managementOperationIds(); // throws, naming the path, when the spec is absent
  const result = script.parity(methods, operationIds);
  const doc = readFileSync(join(ROOT, script.DOC), 'utf8');

  it('reads the whole method list and the whole spec', () => {
    expect(methods).toHaveLength(184);
    expect(new Set(methods).size).toBe(184);
    expect(operationIds).toHaveLength(186);
  });

  it('is up to date in docs/management.md (node scripts/management-parity.mjs rewrites it)', () => {
    expect(doc).toBe(script.withTable(doc, script.renderTable(result)));
  });

  it('marks every method that exists in 26.13 present, under the same name', () => {
    const ids = new Set(operationIds);
    for (const { method, present } of result.rows) {
      expect(present, method).toBe(ids.has(method));
      if (present) expect(doc).toContain(`| \`${method}\` | yes | \`${method}\` |`);
    }
    expect(result.rows.filter((r) => r.present)).toHaveLength(183);
  });

  it('lists the methods that no longer exist with what replaces them, and the new operations', () => {
    expect(result.gone).toEqual(['createCouponsAsync']);
    for (const gone of result.gone) expect(operationIds).toContain(script.REPLACED_BY[gone]);
    expect(result.added).toEqual(['createCouponsAsynchronously', 'getRulesetV2', 'importLoyaltyJoinDates']);
  });

  it('every function the table names is an operation function exported by talon-fetch/management', async () => {
    const entry = (await import('../../src/management.js')) as Record<string, unknown>;
    const named = [...doc.matchAll(/^\| [^|]+ \| (?:yes|new) \| `(\w+)` \|$/gm)].map((m) => m[1]!);
    expect(named).toHaveLength(186);
    expect(new Set(named)).toEqual(new Set(operationIds));
    expect(named.filter((name) => typeof entry[name] !== 'function')).toEqual([]);
    expect(new Set(Object.keys(entry.operationIds as object))).toEqual(new Set(named));
  });

  it('lists every operation once under a domain, up to date in docs/management.md', () => {
    expect(doc).toBe(script.withDomains(doc, script.renderDomains(operationIds)));
    const listed = script.byDomain(operationIds).flatMap(([, ids]) => ids);
    expect(listed.sort()).toEqual([...operationIds].sort());
  });
});
