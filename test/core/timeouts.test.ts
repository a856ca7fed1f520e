/**
 * Which time limit ended a call: the error's `limit` (attempt, body, total) and `timeout` come
 * from the timer that fired, and the message names the option. A custom fetch stands in for the
 * server: one that never answers (but hangs up when its signal aborts), one that sends headers
 * and then trickles a body that never ends.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { send } from '../../src/core/request.js';
import { apiKey, createClient, type FetchLike } from '../../src/index.js';
import { getThing } from '../support/ops.js';

const BASE = 'https://acme.europe-west1.talon.one';

/** A fetch whose attempts never answer; `hungUp` counts the attempts whose signal aborted. */
function silentFetch() {
  const state = { attempts: 0, hungUp: 0 };
  const fetch: FetchLike = (request) => {
    state.attempts++;
    return new Promise((_, reject) => {
      request.signal.addEventListener('abort', () => {
        state.hungUp++;
        reject(request.signal.reason);
      });
    });
  };
  return { fetch, state };
}

/** A fetch that answers 200 at once with a body that sends one chunk and then nothing more. */
function tricklingFetch(): FetchLike {
  return async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
}

/** A fetch that never settles and ignores its signal. */
const deafFetch: FetchLike = () => new Promise<Response>(() => {});

const clientWith = (fetch: FetchLike) => createClient({ baseUrl: BASE, auth: apiKey('k'), fetch });

describe('timeouts say which limit ran out', () => {
  it("an attempt's headers: limit 'attempt', the timeout setting, and the attempt is hung up", async () => {
    const { fetch, state } = silentFetch();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { timeout: 40, totalTimeout: 5000 },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', limit: 'attempt', timeout: 40, attempts: 1 },
    });
    if (result.ok) return;
    expect(result.error.message).toBe('getThing: no answer within timeout (40 ms), attempt 1');
    expect(state).toEqual({ attempts: 1, hungUp: 1 });
  });

  it('names the attempt when attempts timed out one after another (retryOnTimeout)', async () => {
    const { fetch, state } = silentFetch();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { timeout: 30, totalTimeout: 5000, retry: { limit: 2, retryOnTimeout: true, backoffLimit: 1 } },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', limit: 'attempt', timeout: 30, attempts: 3 },
    });
    if (!result.ok) expect(result.error.message).toMatch(/within timeout \(30 ms\), attempt 3$/);
    expect(state).toEqual({ attempts: 3, hungUp: 3 });
  });

  it('times out an attempt even when the fetch ignores its signal', async () => {
    const result = await send(
      clientWith(deafFetch),
      getThing,
      { thingId: 'x' },
      { timeout: 30, totalTimeout: false },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', limit: 'attempt', timeout: 30 } });
  });

  it("totalTimeout shorter than an attempt: limit 'total', the totalTimeout setting", async () => {
    const { fetch } = silentFetch();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { timeout: 5000, totalTimeout: 40 },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', limit: 'total', timeout: 40, attempts: 1 },
    });
    if (!result.ok) expect(result.error.message).toBe('getThing: totalTimeout (40 ms) ran out, attempt 1');
  });

  it("totalTimeout running out between retried attempts: limit 'total'", async () => {
    const { fetch, state } = silentFetch();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { timeout: 30, totalTimeout: 100, retry: { limit: 10, retryOnTimeout: true, backoffLimit: 1 } },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', limit: 'total', timeout: 100 } });
    if (!result.ok && result.error.kind === 'timeout') expect(result.error.attempts).toBe(state.attempts);
    expect(state.attempts).toBeGreaterThan(1);
  });

  it('the SDK, not ky, keeps totalTimeout: a backoff wait past the deadline sends no attempt after it', async () => {
    // Every attempt fails at once with a 503 (no Retry-After): backoff 1 s, cut to what is left.
    let attempts = 0;
    const fetch: FetchLike = async () => {
      attempts++;
      return new Response(null, { status: 503 });
    };
    const started = Date.now();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { totalTimeout: 150, retry: { limit: 5, backoffLimit: 1000 } },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', limit: 'total', timeout: 150 } });
    // The first backoff (about 300 ms) is cut at the deadline; no second attempt is sent.
    expect(attempts).toBe(1);
    if (!result.ok && result.error.kind === 'timeout') expect(result.error.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a Retry-After longer than what is left of totalTimeout ends the call at once with that answer', async () => {
    let attempts = 0;
    const fetch: FetchLike = async () => {
      attempts++;
      return new Response(null, { status: 429, headers: { 'retry-after': '5' } });
    };
    const started = Date.now();
    const result = await send(
      clientWith(fetch),
      getThing,
      { thingId: 'x' },
      { totalTimeout: 2000, retry: { maxRetryAfter: 60_000 } },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 429, retryAfter: 5000 } });
    expect(attempts).toBe(1);
    // No waiting for a retry that could not happen in time.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("a body that stops arriving: limit 'body', the timeout setting", async () => {
    const result = await send(
      clientWith(tricklingFetch()),
      getThing,
      { thingId: 'x' },
      { timeout: 40, totalTimeout: false },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', limit: 'body', timeout: 40, attempts: 1 },
    });
    if (!result.ok)
      expect(result.error.message).toBe(
        'getThing: the body did not arrive within timeout (40 ms), attempt 1',
      );
  });

  it("a body read cut short by totalTimeout: limit 'total', the totalTimeout setting (not the timeout)", async () => {
    const result = await send(
      clientWith(tricklingFetch()),
      getThing,
      { thingId: 'x' },
      { timeout: 5000, totalTimeout: 40 },
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', limit: 'total', timeout: 40, attempts: 1 },
    });
  });
});

describe('a custom fetch hears the abort even after garbage collection', () => {
  it('the Request it was given is held until the attempt ends (nodejs/node#55428)', async () => {
    // The Request's signal follows the attempt's through a weak link that a collection breaks
    // when nothing holds the Request; a fetch that only keeps listening must still be hung up.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let hungUp = 0;
    const fetch: FetchLike = (request) => {
      request.signal.addEventListener('abort', () => {
        hungUp++;
      });
      setTimeout(gc, 5);
      setTimeout(gc, 15);
      return new Promise(() => {});
    };
    const result = await send(clientWith(fetch), getThing, { thingId: 'x' }, { timeout: 40, retry: false });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', limit: 'attempt' } });
    expect(hungUp).toBe(1);
  });
});
