/**
 * The opt-in rate limiter, measured with fake timers: when each call gets its slot. No real time
 * passes in these tests.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { createClient as createIntegrationClient, TalonConfigError } from '../../src/client.js';
import { createClient } from '../../src/management/client.js';
import { managementKey } from '../../src/management/managementKey.js';
import { perEndpoint, type RateLimiter } from '../../src/management/rateLimit.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` waits for `operation` at once; records when (ms after the first) each was granted. */
function queue(
  limiter: RateLimiter,
  operation: string,
  count: number,
  signals: (AbortSignal | undefined)[] = [],
) {
  const start = Date.now();
  const starts: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  const outcomes = Array.from({ length: count }, (_, i) =>
    limiter.wait(operation, signals[i]).then((granted) => {
      starts[i] = Date.now() - start;
      return granted;
    }),
  );
  return { starts, outcomes: Promise.all(outcomes) };
}

describe('perEndpoint', () => {
  it('spaces 10 calls at 3/s to one operation at 0, 333, 667, 1000 ... ms, first come first served', async () => {
    const limiter = perEndpoint({ perSecond: 3 });
    const { starts, outcomes } = queue(limiter, 'addLoyaltyPoints', 10);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcomes).toEqual(Array(10).fill(true));
    expect(starts).toEqual([0, 333, 667, 1000, 1333, 1667, 2000, 2333, 2667, 3000]);
    // Never more than 3 starts in any window of one second.
    for (let i = 3; i < starts.length; i++) expect(starts[i]! - starts[i - 3]!).toBeGreaterThanOrEqual(1000);
  });

  it('grants nothing early: at 332 ms only the first call has started', async () => {
    const { starts } = queue(perEndpoint({ perSecond: 3 }), 'op', 3);
    await vi.advanceTimersByTimeAsync(332);
    expect(starts).toEqual([0, undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([0, 333, undefined]);
  });

  it('keeps operations apart: two operations do not wait for each other', async () => {
    const limiter = perEndpoint({ perSecond: 2 });
    const a = queue(limiter, 'getLoyaltyCard', 3);
    const b = queue(limiter, 'getCampaigns', 3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(a.starts).toEqual([0, 500, 1000]);
    expect(b.starts).toEqual([0, 500, 1000]);
  });

  it('lets a call through at once after the operation sat idle, then spaces again from there', async () => {
    const limiter = perEndpoint({ perSecond: 4 });
    const first = queue(limiter, 'op', 2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.starts).toEqual([0, 250]);
    const later = queue(limiter, 'op', 3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(later.starts).toEqual([0, 250, 500]);
  });

  it('a call that arrives while a slot is still closed waits only for that slot', async () => {
    const limiter = perEndpoint({ perSecond: 1 });
    const first = queue(limiter, 'op', 1);
    await vi.advanceTimersByTimeAsync(400);
    const second = queue(limiter, 'op', 1);
    await vi.advanceTimersByTimeAsync(599);
    expect(second.starts).toEqual([undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.starts).toEqual([0]);
    expect(second.starts).toEqual([600]);
  });

  it('an abort while queued resolves false at once; the calls behind move up', async () => {
    const limiter = perEndpoint({ perSecond: 2 });
    const controller = new AbortController();
    const { starts, outcomes } = queue(limiter, 'op', 4, [undefined, controller.signal]);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([0, 100, undefined, undefined]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await outcomes).toEqual([true, false, true, true]);
    expect(starts).toEqual([0, 100, 500, 1000]);
  });

  it('aborting every queued call leaves no timer behind', async () => {
    const limiter = perEndpoint({ perSecond: 1 });
    await limiter.wait('op');
    const controller = new AbortController();
    const waiting = limiter.wait('op', controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already aborted signal resolves false without taking a slot', async () => {
    const limiter = perEndpoint({ perSecond: 1 });
    expect(await limiter.wait('op', AbortSignal.abort())).toBe(false);
    expect(await limiter.wait('op')).toBe(true);
  });

  it('spaces fractional rates: 0.5/s is one call every two seconds', async () => {
    const { starts } = queue(perEndpoint({ perSecond: 0.5 }), 'op', 3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(starts).toEqual([0, 2000, 4000]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '3', undefined])(
    'perSecond %s gives a limiter createClient refuses, never a throw',
    (perSecond) => {
      const limiter = perEndpoint({ perSecond } as unknown as { perSecond: number });
      expect(limiter.problem).toMatch(/positive number/);
      expect(() =>
        createClient({ baseUrl: 'https://x.talon.one', auth: managementKey('m'), rateLimit: limiter }),
      ).toThrow(/invalid client config: rateLimit is unusable: perEndpoint/);
    },
  );
  it('perEndpoint without options does not throw', () => {
    expect((perEndpoint as unknown as () => RateLimiter)().problem).toBeDefined();
  });
});

describe('the rateLimit client option', () => {
  it('is held by the client as given (undefined by default)', () => {
    const limiter = perEndpoint({ perSecond: 3 });
    expect(
      createClient({ baseUrl: 'https://x.talon.one', auth: managementKey('m'), rateLimit: limiter })
        .rateLimit,
    ).toBe(limiter);
    expect(
      createClient({ baseUrl: 'https://x.talon.one', auth: managementKey('m') }).rateLimit,
    ).toBeUndefined();
  });

  it('is a Management option only: the Integration client has none (its calls never wait for a slot)', () => {
    const client = createIntegrationClient({ baseUrl: 'https://x.talon.one', auth: apiKey('k') });
    expect('rateLimit' in client).toBe(false);
  });

  it('accepts a custom limiter object', () => {
    const custom: RateLimiter = { wait: async () => true };
    expect(
      createClient({ baseUrl: 'https://x.talon.one', auth: managementKey('m'), rateLimit: custom }).rateLimit,
    ).toBe(custom);
  });

  it.each([[3], ['fast'], [{}], [{ wait: 1 }], [null]])(
    'refuses %j with a TalonConfigError naming rateLimit',
    (value) => {
      let error: unknown;
      try {
        createClient({
          baseUrl: 'https://x.talon.one',
          auth: managementKey('m'),
          rateLimit: value as unknown as RateLimiter,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TalonConfigError);
      expect((error as TalonConfigError).field).toBe('rateLimit');
      expect((error as Error).message).toMatch(/rateLimit must be a rate limiter such as perEndpoint/);
    },
  );
});
