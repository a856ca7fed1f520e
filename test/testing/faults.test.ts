/**
 * Faults on demand in the fake (src/testing/faults.ts), in each of the three ways it runs: as the
 * client's `fetch`, behind msw handlers (the client on the global fetch), and behind the loopback
 * server (real sockets on 127.0.0.1). The SDK client sits on top, so every test asserts the error
 * kind a user of the SDK sees, and the fake's record of what was called and injected.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiKey,
  type CallOptions,
  type Client,
  createClient,
  getCustomerSession,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  type FakeFault,
  type FakeTalon,
  fakeTalonHandlers,
  startFakeTalonServer,
} from '../../src/testing/index.js';

const MSW_BASE = 'https://fake.talon.one';
/** Quick retries: ky's backoff is capped to this many ms. */
const FAST = { backoffLimit: 10 } as const;
const WITH_409 = { retry: { ...FAST, statusCodes: [409, 429, 500, 502, 503, 504] } } as const;

interface Mode {
  readonly name: 'fetch' | 'msw' | 'server';
  start(fake: FakeTalon): Promise<{ client: Client<'apiKey'>; stop(): Promise<void> }>;
}

const MODES: readonly Mode[] = [
  {
    name: 'fetch',
    async start(fake) {
      const client = createClient({ baseUrl: MSW_BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch });
      return { client, stop: async () => {} };
    },
  },
  {
    name: 'msw',
    async start(fake) {
      const server = setupServer(...fakeTalonHandlers(fake, MSW_BASE, { http }));
      server.listen({ onUnhandledFrame: 'error' });
      const client = createClient({ baseUrl: MSW_BASE, auth: apiKey(FAKE_API_KEY) });
      return { client, stop: async () => server.close() };
    },
  },
  {
    name: 'server',
    async start(fake) {
      const server = await startFakeTalonServer(fake);
      const client = createClient({ baseUrl: server.url, auth: apiKey(FAKE_API_KEY) });
      return { client, stop: () => server.close() };
    },
  },
];

const cart = (id: string) => ({
  customerSessionId: id,
  body: { customerSession: { profileId: 'ada', cartItems: [{ sku: 'MUG', quantity: 1, price: 10 }] } },
});

describe.each(MODES)('faults, with the fake as $name', (mode) => {
  const fake = createFakeTalon();
  let client: Client<'apiKey'>;
  let stop: () => Promise<void>;
  const put = (id: string, options?: CallOptions) => updateCustomerSessionV2(client, cart(id), options);

  beforeAll(async () => {
    ({ client, stop } = await mode.start(fake));
  });
  afterAll(async () => {
    await stop();
  });
  beforeEach(() => {
    fake.reset();
  });

  it('answers 503 twice, then the retried call succeeds; the record shows both faults', async () => {
    fake.faults.add({ kind: 'status', status: 503, times: 2 });
    const result = await put('s1', { retry: FAST });
    expect(result.ok && result.response.attempts).toBe(3);
    expect(fake.faults.calls.map((c) => [c.operationId, c.method, c.status, c.fault?.kind])).toEqual([
      ['updateCustomerSessionV2', 'PUT', 503, 'status'],
      ['updateCustomerSessionV2', 'PUT', 503, 'status'],
      ['updateCustomerSessionV2', 'PUT', 200, undefined],
    ]);
    expect(fake.faults.injected).toHaveLength(2);
  });

  it('answers 503 until the retries are exhausted: an http error with the Talon.One body', async () => {
    fake.faults.add({ kind: 'status', status: 503 });
    const result = await put('s1', { retry: { ...FAST, limit: 2 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'http', status: 503, attempts: 3 });
    expect(result.error.kind === 'http' && result.error.body).toEqual({
      message: 'Service unavailable',
      errors: [{ title: 'Service unavailable', source: {} }],
      StatusCode: 503,
    });
    expect(fake.state.sessions.has('s1')).toBe(false);
  });

  it('answers 429 with Retry-After (1 s by default), returned as retryAfter', async () => {
    fake.faults.add({ kind: 'status', status: 429 });
    const result = await put('s1', { retry: false });
    expect(!result.ok && result.error).toMatchObject({ kind: 'http', status: 429, retryAfter: 1000 });
    fake.faults.clear();
    fake.faults.add({ kind: 'status', status: 429, retryAfter: 0, times: 1 });
    const retried = await put('s1', { retry: FAST });
    expect(retried.ok && retried.response.attempts).toBe(2);
  });

  it('applies a per-operation rule to that operation only (500 and 502)', async () => {
    fake.faults.add({ kind: 'status', status: 500, operation: 'getCustomerSession' });
    fake.faults.add({ kind: 'status', status: 502, operation: ['updateCustomerProfileV2'], times: 1 });
    expect((await put('s1')).ok).toBe(true);
    const read = await getCustomerSession(client, { customerSessionId: 's1' }, { retry: false });
    expect(!read.ok && read.error).toMatchObject({ kind: 'http', status: 500 });
    const profile = await updateCustomerProfileV2(
      client,
      { integrationId: 'ada', body: { attributes: {} } },
      { retry: false },
    );
    expect(!profile.ok && profile.error).toMatchObject({ kind: 'http', status: 502 });
  });

  it('answers 409 once: retried by default (the parallel limit, with a key), and with the opt-in', async () => {
    fake.faults.add({ kind: 'status', status: 409, times: 1 });
    const plain = await put('s1', { retry: false });
    expect(!plain.ok && plain.error).toMatchObject({ kind: 'http', status: 409, documented: true });
    fake.reset();
    fake.faults.add({ kind: 'status', status: 409, times: 1 });
    const byDefault = await put('s1', { retry: FAST });
    expect(byDefault.ok && byDefault.response.attempts).toBe(2);
    fake.reset();
    fake.faults.add({ kind: 'status', status: 409, times: 1 });
    const retried = await put('s1', WITH_409);
    expect(retried.ok && retried.response.attempts).toBe(2);
  });

  it('fires with a seeded probability: the same seed gives the same faults', async () => {
    const pattern = async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        const result = await put(`p${i}`, { retry: false });
        outcomes.push(result.ok ? 'ok' : String(result.error.kind === 'http' && result.error.status));
      }
      return outcomes.join(' ');
    };
    fake.faults.add({ kind: 'status', status: 500, probability: 0.5 });
    const first = await pattern();
    fake.reset(); // re-seeds the generator; the rule added is gone
    fake.faults.add({ kind: 'status', status: 500, probability: 0.5 });
    expect(await pattern()).toBe(first);
    expect(first).toContain('500');
    expect(first).toContain('ok');
  });

  it('adds latency, fixed or drawn from a range, and records it', async () => {
    fake.faults.add({ kind: 'latency', ms: 20, times: 1 });
    fake.faults.add({ kind: 'latency', ms: [5, 15], skip: 1 });
    expect((await put('s1')).ok).toBe(true);
    expect((await put('s1')).ok).toBe(true);
    const [a, b] = fake.faults.calls;
    expect(a?.latencyMs).toBe(20);
    expect(b?.latencyMs).toBeGreaterThanOrEqual(5);
    expect(b?.latencyMs).toBeLessThanOrEqual(15);
  });

  it('hangs until the caller times out (a timeout error), then until the caller aborts', async () => {
    fake.faults.add({ kind: 'hang', operation: 'getCustomerSession' });
    const timedOut = await getCustomerSession(
      client,
      { customerSessionId: 's1' },
      { timeout: 150, retry: false },
    );
    expect(!timedOut.ok && timedOut.error).toMatchObject({ kind: 'timeout', timeout: 150 });
    const controller = new AbortController();
    const pending = getCustomerSession(client, { customerSessionId: 's1' }, { signal: controller.signal });
    await vi.waitFor(() => expect(fake.faults.calls).toHaveLength(2));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    // Nothing is left waiting in the fake: both hangs ended with the caller.
    await vi.waitFor(() =>
      expect(fake.faults.calls.map((c) => [c.fault?.kind, c.outcome])).toEqual([
        ['hang', 'aborted'],
        ['hang', 'aborted'],
      ]),
    );
  });

  it('drops the connection before the request is handled: a network error, nothing applied', async () => {
    fake.faults.add({ kind: 'drop', times: 1 });
    const result = await put('s1', { retry: false });
    expect(!result.ok && result.error).toMatchObject({ kind: 'network', attempts: 1 });
    expect(fake.state.sessions.has('s1')).toBe(false);
    expect(fake.faults.calls[0]).toMatchObject({ outcome: 'dropped', handled: false, status: undefined });
  });

  it('drops the answer after the request was handled: a network error, the write applied', async () => {
    fake.faults.add({ kind: 'drop', at: 'answer', times: 1 });
    const result = await put('s1', { retry: false });
    expect(!result.ok && result.error).toMatchObject({ kind: 'network' });
    expect(fake.state.sessions.has('s1')).toBe(true);
    expect(fake.faults.calls[0]).toMatchObject({ outcome: 'dropped', handled: true });
  });

  it.each(['headers', 'body'] as const)(
    'drops the connection after the %s: the answer breaks off',
    async (at) => {
      fake.faults.add({ kind: 'drop', at, times: 1 });
      const result = await put('s1', { retry: false });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      // The status arrived; its body did not: an answer the SDK cannot use, or a network error.
      expect(['response', 'network']).toContain(result.error.kind);
      if (result.error.kind === 'response') expect(result.error.problem).toBe('unreadable');
      expect(fake.faults.calls[0]).toMatchObject({ outcome: 'dropped', handled: true, status: 200 });
    },
  );

  // Overlap needs the first write still in flight when the second arrives: every write of the
  // session waits HOLD ms (the lock is taken on arrival, before the latency). The order in which
  // parallel requests reach the server is not fixed, so the tests count outcomes.
  const HOLD = 300;
  const statuses = (results: readonly { ok: boolean; error?: unknown }[]) =>
    results.map((r) => (r.ok ? 200 : (r.error as { status?: number }).status)).sort();

  it('answers 409 to a write that overlaps another on the same session, as the API does', async () => {
    fake.faults.add({ kind: 'conflict' });
    fake.faults.add({ kind: 'latency', ms: HOLD });
    const [first, second, other] = await Promise.all([
      put('c1', { retry: false }),
      put('c1', { retry: false }),
      put('c2', { retry: false }),
    ]);
    expect(other.ok).toBe(true);
    expect(statuses([first, second])).toEqual([200, 409]);
    const refused = [first, second].find((r) => !r.ok);
    expect(refused?.ok === false && refused.error).toMatchObject({
      kind: 'http',
      status: 409,
      documented: true,
      body: { message: 'Too many requests are updating this session at the same time', StatusCode: 409 },
    });
    const conflict = fake.faults.calls.find((c) => c.status === 409);
    expect(conflict).toMatchObject({ fault: { kind: 'conflict' }, handled: false, latencyMs: 0 });
  });

  it('lets the 409 retry serialize overlapping writes, and honours a higher limit', async () => {
    fake.faults.add({ kind: 'conflict' });
    fake.faults.add({ kind: 'latency', ms: HOLD, times: 1 });
    const retry409 = { retry: { ...WITH_409.retry, backoffLimit: HOLD * 2 } };
    const both = await Promise.all([put('c1', retry409), put('c1', retry409)]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    // At least the overlapping one was refused; on a loaded machine a retry can land while the
    // first write is still held and be refused again, so the count is not exact.
    const refused = fake.faults.calls.filter((c) => c.status === 409);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const call of refused) expect(call).toMatchObject({ fault: { kind: 'conflict' }, handled: false });
    fake.reset();
    fake.faults.add({ kind: 'conflict', limit: 2 });
    fake.faults.add({ kind: 'latency', ms: HOLD });
    const three = await Promise.all([
      put('c1', { retry: false }),
      put('c1', { retry: false }),
      put('c1', { retry: false }),
    ]);
    expect(statuses(three)).toEqual([200, 200, 409]);
  });

  it('locks a profile for its writes (updateCustomerProfileV2)', async () => {
    fake.faults.add({ kind: 'conflict' });
    fake.faults.add({ kind: 'latency', ms: HOLD });
    const write = () =>
      updateCustomerProfileV2(client, { integrationId: 'ada', body: { attributes: {} } }, { retry: false });
    expect(statuses(await Promise.all([write(), write()]))).toEqual([200, 409]);
  });
});

describe('fault rules as data', () => {
  it('come from the options, are JSON, survive reset(); rules added later do not', async () => {
    const rules: FakeFault[] = [
      { kind: 'status', status: 502, operation: 'getCustomerSession', times: 1 },
      { kind: 'latency', ms: [1, 3], probability: 0.5 },
      { kind: 'conflict', limit: 3 },
    ];
    const fake = createFakeTalon({ faults: JSON.parse(JSON.stringify(rules)), faultSeed: 7 });
    expect(fake.faults.rules).toEqual(rules);
    fake.faults.add({ kind: 'hang' });
    expect(fake.faults.rules).toHaveLength(4);
    fake.reset();
    expect(fake.faults.rules).toEqual(rules);
    expect(fake.config.faultSeed).toBe(7);
    fake.faults.clear();
    expect(fake.faults.rules).toEqual([]);
  });

  it('refuses a rule that cannot work, naming the problem', () => {
    const fake = createFakeTalon();
    const bad = (rule: unknown) => () => fake.faults.add(rule as FakeFault);
    expect(bad({ kind: 'explode' })).toThrow(/kind must be/);
    expect(bad({ kind: 'status', status: 200 })).toThrow(/4xx or 5xx/);
    expect(bad({ kind: 'status', status: 503, operation: 'updateCustomerSesionV2' })).toThrow(
      /updateCustomerSesionV2 is not an operation/,
    );
    expect(bad({ kind: 'latency', ms: [10, 5] })).toThrow(/ms must be/);
    expect(bad({ kind: 'drop', at: 'later' })).toThrow(/at must be/);
    expect(bad({ kind: 'status', status: 500, probability: 2 })).toThrow(/probability/);
    expect(() => createFakeTalon({ faults: [{ kind: 'conflict', limit: 0 }] })).toThrow(/limit/);
  });

  it('clear() ends a hang that has no signal (as a dropped connection)', async () => {
    const fake = createFakeTalon({ faults: [{ kind: 'hang' }] });
    const pending = fake.fetch('https://fake.talon.one/v1/customer_sessions/x', {
      headers: { authorization: `ApiKey-v1 ${FAKE_API_KEY}` },
    });
    await vi.waitFor(() => expect(fake.faults.calls).toHaveLength(1));
    fake.faults.clear();
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    expect(fake.faults.calls[0]?.outcome).toBe('dropped');
  });
});
