/**
 * Issue codes: read from valibot's issue structure, and what orders a validation error's issues,
 * whatever their messages say.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type CodedIssue, validationError } from '../../src/core/errors.js';
import { issueCode, toIssues } from '../../src/core/issues.js';
import { strict } from '../../src/models/helpers.js';

const Item = strict('Item', {
  sku: v.string(),
  quantity: v.pipe(v.number(), v.minValue(1)),
  note: v.exactOptional(v.string()),
});

const codes = (input: unknown) =>
  toIssues(v.safeParse(Item, input).issues ?? []).map((i) => [i.path, i.code]);

describe('issueCode', () => {
  it('names an unknown key, a missing key, a wrong type and a refused value', () => {
    expect(codes({ SKU: 'a', quantity: 1 })).toEqual([
      ['sku', 'missing_key'],
      ['SKU', 'unknown_key'],
    ]);
    expect(codes({ sku: 1, quantity: 0 })).toEqual([
      ['sku', 'invalid_type'],
      ['quantity', 'invalid_value'],
    ]);
    expect(codes([])).toEqual([['(params)', 'invalid_type']]);
  });

  it('does not read the message', () => {
    const renamed = strict('Renamed', { a: v.string() });
    const [issue] = v.safeParse(renamed, { b: 1, a: 'x' }).issues ?? [];
    expect(issue && issueCode({ ...issue, message: 'is required by Renamed' })).toBe('unknown_key');
  });
});

describe('validationError', () => {
  const issue = (path: string, code: CodedIssue['code'], message: string): CodedIssue => ({
    path,
    message,
    code,
  });

  it('leads with the unknown keys, keeps the order otherwise, and drops the codes', () => {
    const error = validationError(
      'op',
      [
        issue('a', 'missing_key', 'is not a field of X'),
        issue('b', 'invalid_type', 'wrong'),
        issue('c', 'unknown_key', 'an unknown key, in words no rule knows'),
        issue('d', 'unknown_key', 'another'),
      ],
      (text) => text,
    );
    expect(error.issues).toEqual([
      { path: 'c', message: 'an unknown key, in words no rule knows' },
      { path: 'd', message: 'another' },
      { path: 'a', message: 'is not a field of X' },
      { path: 'b', message: 'wrong' },
    ]);
    expect(error.message).toBe(
      'op: invalid params: c: an unknown key, in words no rule knows (and 3 more); nothing was sent',
    );
  });
});
