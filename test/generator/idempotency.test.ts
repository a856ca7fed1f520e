/**
 * scripts/idempotency.mjs against the spec: one entry for exactly every operation (the current
 * Integration release, the three legacy operations, the Management API), each well formed, and
 * every entry that departs from the reviewed method rule (GET, PUT, DELETE safe; POST, PATCH
 * unsafe) saying why. The spec files are read through scripts/spec-files.mjs (../shared/spec, or
 * TALON_SPEC_DIR where it honours it); when they are absent the suite fails, it never passes empty.
 */
import { expect, it } from 'vitest';
import { BODY_RULES } from '../../src/core/idempotency.js';
import { type Entry, idempotency, reliabilityTable } from '../support/idempotency.js';
import {
  describeWithSpec,
  type OpenApi,
  operationsOf,
  type SpecOperation,
  specFiles,
} from '../support/spec.js';

const { CLASSES, INTEGRATION, LEGACY, MANAGEMENT, IDEMPOTENCY, methodRule } = idempotency;

/** The Management file, read the one way (it throws, failing the suite, when the file is absent). */
const managementSpec = () => specFiles.loadSpec(reliabilityTable.MANAGEMENT_FILE) as OpenApi;

const sorted = (names: Iterable<string>) => [...names].sort();

describeWithSpec('the idempotency table', (specs) => {
  const integration = operationsOf(specs.current);
  const legacyAll = operationsOf(specs.legacy);
  const management = operationsOf(managementSpec());
  const legacy = new Map([...legacyAll].filter(([id]) => specs.legacyOperations.includes(id)));
  const all: [string, Entry, SpecOperation][] = [
    ...[...integration].map(([id, op]) => [id, INTEGRATION[id]!, op] as [string, Entry, SpecOperation]),
    ...[...legacy].map(([id, op]) => [id, LEGACY[id]!, op] as [string, Entry, SpecOperation]),
    ...[...management].map(([id, op]) => [id, MANAGEMENT[id]!, op] as [string, Entry, SpecOperation]),
  ];

  it('covers exactly the operations of each API', () => {
    expect(sorted(Object.keys(INTEGRATION))).toEqual(sorted(integration.keys()));
    expect(integration.size).toBe(39);
    expect(sorted(Object.keys(LEGACY))).toEqual(sorted(specs.legacyOperations));
    expect(legacy.size).toBe(3);
    expect(sorted(Object.keys(MANAGEMENT))).toEqual(sorted(management.keys()));
    expect(management.size).toBe(186);
  });

  it('names every operation once across the three APIs', () => {
    const names = [...Object.keys(INTEGRATION), ...Object.keys(LEGACY), ...Object.keys(MANAGEMENT)];
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(IDEMPOTENCY)).toHaveLength(names.length);
  });

  it('gives every entry a known class and the fields its class needs', () => {
    for (const [id, entry] of all) {
      const where = `${id}: ${JSON.stringify(entry)}`;
      expect(Object.keys(CLASSES), where).toContain(entry.class);
      expect(
        Object.keys(entry).every((k) =>
          ['class', 'reason', 'keySince', 'rule', 'conflict', 'repeat404'].includes(k),
        ),
        where,
      ).toBe(true);
      if (entry.class === 'key') expect(entry.keySince, where).toMatch(/^26\.1[35]$/);
      if (entry.class === 'body') expect(Object.keys(BODY_RULES), where).toContain(entry.rule);
      else expect(entry.rule, where).toBeUndefined();
      if (entry.keySince !== undefined) expect(['key', 'body'], where).toContain(entry.class);
      if (entry.repeat404) expect(entry.class, where).toBe('safe');
    }
  });

  it('says why wherever an entry departs from the method rule', () => {
    const departures: string[] = [];
    for (const [id, entry, op] of all) {
      if (entry.class === methodRule(op.method)) continue;
      departures.push(id);
      expect(entry.reason, `${id} (${op.method}, ${entry.class}) needs a reason`).toMatch(/\w{3,}/);
    }
    // The rule is a rule: most operations follow it.
    expect(departures.length).toBeLessThan(all.length / 5);
  });

  it('marks the key operations the spec and its later releases document', () => {
    const keyed = all.filter(([, e]) => e.keySince !== undefined).map(([id]) => id);
    expect(sorted(keyed)).toEqual(
      sorted([
        'returnCartItems',
        'reopenCustomerSession',
        'trackEventV2',
        'updateCustomerProfileV2',
        'updateCustomerProfilesV2',
        'updateCustomerSessionV2',
      ]),
    );
    // 26.13 documents the header in the text of exactly the operations marked 26.13.
    const documented = [...integration]
      .filter(([, op]) => /Idempotency-Key/.test(JSON.stringify(op.op)))
      .map(([id]) => id);
    const since2613 = all.filter(([, e]) => e.keySince === '26.13').map(([id]) => id);
    expect(sorted(since2613)).toEqual(sorted(documented));
  });

  it('gives every documented 409 its meaning, parallel only where the limit applies', () => {
    for (const [id, entry, op] of all) {
      const has409 = Object.hasOwn(op.op.responses ?? {}, '409');
      expect(entry.conflict !== undefined, `${id}: documents a 409? ${has409}`).toBe(has409);
      if (entry.conflict === 'parallel') {
        expect(entry.keySince, id).toBeDefined();
        const text = JSON.stringify(op.op.responses?.['409']);
        expect(text, id).toMatch(/parallel/i);
      }
    }
    const parallel = all.filter(([, e]) => e.conflict === 'parallel').map(([id]) => id);
    expect(sorted(parallel)).toEqual(
      sorted(['trackEventV2', 'updateCustomerProfileV2', 'updateCustomerSessionV2']),
    );
  });

  it('says of every safe DELETE of one resource that a repeat may answer 404', () => {
    for (const [id, entry, op] of all) {
      // A DELETE whose path ends in an id deletes that resource, unless its reason says otherwise.
      if (op.method === 'DELETE' && entry.class === 'safe' && !entry.reason)
        expect(entry.repeat404 === true, `${id} ${op.path}`).toBe(/\}$/.test(op.path));
    }
  });

  it('keeps the cases the issue names where it puts them', () => {
    const cls = (id: string) => IDEMPOTENCY[id]?.class;
    for (const id of ['syncCatalog', 'addLoyaltyPoints', 'removeLoyaltyPoints', 'addLoyaltyCardPoints'])
      expect(cls(id), id).toBe('unsafe');
    for (const id of ['createCoupons', 'createCouponsAsynchronously', 'importCoupons', 'importLoyaltyPoints'])
      expect(cls(id), id).toBe('unsafe');
    for (const id of [
      'searchCouponsAdvancedWithoutTotalCount',
      'getCustomersByAttributes',
      'getCampaignByAttributes',
    ])
      expect(cls(id), id).toBe('safe');
    expect(cls('updateCustomerSessionV2')).toBe('body');
    expect(cls('reopenCustomerSession')).toBe('key');
  });
});
