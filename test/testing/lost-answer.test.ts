/**
 * Issue #21's proof: a request that Talon.One applied but whose answer was lost (the fake's
 * `drop` fault `at: 'answer'`) never ends in a confident 4xx. With the SDK's defaults (a key per
 * call on the operations that take one), the retry gets the stored answer: the caller sees the
 * success and the effects happen once. Without a key path, the call is not repeated and the error
 * says the request may have been applied.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  type Client,
  createClient,
  getLoyaltyBalances,
  reopenCustomerSession,
  syncCatalog,
  trackEventV3,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_CATALOG_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeTalon,
} from '../../src/testing/index.js';
import { BASE, CART, value } from './support.js';

let fake: FakeTalon;
let talon: Client<'apiKey'>;
/** The Idempotency-Key of every request that reached the fake, in order. */
let keys: (string | null)[];

beforeEach(() => {
  const clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
  keys = [];
  const fetch = (request: Request) => {
    keys.push(request.headers.get('idempotency-key'));
    return fake.fetch(request);
  };
  // The SDK's default retry policy, with short waits.
  talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch, retry: { backoffLimit: 5 } });
});

const close = (id: string, options?: Parameters<typeof updateCustomerSessionV2>[2]) =>
  updateCustomerSessionV2(
    talon,
    {
      customerSessionId: id,
      body: {
        customerSession: { profileId: 'ada', cartItems: CART, state: 'closed' },
        responseContent: ['customerSession'],
      },
    },
    options,
  );

async function points() {
  const balances = value(
    await getLoyaltyBalances(talon, { loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID, integrationId: 'ada' }),
  );
  return balances.balance?.activePoints;
}

const loseTheAnswerOnce = (operation: string) =>
  fake.faults.add({ kind: 'drop', at: 'answer', operation, times: 1 });

describe('a lost answer, with the key the SDK sends by default', () => {
  it('updateCustomerSessionV2 closing an order: the caller gets the success, the points are awarded once', async () => {
    loseTheAnswerOnce('updateCustomerSessionV2');
    const result = await close('o1');
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    expect(result.ok && result.response.attempts).toBe(2);
    expect(result.ok && result.value.customerSession?.state).toBe('closed');
    // Both attempts reached the handler stage; the second was answered from the key store.
    expect(fake.faults.calls.map((c) => [c.operationId, c.outcome])).toEqual([
      ['updateCustomerSessionV2', 'dropped'],
      ['updateCustomerSessionV2', 'answered'],
    ]);
    // One key, shared by both attempts, a UUID.
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await points()).toBe(138);
    expect(fake.state.events.filter((e) => e.type === 'talon_session_updated')).toHaveLength(1);
  });

  it('reopenCustomerSession: the caller gets the success, the session is reopened once', async () => {
    value(await close('o1'));
    expect(await points()).toBe(138);
    loseTheAnswerOnce('reopenCustomerSession');
    const result = await reopenCustomerSession(talon, { customerSessionId: 'o1' });
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    expect(result.ok && result.response.attempts).toBe(2);
    expect(result.ok && result.value.effects.map((e) => e.effectType)).toContain(
      'rollbackAddedLoyaltyPoints',
    );
    expect(fake.state.sessions.get('o1')?.state).toBe('open');
    expect(fake.state.events.filter((e) => e.type === 'talon_session_reopened')).toHaveLength(1);
    expect(await points()).toBe(0);
  });

  it("the caller's own key: sent by every attempt; a second call with it gets the first answer", async () => {
    const idempotencyKey = 'order-o1-close';
    loseTheAnswerOnce('updateCustomerSessionV2');
    const first = await close('o1', { idempotencyKey });
    expect(first.ok && first.response.attempts).toBe(2);
    // A job that restarts and sends the same request again: answered from the store.
    const again = await close('o1', { idempotencyKey });
    expect(again.ok && again.value).toEqual(first.ok && first.value);
    expect(keys).toEqual([idempotencyKey, idempotencyKey, idempotencyKey]);
    expect(await points()).toBe(138);
  });

  it('a bad key is a config error, and nothing is sent', async () => {
    for (const idempotencyKey of ['', 'x'.repeat(256), 'two words', 'line\nbreak']) {
      const result = await close('o1', { idempotencyKey });
      expect(!result.ok && result.error).toMatchObject({ kind: 'config', field: 'options.idempotencyKey' });
    }
    const other = await getLoyaltyBalances(
      talon,
      { loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID, integrationId: 'ada' },
      { idempotencyKey: 'k' },
    );
    expect(!other.ok && other.error).toMatchObject({ kind: 'config', field: 'options.idempotencyKey' });
    expect(keys).toEqual([]);
  });
});

describe('a lost answer without a key path', () => {
  const add = (sku: string) =>
    syncCatalog(talon, {
      catalogId: FAKE_CATALOG_ID,
      body: { actions: [{ type: 'ADD', payload: { sku, price: 10 } }] },
    });

  it('syncCatalog ADD (unsafe, no key): not repeated; the error says it may have been applied, never a 4xx', async () => {
    loseTheAnswerOnce('syncCatalog');
    const result = await add('S-1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'network', attempts: 1, mayHaveBeenApplied: true });
    expect(result.error.message).toMatch(
      /may have been applied .*check Talon\.One's state before sending it again/,
    );
    expect(keys).toEqual([null]);
    // It was applied: a repeat by the caller would have been answered 400.
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.items.has('S-1')).toBe(true);
  });

  it('syncCatalog with an explicit retry.methods (the caller repeats PUTs): the 400 of the repeat says the first may have been applied', async () => {
    loseTheAnswerOnce('syncCatalog');
    const result = await syncCatalog(
      talon,
      {
        catalogId: FAKE_CATALOG_ID,
        body: { actions: [{ type: 'ADD', payload: { sku: 'S-2', price: 10 } }] },
      },
      { retry: { methods: ['PUT'], backoffLimit: 5 } },
    );
    expect(!result.ok && result.error).toMatchObject({
      kind: 'http',
      status: 400,
      attempts: 2,
      mayHaveBeenApplied: true,
    });
    expect(!result.ok && result.error.message).toMatch(/may have been applied/);
  });

  it('an explicit retry.methods keeps the key: a repeated close is still the success', async () => {
    loseTheAnswerOnce('updateCustomerSessionV2');
    const result = await close('o1', { retry: { methods: ['PUT'], backoffLimit: 5 } });
    expect(result.ok && result.response.attempts).toBe(2);
    expect(await points()).toBe(138);
  });

  it('a session call not repeated after an ambiguous failure tells the caller to read the session', async () => {
    fake.faults.add({ kind: 'status', status: 500, operation: 'updateCustomerSessionV2', times: 1 });
    // PUT left out of an explicit retry.methods: the close is not repeated.
    const result = await close('o2', { retry: { methods: ['GET'], backoffLimit: 5 } });
    expect(!result.ok && result.error).toMatchObject({
      kind: 'http',
      status: 500,
      attempts: 1,
      mayHaveBeenApplied: true,
    });
    expect(!result.ok && result.error.message).toMatch(
      /may have been applied \(updateCustomerSessionV2 is not safe to repeat\): read the session with getCustomerSession before sending it again/,
    );
  });

  it('a refusal (429) says nothing was applied, and is retried for an unsafe call too', async () => {
    fake.faults.add({ kind: 'status', status: 429, retryAfter: 0, operation: 'syncCatalog', times: 1 });
    const result = await add('S-3');
    expect(result.ok && result.response.attempts).toBe(2);
    fake.faults.add({ kind: 'status', status: 400, operation: 'syncCatalog', times: 1 });
    const refused = await add('S-4');
    expect(!refused.ok && refused.error).toMatchObject({
      kind: 'http',
      status: 400,
      mayHaveBeenApplied: false,
    });
  });
});

describe('409 by its meaning', () => {
  it('the parallel-request 409 of a keyed call is retried by default', async () => {
    fake.faults.add({ kind: 'status', status: 409, operation: 'updateCustomerSessionV2', times: 2 });
    const result = await close('o1');
    expect(result.ok && result.response.attempts).toBe(3);
    expect(await points()).toBe(138);
  });

  it('an "exists" 409 (trackEventV3) is never retried, even with 409 among the statuses', async () => {
    fake.faults.add({ kind: 'status', status: 409, operation: 'trackEventV3', times: 1 });
    const result = await trackEventV3(
      talon,
      { body: { profileId: 'ada', type: 'viewed', integrationId: 'e1', attributes: {} } },
      { retry: { statusCodes: [409, 429, 500, 502, 503, 504], methods: ['POST'], backoffLimit: 5 } },
    );
    expect(!result.ok && result.error).toMatchObject({ kind: 'http', status: 409, attempts: 1 });
  });
});
