import { describe, expect, it } from 'vitest';
import {
  BODY_RULES,
  type Idempotency,
  idempotencyKeyProblem,
  newIdempotencyKey,
  repeatable,
  retriesConflict,
  takesKey,
} from '../../src/core/idempotency.js';
import { idempotency } from '../support/idempotency.js';

const entry = (id: string): Idempotency => {
  const found = idempotency.IDEMPOTENCY[id];
  if (!found) throw new Error(`${id} is not in scripts/idempotency.mjs`);
  return found;
};
const session = (state?: string, extra: Record<string, unknown> = {}) => ({
  customerSessionId: 'o1',
  ...extra,
  body: { customerSession: { profileId: 'ada', ...(state === undefined ? {} : { state }) } },
});
const legacySession = (state?: string, extra: Record<string, unknown> = {}) => ({
  customerSessionId: 'o1',
  ...extra,
  body: { profileId: 'ada', ...(state === undefined ? {} : { state }) },
});

describe('BODY_RULES.sessionStaysOpen (updateCustomerSessionV2)', () => {
  const rule = BODY_RULES.sessionStaysOpen;
  it('is safe while the session stays open', () => {
    expect(rule(session())).toBe(true);
    expect(rule(session('open'))).toBe(true);
  });
  it.each(['closed', 'cancelled', 'partially_returned', 'something-new'])(
    'is unsafe moving it to %s',
    (state) => {
      expect(rule(session(state))).toBe(false);
    },
  );
  it('is safe for any state in a dry run, which persists nothing', () => {
    expect(rule(session('closed', { dry: true }))).toBe(true);
    expect(rule(session('closed', { dry: false }))).toBe(false);
  });
  it('is unsafe for params it cannot read', () => {
    for (const params of [
      undefined,
      null,
      'x',
      {},
      { body: null },
      { body: {} },
      { body: { customerSession: 1 } },
    ])
      expect(rule(params), JSON.stringify(params)).toBe(false);
  });
});

describe('BODY_RULES.legacySessionStaysOpen (updateCustomerSession, 2021)', () => {
  const rule = BODY_RULES.legacySessionStaysOpen;
  it('reads the state from the body itself', () => {
    expect(rule(legacySession())).toBe(true);
    expect(rule(legacySession('open'))).toBe(true);
    expect(rule(legacySession('closed'))).toBe(false);
    expect(rule(legacySession('cancelled'))).toBe(false);
    expect(rule(legacySession('closed', { dry: true }))).toBe(true);
    expect(rule(session('open'))).toBe(true); // no `state` in its body: stays as it is
    expect(rule(null)).toBe(false);
  });
});

describe('repeatable', () => {
  it('repeats a safe operation, keyed or not', () => {
    expect(repeatable(entry('getCustomerSession'), {}, false)).toBe(true);
    expect(repeatable(entry('deleteAudienceV2'), {}, true)).toBe(true);
  });
  it('never repeats an unsafe one, even with a key', () => {
    expect(repeatable(entry('syncCatalog'), {}, false)).toBe(false);
    expect(repeatable(entry('syncCatalog'), {}, true)).toBe(false);
    expect(repeatable(entry('addLoyaltyPoints'), {}, true)).toBe(false);
  });
  it('repeats a key operation only when the call carries a key', () => {
    for (const id of [
      'reopenCustomerSession',
      'returnCartItems',
      'trackEventV2',
      'updateCustomerProfileV2',
    ]) {
      expect(repeatable(entry(id), {}, false), id).toBe(false);
      expect(repeatable(entry(id), {}, true), id).toBe(true);
    }
  });
  it('asks the rule for a body operation without a key; with a key it is always safe', () => {
    const op = entry('updateCustomerSessionV2');
    expect(repeatable(op, session('open'), false)).toBe(true);
    expect(repeatable(op, session('closed'), false)).toBe(false);
    expect(repeatable(op, session('closed'), true)).toBe(true);
    const legacy = entry('updateCustomerSession');
    expect(repeatable(legacy, legacySession('closed'), false)).toBe(false);
    // No key for the legacy operation: a key the call carries changes nothing.
    expect(repeatable(legacy, legacySession('closed'), true)).toBe(false);
    expect(repeatable(legacy, legacySession('open'), false)).toBe(true);
  });
  it('answers false for what it does not know', () => {
    expect(repeatable({ class: 'body' }, session('open'), false)).toBe(false);
    expect(repeatable({ class: 'other' } as unknown as Idempotency, {}, true)).toBe(false);
    expect(repeatable({ class: 'key' }, {}, true)).toBe(false); // a key the API does not honour
  });
});

describe('retriesConflict (409)', () => {
  it('retries the parallel-request limit only with a key', () => {
    for (const id of ['updateCustomerSessionV2', 'updateCustomerProfileV2', 'trackEventV2']) {
      expect(retriesConflict(entry(id), true), id).toBe(true);
      expect(retriesConflict(entry(id), false), id).toBe(false);
    }
  });
  it('never retries "already exists"', () => {
    for (const id of ['trackEventV3', 'createAudienceV2', 'createStore']) {
      expect(retriesConflict(entry(id), true), id).toBe(false);
      expect(retriesConflict(entry(id), false), id).toBe(false);
    }
    expect(retriesConflict(entry('getCustomerSession'), true)).toBe(false);
  });
});

describe('keys', () => {
  it('are sent where Talon.One honours them', () => {
    expect(takesKey(entry('updateCustomerSessionV2'))).toBe(true);
    expect(takesKey(entry('returnCartItems'))).toBe(true);
    expect(takesKey(entry('updateCustomerSession'))).toBe(false);
    expect(takesKey(entry('syncCatalog'))).toBe(false);
  });
  it('made by the SDK are UUIDs, a new one each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
    expect(idempotencyKeyProblem(a)).toBeUndefined();
  });
  it('given by the caller are 1 to 255 visible ASCII characters', () => {
    expect(idempotencyKeyProblem('order-42/close')).toBeUndefined();
    expect(idempotencyKeyProblem('k'.repeat(255))).toBeUndefined();
    expect(idempotencyKeyProblem('k'.repeat(256))).toMatch(/1 to 255/);
    expect(idempotencyKeyProblem('')).toMatch(/1 to 255/);
    expect(idempotencyKeyProblem('a b')).toMatch(/visible ASCII/);
    expect(idempotencyKeyProblem('a\r\nb')).toMatch(/visible ASCII/);
    expect(idempotencyKeyProblem('clé')).toMatch(/visible ASCII/);
    expect(idempotencyKeyProblem(42)).toMatch(/string/);
  });
});
