/**
 * Coverage: the operations of the contract (every operationId of CURRENT, plus LEGACY_OPERATIONS
 * from LEGACY, as scripts/spec-files.mjs names them) are exactly the operations the SDK exports:
 * the `operationIds` table and the functions of src/index.ts; and every operationId of MANAGEMENT
 * is exactly what src/management.ts (`talon-fetch/management`) exports. A spec operation the SDK
 * lacks fails naming it, its method and path, and its file; an SDK function the contract does not
 * list fails too.
 */
import { expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as management from '../../src/management.js';
import { describeWithSpec, type OpenApi, operationsOf } from '../support/spec.js';

/** What the SDK offers: its `operationIds` table and the function each names. */
export interface SdkSurface {
  readonly operationIds: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, unknown>>;
  /** The entry's source file, as messages name it (default src/index.ts). */
  readonly entry?: string;
}

/**
 * The differences between the contract and the SDK, one sentence each (empty when they agree):
 * spec operations the SDK does not export (as a function, and in `operationIds`), and SDK
 * operations the contract does not list.
 */
export function compareCoverage(
  current: { readonly spec: OpenApi; readonly file: string },
  legacy: { readonly spec: OpenApi; readonly file: string; readonly operations: readonly string[] },
  surface: SdkSurface,
): string[] {
  const problems: string[] = [];
  const wanted = new Map<string, string>();
  for (const [id, found] of operationsOf(current.spec))
    wanted.set(id, `${found.method} ${found.path}, in ${current.file}`);
  const legacyOps = operationsOf(legacy.spec);
  for (const id of legacy.operations) {
    const found = legacyOps.get(id);
    if (!found) problems.push(`LEGACY_OPERATIONS names ${id}, which is not an operation of ${legacy.file}`);
    else wanted.set(id, `${found.method} ${found.path}, in ${legacy.file}`);
  }
  for (const [id, where] of [...wanted].sort()) {
    if (typeof surface.exports[id] !== 'function') problems.push(`the SDK does not export ${id} (${where})`);
    else if (!(id in surface.operationIds)) problems.push(`operationIds does not list ${id} (${where})`);
  }
  for (const id of Object.keys(surface.operationIds).sort()) {
    if (!wanted.has(id))
      problems.push(`the SDK exports ${id}, which is neither in ${current.file} nor a legacy operation`);
    if (typeof surface.exports[id] !== 'function')
      problems.push(
        `operationIds lists ${id} but ${surface.entry ?? 'src/index.ts'} exports no such function`,
      );
    const release = surface.operationIds[id];
    const expected = legacy.operations.includes(id) ? '2021' : 'current';
    if (wanted.has(id) && release !== expected)
      problems.push(`operationIds says ${id} is '${release}', expected '${expected}'`);
  }
  return problems;
}

const surface: SdkSurface = {
  operationIds: sdk.operationIds,
  exports: sdk as unknown as Record<string, unknown>,
};

describeWithSpec('coverage: the SDK exports every operation of the contract, and only those', (specs) => {
  const current = { spec: specs.current, file: specs.files.current };
  const legacy = { spec: specs.legacy, file: specs.files.legacy, operations: specs.legacyOperations };

  it('spec operations (current + legacy) = operationIds = the exported operation functions', () => {
    expect(compareCoverage(current, legacy, surface)).toEqual([]);
    const expected = [...operationsOf(specs.current).keys(), ...specs.legacyOperations].sort();
    expect(Object.keys(sdk.operationIds).sort()).toEqual(expected);
    expect(expected).toHaveLength(42);
  });

  it('a spec operation missing from the SDK fails, naming it, its method, path and file', () => {
    const spec = structuredClone(specs.current) as OpenApi & {
      paths: Record<string, Record<string, unknown>>;
    };
    spec.paths['/v1/foo'] = {
      post: { operationId: 'getFooBar', responses: { '200': { description: 'ok' } } },
    };
    expect(compareCoverage({ spec, file: specs.files.current }, legacy, surface)).toEqual([
      `the SDK does not export getFooBar (POST /v1/foo, in ${specs.files.current})`,
    ]);
  });

  it('an operation the contract no longer lists, or an operationIds entry without its function, fails too', () => {
    const spec = structuredClone(specs.current) as OpenApi & { paths: Record<string, unknown> };
    delete spec.paths['/v3/events/{integrationId}'];
    expect(compareCoverage({ spec, file: specs.files.current }, legacy, surface)).toEqual([
      `the SDK exports getEventV3, which is neither in ${specs.files.current} nor a legacy operation`,
    ]);
    const withGhost: SdkSurface = {
      ...surface,
      operationIds: { ...surface.operationIds, ghostOp: 'current' },
    };
    expect(compareCoverage(current, legacy, withGhost)).toEqual([
      `the SDK exports ghostOp, which is neither in ${specs.files.current} nor a legacy operation`,
      'operationIds lists ghostOp but src/index.ts exports no such function',
    ]);
  });
});

describeWithSpec(
  'coverage: talon-fetch/management exports every Management operation, and only those',
  (specs) => {
    const spec = { spec: specs.management, file: specs.files.management };
    const none = { spec: specs.management, file: specs.files.management, operations: [] };
    const surface: SdkSurface = {
      operationIds: management.operationIds,
      exports: management as unknown as Record<string, unknown>,
      entry: 'src/management.ts',
    };

    it('spec operations = operationIds = the exported operation functions (186)', () => {
      expect(compareCoverage(spec, none, surface)).toEqual([]);
      expect(Object.keys(management.operationIds).sort()).toEqual(
        [...operationsOf(specs.management).keys()].sort(),
      );
      expect(Object.keys(management.operationIds)).toHaveLength(186);
    });

    it('no Integration operation is exported by the Management entry, nor the reverse', () => {
      const integration = Object.keys(sdk.operationIds);
      expect(integration.filter((id) => id in management)).toEqual([]);
      expect(Object.keys(management.operationIds).filter((id) => id in sdk)).toEqual([]);
    });

    it('a missing Management operation and a stray export fail, naming the entry', () => {
      const ghost: SdkSurface = { ...surface, operationIds: { ...surface.operationIds, ghostOp: 'current' } };
      expect(compareCoverage(spec, none, ghost)).toEqual([
        `the SDK exports ghostOp, which is neither in ${specs.files.management} nor a legacy operation`,
        'operationIds lists ghostOp but src/management.ts exports no such function',
      ]);
      const { getLoyaltyCard: _, ...rest } = surface.exports;
      expect(compareCoverage(spec, none, { ...surface, exports: rest })).toEqual([
        `the SDK does not export getLoyaltyCard (GET /v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}, in ${specs.files.management})`,
        'operationIds lists getLoyaltyCard but src/management.ts exports no such function',
      ]);
    });
  },
);
