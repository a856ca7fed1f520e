/**
 * docs/reliability.md's classification table is the one scripts/reliability-table.mjs writes
 * from scripts/idempotency.mjs today (run `node scripts/reliability-table.mjs` after changing
 * the table). Reads the spec (TALON_SPEC_DIR, else ../shared/spec) and fails loudly without it.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { idempotency, reliabilityTable } from '../support/idempotency.js';
import { describeWithSpec } from '../support/spec.js';

describeWithSpec('docs/reliability.md classification table', () => {
  const doc = readFileSync(reliabilityTable.DOC, 'utf8');

  it('is in step with scripts/idempotency.mjs', () => {
    const expected = reliabilityTable.splice(doc, reliabilityTable.renderTable());
    expect(doc === expected, 'docs/reliability.md is stale: run node scripts/reliability-table.mjs').toBe(
      true,
    );
  });

  it('lists every operation once', () => {
    for (const id of Object.keys(idempotency.IDEMPOTENCY))
      expect(doc.split(`| \`${id}\` |`).length - 1, id).toBe(1);
  });

  it('fails loudly when the markers are gone', () => {
    expect(() => reliabilityTable.splice('no markers', 'x')).toThrow(/markers/);
  });
});
