/**
 * `retryWait`, the one place of the SDK's retry rules, on made-up failures: whether a failed call
 * is tried again and after how long (the transport tests run the same rules end to end).
 */
import { HTTPError, NetworkError } from 'ky';
import { describe, expect, it } from 'vitest';
import { AttemptEnded } from '../../src/core/attempt.js';
import { timeoutError } from '../../src/core/errors.js';
import type { Idempotency } from '../../src/core/idempotency.js';
import type { Operation } from '../../src/core/operation.js';
import { DEFAULT_RETRY, type ResolvedRetry } from '../../src/core/options.js';
import { retryWait } from '../../src/core/retry.js';
import { getThing, postThing } from '../support/ops.js';

const request = new Request('https://acme.europe-west1.talon.one/v1/things/1');

function facts(
  options: {
    op?: Operation<unknown, Record<number, unknown>>;
    idempotency?: Idempotency;
    retry?: Partial<ResolvedRetry>;
    attempts?: number;
    keyed?: boolean;
    deadline?: number;
  } = {},
) {
  const op = (options.op ?? getThing) as Operation<unknown, Record<number, unknown>>;
  return {
    op: options.idempotency ? { ...op, idempotency: options.idempotency } : op,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    params: {},
    keyed: options.keyed ?? false,
    attempts: options.attempts ?? 1,
    deadline: options.deadline ?? Number.POSITIVE_INFINITY,
  };
}

const http = (status: number, headers: Record<string, string> = {}) =>
  new HTTPError(new Response(null, { status, headers }), request, {} as never);

const connectionRefused = () =>
  new NetworkError(request, {
    cause: Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' }),
  });
const resetAfterSending = () => new TypeError('fetch failed: other side closed');

const call = { operation: 'getThing', attempts: 1, redact: (t: string) => t };

describe('retryWait', () => {
  it('backs off 300 ms ±20 %, doubling, within backoffLimit', () => {
    const first = retryWait(facts(), http(503));
    expect(first).toBeGreaterThanOrEqual(240);
    expect(first).toBeLessThanOrEqual(360);
    const second = retryWait(facts({ attempts: 2 }), http(503));
    expect(second).toBeGreaterThanOrEqual(480);
    expect(second).toBeLessThanOrEqual(720);
    expect(retryWait(facts({ attempts: 2, retry: { backoffLimit: 100 } }), http(503))).toBe(100);
  });

  it('stops at the retry limit, and for a method an explicit retry.methods leaves out', () => {
    expect(retryWait(facts({ attempts: 3 }), http(503))).toBeUndefined();
    expect(retryWait(facts({ attempts: 2 }), http(429))).toBeDefined();
    expect(retryWait(facts({ retry: { methods: ['PUT'] } }), http(429))).toBeUndefined();
  });

  it('waits what a rate-limit header asks, unless it is longer than maxRetryAfter or the time left', () => {
    expect(retryWait(facts(), http(429, { 'retry-after': '2' }))).toBe(2000);
    expect(retryWait(facts(), http(429, { 'retry-after': '11' }))).toBeUndefined();
    expect(
      retryWait(facts({ deadline: Date.now() + 1500 }), http(429, { 'retry-after': '2' })),
    ).toBeUndefined();
  });

  it('never waits past the deadline: the backoff is cut to what is left', () => {
    expect(retryWait(facts({ deadline: Date.now() + 50 }), http(503))).toBeLessThanOrEqual(50);
    expect(retryWait(facts({ deadline: Date.now() - 10 }), http(503))).toBe(0);
  });

  it('does not retry an unlisted status, nor a 413 without a wait', () => {
    expect(retryWait(facts(), http(400))).toBeUndefined();
    expect(retryWait(facts({ retry: { statusCodes: [413] } }), http(413))).toBeUndefined();
    expect(retryWait(facts({ retry: { statusCodes: [413] } }), http(413, { 'retry-after': '1' }))).toBe(1000);
  });

  it('retries an ambiguous failure only when the call is safe to repeat', () => {
    expect(retryWait(facts(), http(500))).toBeDefined();
    expect(retryWait(facts({ op: postThing }), http(500))).toBeUndefined();
    // 503 with a wait: the server refused it, nothing was applied.
    expect(retryWait(facts({ op: postThing }), http(503, { 'retry-after': '1' }))).toBe(1000);
    expect(retryWait(facts({ op: postThing }), resetAfterSending())).toBeUndefined();
    expect(retryWait(facts({ op: postThing }), connectionRefused())).toBeDefined();
    expect(retryWait(facts(), resetAfterSending())).toBeDefined();
  });

  it('a 409: the parallel kind with a key is retried, the exists kind never', () => {
    const parallel: Idempotency = { class: 'key', keySince: '26.13', conflict: 'parallel' };
    expect(retryWait(facts({ op: postThing, idempotency: parallel, keyed: true }), http(409))).toBeDefined();
    expect(
      retryWait(facts({ op: postThing, idempotency: parallel, keyed: false }), http(409)),
    ).toBeUndefined();
    const exists: Idempotency = { class: 'key', conflict: 'exists' };
    const listed = { statusCodes: [409] };
    expect(retryWait(facts({ idempotency: exists, retry: listed }), http(409))).toBeUndefined();
  });

  it('an attempt that timed out: only with retryOnTimeout; a total timeout never', () => {
    const attempt = new AttemptEnded(timeoutError(call, 'attempt', 100));
    expect(retryWait(facts(), attempt)).toBeUndefined();
    expect(retryWait(facts({ retry: { retryOnTimeout: true } }), attempt)).toBeDefined();
    expect(retryWait(facts({ op: postThing, retry: { retryOnTimeout: true } }), attempt)).toBeUndefined();
    const total = new AttemptEnded(timeoutError(call, 'total', 100));
    expect(retryWait(facts({ retry: { retryOnTimeout: true } }), total)).toBeUndefined();
  });

  it('anything else (a bug, a non-Error) is not retried', () => {
    expect(retryWait(facts(), new RangeError('x'))).toBeUndefined();
    expect(retryWait(facts(), 'boom')).toBeUndefined();
  });
});
