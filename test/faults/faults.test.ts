/**
 * The SDK against a real, misbehaving HTTP server on 127.0.0.1. Every fault mode gets the exact
 * Result it must produce (kind, status, attempts) and a bound on elapsed time derived from the
 * timeouts and backoff configured here (small, so the file runs in seconds). After every test:
 * no unhandled rejection, no socket left open on either side, no timer left running.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../src/client.js';
import type { Operation } from '../../src/core/operation.js';
import type { CallOptions } from '../../src/core/options.js';
import { send } from '../../src/core/request.js';
import { apiKey, createClient } from '../../src/index.js';
import { createThing, fetchThing } from './ops.js';
import { apiError, type FaultServer, HUGE_BYTES, startFaultServer, thing } from './server.js';
import { rejectionGuard, trackHandles } from './support.js';

/** Per-attempt timeout (headers, and again for the body). */
const TIMEOUT = 300;
/** Upper bound of one backoff delay: ky's first delay is 300 ms, so every backoff is exactly this (jitter ±20 % is capped). */
const BACKOFF = 40;
/** Scheduling slack allowed on top of a computed bound (2 shared cores, a test runner next door). */
const SLACK = 1000;
const KEY = 'fault-canary-0f1e2d3c4b5a69788796a5b4c3d2e1f0';

let server: FaultServer;
let other: FaultServer;
const guard = rejectionGuard();

beforeAll(async () => {
  guard.install();
  server = await startFaultServer();
  other = await startFaultServer();
  server.redirectTarget = other.url;
});

afterEach(() => {
  server.reset();
  other.reset();
});

afterAll(async () => {
  guard.check();
  guard.uninstall();
  await server.close();
  await other.close();
  expect(server.openSockets()).toBe(0);
  expect(await server.connections()).toBe(0);
  expect(await other.connections()).toBe(0);
});

/**
 * Wraps a test body: afterwards, no unhandled rejection happened, the server has no socket
 * left once idle keep-alive connections are closed (a socket still busy — a body the SDK should
 * have stopped reading, a request it should have aborted — would stay), and every timer and
 * socket created during the test is gone.
 */
function leakFree<A extends unknown[]>(body: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    const handles = trackHandles();
    await body(...args);
    guard.check();
    expect(await server.settle(3000)).toBe(0);
    expect(await other.settle(3000)).toBe(0);
    expect(await handles.leftover()).toEqual([]);
  };
}

function clientFor(mode: string, extra: Record<string, unknown> = {}): Client {
  return createClient({
    baseUrl: server.base(mode),
    auth: apiKey(KEY),
    timeout: TIMEOUT,
    totalTimeout: 10_000,
    retry: { backoffLimit: BACKOFF },
    ...extra,
  });
}

async function timed<T, E extends Record<number, unknown>>(
  client: Client,
  op: Operation<T, E>,
  params: unknown,
  options?: CallOptions,
) {
  const started = performance.now();
  const result = await send(client, op, params, options);
  return { result, ms: performance.now() - started };
}

const get = (mode: string, options?: CallOptions, extra?: Record<string, unknown>) =>
  timed(clientFor(mode, extra), fetchThing, { thingId: 'thing-1' }, options);

/** Resolves once the server has seen the client hang up on `mode` (or after `ms`). */
async function hungUp(mode: string, ms = 2000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!server.stats(mode).clientHungUp && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return server.stats(mode).clientHungUp;
}

describe('connection resets', () => {
  it(
    'reset before the response: a network error, GET retried to the limit (3 attempts)',
    leakFree(async () => {
      const { result, ms } = await get('reset-before');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'network', operation: 'fetchThing', attempts: 3 }),
      });
      if (!result.ok) expect(result.error.message).toMatch(/ECONNRESET|socket|terminated|fetch failed/i);
      expect(server.stats('reset-before').hits).toBe(3);
      expect(ms).toBeGreaterThanOrEqual(2 * BACKOFF - 5);
      expect(ms).toBeLessThan(2 * BACKOFF + SLACK);
    }),
  );

  it(
    'reset before the response with retry: false: one attempt',
    leakFree(async () => {
      const { result, ms } = await get('reset-before', { retry: false });
      expect(result).toMatchObject({ ok: false, error: { kind: 'network', attempts: 1 } });
      expect(server.stats('reset-before').hits).toBe(1);
      expect(ms).toBeLessThan(SLACK);
    }),
  );

  it(
    'reset in the middle of a 200 body: a response error (unreadable), not retried',
    leakFree(async () => {
      const { result, ms } = await get('reset-mid-body');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'response', problem: 'unreadable', status: 200 }),
      });
      expect(server.stats('reset-mid-body').hits).toBe(1);
      expect(ms).toBeLessThan(TIMEOUT + SLACK);
    }),
  );

  it(
    'reset in the middle of a 503 body: still the 503, retried (3 attempts), body dropped',
    leakFree(async () => {
      const { result, ms } = await get('reset-mid-error-body');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 503, attempts: 3, documented: false, body: undefined },
      });
      expect(server.stats('reset-mid-error-body').hits).toBe(3);
      expect(ms).toBeLessThan(2 * BACKOFF + SLACK);
    }),
  );
});

describe('slow servers', () => {
  it(
    'headers slower than the timeout: a timeout error after one attempt (timeouts are not retried)',
    leakFree(async () => {
      const { result, ms } = await get('slow-headers');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'timeout', timeout: TIMEOUT, attempts: 1 }),
      });
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 5);
      expect(ms).toBeLessThan(TIMEOUT + SLACK);
      expect(await hungUp('slow-headers')).toBe(true);
      expect(server.stats('slow-headers').hits).toBe(1);
    }),
  );

  it(
    'headers slower than the timeout with retryOnTimeout: 3 attempts of TIMEOUT each',
    leakFree(async () => {
      const { result, ms } = await get('slow-headers', {
        retry: { retryOnTimeout: true, backoffLimit: BACKOFF },
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', timeout: TIMEOUT, attempts: 3 } });
      expect(server.stats('slow-headers').hits).toBe(3);
      expect(ms).toBeGreaterThanOrEqual(3 * TIMEOUT + 2 * BACKOFF - 5);
      expect(ms).toBeLessThan(3 * TIMEOUT + 2 * BACKOFF + SLACK);
    }),
  );

  it(
    'totalTimeout cuts the retries short: a timeout error naming totalTimeout',
    leakFree(async () => {
      const total = 500;
      const { result, ms } = await get('slow-headers', {
        totalTimeout: total,
        retry: { retryOnTimeout: true, backoffLimit: BACKOFF },
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', timeout: total, attempts: 2 } });
      expect(ms).toBeGreaterThanOrEqual(total - 5);
      expect(ms).toBeLessThan(total + SLACK);
    }),
  );

  it(
    'a body that trickles past the timeout: a timeout error, and the SDK hangs up',
    leakFree(async () => {
      const { result, ms } = await get('trickle-body');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'timeout', timeout: TIMEOUT, attempts: 1 }),
      });
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 5);
      expect(ms).toBeLessThan(2 * TIMEOUT + SLACK);
      expect(await hungUp('trickle-body')).toBe(true);
      expect(server.stats('trickle-body').bytesSent).toBeLessThan(2 * (TIMEOUT / 50) + 5);
    }),
  );
});

describe('Retry-After', () => {
  it(
    '429 with Retry-After in seconds: waits that long, retries, succeeds',
    leakFree(async () => {
      const { result, ms } = await get('retry-after-seconds');
      expect(result).toMatchObject({ ok: true, value: thing(), response: { status: 200, attempts: 2 } });
      const [first, second] = server.requests;
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000 - 5);
      expect(ms).toBeGreaterThanOrEqual(1000 - 5);
      expect(ms).toBeLessThan(1000 + SLACK);
    }),
  );

  it(
    '429 with Retry-After as an HTTP date: waits until then, retries, succeeds',
    leakFree(async () => {
      const { result, ms } = await get('retry-after-date');
      expect(result).toMatchObject({ ok: true, value: thing(), response: { status: 200, attempts: 2 } });
      const [first, second] = server.requests;
      const until = server.retryAfterDate!;
      expect(second!.at).toBeGreaterThanOrEqual(until - 5);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000 - 5);
      expect(ms).toBeLessThan(2000 + SLACK);
    }),
  );

  it(
    '429 with a Retry-After beyond maxRetryAfter: not retried, the wait is returned in ms',
    leakFree(async () => {
      const { result, ms } = await get('retry-after-long');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 429, attempts: 1, retryAfter: 120_000, documented: false },
      });
      expect(ms).toBeLessThan(SLACK);
    }),
  );
});

describe('error statuses', () => {
  it(
    '503 twice then 200: retried, succeeds with attempts 3',
    leakFree(async () => {
      const { result, ms } = await get('503-twice');
      expect(result).toMatchObject({ ok: true, value: thing(), response: { status: 200, attempts: 3 } });
      expect(server.stats('503-twice').hits).toBe(3);
      expect(ms).toBeGreaterThanOrEqual(2 * BACKOFF - 5);
      expect(ms).toBeLessThan(2 * BACKOFF + SLACK);
    }),
  );

  it(
    '500 with an HTML page: an undocumented http error carrying the page, after 3 attempts',
    leakFree(async () => {
      const { result, ms } = await get('500-html');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 500, attempts: 3, documented: false },
      });
      if (result.ok || result.error.kind !== 'http') throw new Error('expected an http error');
      expect(result.error.body).toMatch(/^<!DOCTYPE html>.*Internal Server Error/);
      expect(result.error.message).toBe('fetchThing: Talon.One answered HTTP 500 (after 3 attempts)');
      expect(ms).toBeLessThan(2 * BACKOFF + SLACK);
    }),
  );

  it(
    '502 with an empty body: an http error with body undefined, after 3 attempts',
    leakFree(async () => {
      const { result } = await get('502-empty');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 502, attempts: 3, documented: false, body: undefined },
      });
      expect(server.stats('502-empty').hits).toBe(3);
    }),
  );

  it.each([
    [401, 'Unauthorized: invalid API key', '/authorization'],
    [404, 'Not found: thing does not exist', '/thingId'],
  ] as const)(
    '%i with the API error body: a documented http error, not retried',
    leakFree(async (status, message, pointer) => {
      const { result, ms } = await get(String(status));
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind: 'http',
          status,
          documented: true,
          attempts: 1,
          retryAfter: undefined,
          body: apiError(status, message, pointer),
          message: `fetchThing: Talon.One answered HTTP ${status}: ${message}`,
        }),
      });
      expect(server.stats(String(status)).hits).toBe(1);
      expect(ms).toBeLessThan(SLACK);
    }),
  );

  it(
    'a POST answered 503: one attempt unless the caller opted in',
    leakFree(async () => {
      const client = clientFor('503');
      const once = await timed(client, createThing, { body: { name: 'n' } });
      expect(once.result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 503, attempts: 1, mayHaveBeenApplied: true },
      });
      expect(server.stats('503').hits).toBe(1);
      server.reset();
      const optedIn = await timed(
        client,
        createThing,
        { body: { name: 'n' } },
        { retry: { methods: ['POST'], backoffLimit: BACKOFF } },
      );
      expect(optedIn.result).toMatchObject({ ok: false, error: { kind: 'http', status: 503, attempts: 3 } });
      expect(server.requests.map((r) => [r.method, r.body])).toEqual(Array(3).fill(['POST', '{"name":"n"}']));
      expect(optedIn.ms).toBeLessThan(2 * BACKOFF + SLACK);
    }),
  );
});

describe('unusable 200s', () => {
  it(
    '200 with truncated JSON: a response error (not-json), not retried',
    leakFree(async () => {
      const { result } = await get('truncated-json');
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'response', problem: 'not-json', status: 200 }),
      });
      expect(server.stats('truncated-json').hits).toBe(1);
    }),
  );

  it(
    '200 with a non-JSON content type: a response error (not-json) naming the type',
    leakFree(async () => {
      const { result } = await get('not-json-type');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'response', problem: 'not-json', status: 200 },
      });
      if (!result.ok) expect(result.error.message).toContain('text/plain');
    }),
  );
});

describe('huge bodies', () => {
  /** Forces a GC when exposed; otherwise a no-op (the bounds below hold either way). */
  const gc = () => (globalThis as { gc?: () => void }).gc?.();

  it.each([
    ['huge', 'chunked, no content-length'],
    ['huge-declared', 'declared in content-length'],
    ['gzip-bomb', 'gzip that inflates to 512 MiB'],
  ])(
    '200 with 512 MiB (%s, %s): too-large past maxResponseBytes, the server stops being read',
    leakFree(async (mode) => {
      gc();
      const before = process.memoryUsage();
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const { result, ms } = await get(mode, undefined, { timeout: 5000 });
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'response', problem: 'too-large', status: 200 }),
      });
      expect(ms).toBeLessThan(5000);
      expect(await hungUp(mode)).toBe(true);
      const stats = server.stats(mode);
      expect(stats.hits).toBe(1);
      // The SDK read at most 16 MiB; socket buffers hold a few MiB more. Nowhere near 512 MiB.
      // (For the bomb, bytesSent counts inflated bytes: a few MiB of gzip in the socket buffers
      // stand for far more of them.)
      expect(stats.bytesSent).toBeLessThan(mode === 'gzip-bomb' ? HUGE_BYTES / 2 : 64 * 1024 * 1024);
      // Memory: the 16 MiB read as text, plus buffers; not the body.
      expect((peak - before.rss) / 2 ** 20).toBeLessThan(160);
    }),
  );

  it(
    'a small maxResponseBytes stops even earlier',
    leakFree(async () => {
      const { result } = await get('huge', undefined, { maxResponseBytes: 64 * 1024 });
      expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'too-large' } });
      expect(await hungUp('huge')).toBe(true);
      expect(server.stats('huge').bytesSent).toBeLessThan(16 * 1024 * 1024);
    }),
  );

  it(
    'a 503 with a 512 MiB body: read up to 64 KiB per attempt, retried, then the 503',
    leakFree(async () => {
      const { result } = await get('huge-error', undefined, { timeout: 5000 });
      expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 503, attempts: 3 } });
      expect(await hungUp('huge-error')).toBe(true);
      expect(server.stats('huge-error').bytesSent).toBeLessThan(3 * 16 * 1024 * 1024);
    }),
  );
});

describe('redirects', () => {
  it(
    'a redirect to another origin is not followed: nothing reaches it, the key stays home',
    leakFree(async () => {
      const { result } = await get('redirect');
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'response', problem: 'redirect', status: 307 },
      });
      expect(other.requests).toEqual([]);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers.authorization).toBe(`ApiKey-v1 ${KEY}`);
      if (!result.ok) expect(result.error.message).toContain(other.url);
      expect(JSON.stringify(result)).not.toContain(KEY);
    }),
  );

  it(
    'a POST redirected with 307 (which a follower would resend with its body) reaches nobody else',
    leakFree(async () => {
      const { result } = await timed(clientFor('redirect'), createThing, { body: { name: 'secret-order' } });
      expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'redirect' } });
      expect(other.requests).toEqual([]);
      expect(await other.connections()).toBe(0);
    }),
  );
});
