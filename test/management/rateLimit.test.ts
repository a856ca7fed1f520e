/**
 * The opt-in rate limit through real calls: the transport asks `client.rateLimit` for a slot once
 * per call, before sending. Fake timers: the spacing is measured on the fake clock at the moment
 * each request reaches the mock server, and no real time passes.
 */
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { perEndpoint, type RateLimiter } from '../../src/management/rateLimit.js';
import { send } from '../../src/management/send.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { addLoyaltyPoints, admin, getLoyaltyCard } from './ops.js';

const { server, seen } = useMockServer();

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const POINTS = `${BASE_URL}/v1/loyalty_programs/14/profile/:integrationId/add_points`;
const points = (integrationId: string) => ({ loyaltyProgramId: 14, integrationId, body: { points: 10 } });

/** Records, per request, the fake time (ms after `start`) at which it reached the server. */
function arrivals(start: number) {
  const at: Record<string, number> = {};
  server.use(
    http.put(POINTS, ({ params }) => {
      at[String(params.integrationId)] = Date.now() - start;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return at;
}

describe('rateLimit through the transport', () => {
  it('6 calls of one operation at 3/s reach the server at 0, 333, 667, 1000, 1333, 1667 ms', async () => {
    const client = admin({ rateLimit: perEndpoint({ perSecond: 3 }) });
    const start = Date.now();
    const at = arrivals(start);
    const calls = Promise.all(
      ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((id) => send(client, addLoyaltyPoints, points(id))),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    const results = await calls;
    expect(results.every((r) => r.ok)).toBe(true);
    expect([0, 1, 2, 3, 4, 5].map((i) => at[`p${i}`])).toEqual([0, 333, 667, 1000, 1333, 1667]);
    expect(seen).toHaveLength(6);
  });

  it('without a rateLimit the same 6 calls all start at once', async () => {
    const start = Date.now();
    const at = arrivals(start);
    const client = admin();
    const calls = Promise.all(
      ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((id) => send(client, addLoyaltyPoints, points(id))),
    );
    await vi.advanceTimersByTimeAsync(100);
    await calls;
    expect(Object.values(at)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('operations do not wait for each other', async () => {
    const client = admin({ rateLimit: perEndpoint({ perSecond: 1 }) });
    const start = Date.now();
    const at = arrivals(start);
    server.use(
      http.get(`${BASE_URL}/v1/loyalty_programs/14/cards/:id`, ({ params }) => {
        at[`card-${params.id}`] = Date.now() - start;
        return HttpResponse.json({ id: 1, identifier: String(params.id) });
      }),
    );
    const calls = Promise.all([
      send(client, addLoyaltyPoints, points('a')),
      send(client, addLoyaltyPoints, points('b')),
      send(client, getLoyaltyCard, { loyaltyProgramId: 14, loyaltyCardId: 'c' }),
    ]);
    await vi.advanceTimersByTimeAsync(3_000);
    await calls;
    expect(at).toEqual({ a: 0, b: 1000, 'card-c': 0 });
  });

  it('asks once per call: a retried call takes one slot, whatever its attempts', async () => {
    const asked: string[] = [];
    const limiter: RateLimiter = {
      wait: (operation) => {
        asked.push(operation);
        return Promise.resolve(true);
      },
    };
    let calls = 0;
    server.use(
      http.put(POINTS, () => {
        calls += 1;
        return calls < 3 ? new HttpResponse(null, { status: 503 }) : new HttpResponse(null, { status: 204 });
      }),
    );
    const client = admin({ rateLimit: limiter, retry: { limit: 3, backoffLimit: 10 } });
    const call = send(client, addLoyaltyPoints, points('r'));
    await vi.advanceTimersByTimeAsync(1_000);
    const result = await call;
    expect(result).toMatchObject({ ok: true, response: { attempts: 3 } });
    expect(asked).toEqual(['addLoyaltyPoints']);
  });

  it('a call aborted while it waits for its slot ends aborted, nothing sent; the next moves up', async () => {
    const client = admin({ rateLimit: perEndpoint({ perSecond: 1 }) });
    const start = Date.now();
    const at = arrivals(start);
    const controller = new AbortController();
    const first = send(client, addLoyaltyPoints, points('first'));
    const waiting = send(client, addLoyaltyPoints, points('waiting'), { signal: controller.signal });
    const third = send(client, addLoyaltyPoints, points('third'));
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await waiting).toMatchObject({
      ok: false,
      error: { kind: 'aborted', operation: 'addLoyaltyPoints' },
    });
    expect((await first).ok && (await third).ok).toBe(true);
    expect(at).toEqual({ first: 0, third: 1000 });
    expect(seen.map((r) => r.url.pathname.split('/')[5])).toEqual(['first', 'third']);
  });

  it('validation errors take no slot: nothing is asked for a call that cannot be sent', async () => {
    const asked: string[] = [];
    const limiter: RateLimiter = {
      wait: (op) => {
        asked.push(op);
        return Promise.resolve(true);
      },
    };
    const result = await send(admin({ rateLimit: limiter }), addLoyaltyPoints, { loyaltyProgramId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(asked).toEqual([]);
    expect(seen).toHaveLength(0);
  });
});
