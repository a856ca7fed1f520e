import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { send } from '../../src/core/request.js';
import { apiKey, contentSignature, createClient } from '../../src/index.js';
import { BASE_URL, useMockServer } from '../support/msw.js';
import { deleteThing, getThing, postThing, putThing } from '../support/ops.js';

const { server, seen } = useMockServer();
const KEY = 'test-key-123';
const fast = { backoffLimit: 20 };
const client = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), retry: fast });

describe('request line and headers', () => {
  it('sends method, encoded path, query, accept and the ApiKey-v1 header', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'a', extra: true })),
    );
    const result = await send(client, getThing, {
      thingId: 'a/b c?#%',
      dry: true,
      tags: ['x', 'y&z'],
      note: 'n',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { id: 1, name: 'a', extra: true },
      response: { status: 200, attempts: 1 },
    });
    const [req] = seen;
    expect(req?.method).toBe('GET');
    expect(req?.url.pathname).toBe('/v1/things/a%2Fb%20c%3F%23%25');
    expect(req?.url.search).toBe('?dry=true&tags=x&tags=y%26z&note=n');
    expect(req?.headers.get('authorization')).toBe(`ApiKey-v1 ${KEY}`);
    expect(req?.headers.get('accept')).toBe('application/json');
    expect(req?.headers.has('content-type')).toBe(false);
  });

  it('omits undefined query parameters and keeps a base URL path prefix', async () => {
    const proxied = createClient({ baseUrl: `${BASE_URL}/proxy/`, auth: apiKey(KEY) });
    server.use(http.get(`${BASE_URL}/proxy/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'a' })));
    const result = await send(proxied, getThing, { thingId: 'x' });
    expect(result.ok).toBe(true);
    expect(seen[0]?.url.href).toBe(`${BASE_URL}/proxy/v1/things/x`);
  });

  it('sends the JSON body bytes once, with content-type, custom headers and the auth header', async () => {
    // A custom `authorization` is refused at createClient (test/core/headers.test.ts).
    const custom = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), headers: { 'x-trace': 'abc' } });
    server.use(http.post(`${BASE_URL}/v1/things`, () => HttpResponse.json({ id: 7 }, { status: 201 })));
    const body = { name: 'Grüße ✓', price: 1.5 };
    const result = await send(custom, postThing, { body }, { headers: { 'x-call': '1' } });
    expect(result).toMatchObject({ ok: true, value: { id: 7 }, response: { status: 201 } });
    expect(new TextDecoder().decode(seen[0]?.body)).toBe(JSON.stringify(body));
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.headers.get('x-trace')).toBe('abc');
    expect(seen[0]?.headers.get('x-call')).toBe('1');
    expect(seen[0]?.headers.get('authorization')).toBe(`ApiKey-v1 ${KEY}`);
  });

  it('answers a 204 with value undefined', async () => {
    server.use(http.delete(`${BASE_URL}/v1/things/:id`, () => new HttpResponse(null, { status: 204 })));
    const result = await send(client, deleteThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: true, value: undefined, response: { status: 204 } });
  });
});

describe('validation: nothing leaves', () => {
  it.each([
    ['missing path parameter', {}],
    ['empty path parameter', { thingId: '' }],
    ['dot segment', { thingId: '..' }],
    ['wrong type', { thingId: 5 }],
    ['null params', null],
    ['wrong query type', { thingId: 'x', dry: 'yes' }],
  ])('%s', async (_, params) => {
    const result = await send(client, getThing, params);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    expect(result.error.message).toMatch(/^getThing: invalid params: .+; nothing was sent$/);
    expect(seen).toHaveLength(0);
  });

  it('names the field path of a nested body problem', async () => {
    const result = await send(client, postThing, { body: { name: '', price: 'x' } });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'validation') throw new Error('expected a validation error');
    expect(result.error.issues.map((i) => i.path)).toEqual(['body.name', 'body.price']);
    expect(seen).toHaveLength(0);
  });

  it('refuses a contentSignature client on an apiKey-only operation', async () => {
    const signed = createClient({
      baseUrl: BASE_URL,
      auth: contentSignature({ applicationId: 1, applicationKey: 'abcd' }),
    });
    const result = await send(signed, putThing, { thingId: 'x', body: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'config', field: 'auth' });
    expect(seen).toHaveLength(0);
  });

  it('refuses something that is not a client, and bad call options', async () => {
    const fake = { baseUrl: BASE_URL, auth: apiKey(KEY) } as unknown as typeof client;
    expect(await send(fake, deleteThing, { thingId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'config', field: 'client' },
    });
    expect(await send(client, deleteThing, { thingId: 'x' }, { timeout: -1 })).toMatchObject({
      ok: false,
      error: { kind: 'config', field: 'options.timeout' },
    });
    expect(await send(client, deleteThing, { thingId: 'x' }, { headers: { 'x-a': 'a\r\nb' } })).toMatchObject(
      {
        ok: false,
        error: { kind: 'config', field: 'options.headers.x-a' },
      },
    );
    expect(seen).toHaveLength(0);
  });

  it('reports a body that cannot be serialized', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const result = await send(client, putThing, { thingId: 'x', body: { a: 1n } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await send(client, putThing, { thingId: 'x', body: cyclic })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(seen).toHaveLength(0);
  });
});

describe('HTTP errors', () => {
  it('parses a documented error body', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () =>
        HttpResponse.json({ message: 'not found', StatusCode: 404 }, { status: 404 }),
      ),
    );
    const result = await send(client, getThing, { thingId: 'x' });
    if (result.ok || result.error.kind !== 'http') throw new Error('expected an http error');
    expect(result.error).toMatchObject({
      status: 404,
      documented: true,
      body: { message: 'not found' },
      attempts: 1,
    });
    expect(result.error.message).toBe('getThing: Talon.One answered HTTP 404: not found');
  });

  it('keeps an undocumented status with its raw body', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.text('teapot', { status: 418 })));
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 418, documented: false, body: 'teapot' },
    });
  });

  it('a documented status with an off-shape body is undocumented', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ nope: 1 }, { status: 404 })));
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, documented: false, body: { nope: 1 } },
    });
  });
});

describe('retries', () => {
  it('retries a GET on 503 and succeeds, counting attempts', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () =>
        ++calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ id: 1, name: 'a' }),
      ),
    );
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: true, response: { attempts: 3 } });
    expect(calls).toBe(3);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries %i up to the limit, then returns it', async (status) => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => new HttpResponse(null, { status })));
    const result = await send(client, getThing, { thingId: 'x' }, { retry: { limit: 1 } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status, attempts: 2 } });
    expect(seen).toHaveLength(2);
  });

  it('does not retry 400, 401, 404 or 501', async () => {
    for (const status of [400, 401, 404, 501]) {
      seen.length = 0;
      server.use(http.get(`${BASE_URL}/v1/things/:id`, () => new HttpResponse(null, { status })));
      const result = await send(client, getThing, { thingId: 'x' });
      expect(result).toMatchObject({ ok: false, error: { status, attempts: 1 } });
      expect(seen).toHaveLength(1);
    }
  });

  it('does not retry a POST unless the caller opts in', async () => {
    server.use(http.post(`${BASE_URL}/v1/things`, () => new HttpResponse(null, { status: 503 })));
    const once = await send(client, postThing, { body: { name: 'a' } });
    expect(once).toMatchObject({ ok: false, error: { status: 503, attempts: 1 } });
    seen.length = 0;
    const optedIn = await send(
      client,
      postThing,
      { body: { name: 'a' } },
      { retry: { methods: ['POST'], limit: 2 } },
    );
    expect(optedIn).toMatchObject({ ok: false, error: { status: 503, attempts: 3 } });
    expect(seen).toHaveLength(3);
    // the same bytes every time, so a signature stays valid
    expect(new Set(seen.map((s) => new TextDecoder().decode(s.body))).size).toBe(1);
  });

  it('retry: false and retry: 0 make one attempt', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => new HttpResponse(null, { status: 503 })));
    expect(await send(client, getThing, { thingId: 'x' }, { retry: false })).toMatchObject({
      error: { attempts: 1 },
    });
    expect(await send(client, getThing, { thingId: 'x' }, { retry: 0 })).toMatchObject({
      error: { attempts: 1 },
    });
  });

  it('honours Retry-After in seconds, and reports it', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () =>
        ++calls === 1
          ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } })
          : HttpResponse.json({ id: 1, name: 'a' }),
      ),
    );
    const started = Date.now();
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: true, response: { attempts: 2 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a Retry-After beyond the cap; returns it as retryAfter', async () => {
    server.use(
      http.get(
        `${BASE_URL}/v1/things/:id`,
        () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } }),
      ),
    );
    const started = Date.now();
    const result = await send(client, getThing, { thingId: 'x' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 429, retryAfter: 120_000, attempts: 1 },
    });
  });
});

describe('rate-limit headers: one policy for all of them', () => {
  const soon = () => new Date(Date.now() - 5_000).toUTCString();
  const late = () => new Date(Date.now() + 120_000).toUTCString();
  const headers = [
    'retry-after',
    'ratelimit-reset',
    'x-ratelimit-retry-after',
    'x-ratelimit-reset',
    'x-rate-limit-reset',
  ];
  const cases = headers.flatMap((name) => [
    { name, form: 'seconds', short: () => '0', long: () => '120' },
    { name, form: 'a date', short: soon, long: late },
  ]);

  it.each(cases)('$name in $form: a wait within maxRetryAfter is retried', async ({ name, short }) => {
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () =>
        ++calls === 1
          ? new HttpResponse(null, { status: 429, headers: { [name]: short() } })
          : HttpResponse.json({ id: 1, name: 'a' }),
      ),
    );
    expect(await send(client, getThing, { thingId: 'x' })).toMatchObject({
      ok: true,
      response: { attempts: 2 },
    });
  });

  it.each(cases)(
    '$name in $form: a longer wait ends the call with retryAfter, not capped',
    async ({ name, long }) => {
      server.use(
        http.get(
          `${BASE_URL}/v1/things/:id`,
          () => new HttpResponse(null, { status: 503, headers: { [name]: long() } }),
        ),
      );
      const result = await send(client, getThing, { thingId: 'x' });
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'http', status: 503, attempts: 1, mayHaveBeenApplied: false },
      });
      const after = !result.ok && result.error.kind === 'http' ? result.error.retryAfter : undefined;
      expect(after).toBeGreaterThan(100_000);
      expect(after).toBeLessThanOrEqual(120_000);
    },
  );

  it('a reset header in epoch seconds is an instant', async () => {
    const at = String(Math.floor(Date.now() / 1000) + 120);
    server.use(
      http.get(
        `${BASE_URL}/v1/things/:id`,
        () => new HttpResponse(null, { status: 429, headers: { 'x-ratelimit-reset': at } }),
      ),
    );
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 429, attempts: 1 } });
  });

  it('a POST (unsafe without a key) is retried after a 429 or a 503 with a wait: nothing was applied', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE_URL}/v1/things`, () =>
        ++calls < 3
          ? new HttpResponse(null, { status: calls === 1 ? 429 : 503, headers: { 'ratelimit-reset': '0' } })
          : HttpResponse.json({ id: 1 }, { status: 201 }),
      ),
    );
    const result = await send(client, postThing, { body: { name: 'n' } });
    expect(result).toMatchObject({ ok: true, response: { attempts: 3 } });
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt whose headers are late', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, async () => {
        await delay(2000);
        return HttpResponse.json({ id: 1, name: 'a' });
      }),
    );
    const started = Date.now();
    const result = await send(client, getThing, { thingId: 'x' }, { timeout: 100 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', timeout: 100, attempts: 1 } });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('retries a timeout only when retryOnTimeout is set', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, async () => {
        await delay(1000);
        return HttpResponse.json({ id: 1, name: 'a' });
      }),
    );
    const result = await send(
      client,
      getThing,
      { thingId: 'x' },
      { timeout: 50, retry: { limit: 1, retryOnTimeout: true } },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', attempts: 2 } });
  });

  it('returns aborted for a signal that fires mid-request, and for one already aborted', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, async () => {
        await delay(2000);
        return HttpResponse.json({ id: 1, name: 'a' });
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await send(client, getThing, { thingId: 'x' }, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    seen.length = 0;
    const early = await send(client, getThing, { thingId: 'x' }, { signal: AbortSignal.abort('x') });
    expect(early).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(seen).toHaveLength(0);
  });
});

describe('network and unusable responses', () => {
  it('reports a network error after retrying it', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.error()));
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', attempts: 3 } });
  });

  it('reports a custom fetch that throws as a network error', async () => {
    const broken = createClient({
      baseUrl: BASE_URL,
      auth: apiKey(KEY),
      fetch: () => Promise.reject(new Error('boom')),
    });
    const result = await send(broken, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!result.ok) expect(result.error.message).toContain('boom');
  });

  it.each([
    [
      'HTML',
      () => new HttpResponse('<html></html>', { headers: { 'content-type': 'text/html' } }),
      'not-json',
    ],
    [
      'truncated JSON',
      () => new HttpResponse('{"id":1,', { headers: { 'content-type': 'application/json' } }),
      'not-json',
    ],
    ['off-schema JSON', () => HttpResponse.json({ id: 'one', name: 'a' }), 'schema'],
    ['missing field', () => HttpResponse.json({ id: 1 }), 'schema'],
    ['empty 200', () => new HttpResponse(null, { status: 200 }), 'empty'],
  ])('%s is an unusable response', async (_, respond, problem) => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, respond));
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem, status: 200 } });
  });

  it('validateResponse: false hands over the parsed JSON unchecked', async () => {
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 'one' })));
    const result = await send(client, getThing, { thingId: 'x' }, { validateResponse: false });
    expect(result).toMatchObject({ ok: true, value: { id: 'one' } });
  });

  it('refuses a body larger than maxResponseBytes', async () => {
    const small = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), maxResponseBytes: 100 });
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'x'.repeat(500) })),
    );
    const result = await send(small, getThing, { thingId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'too-large' } });
  });

  it('does not follow a redirect', async () => {
    server.use(
      http.get(
        `${BASE_URL}/v1/things/:id`,
        () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example/steal' } }),
      ),
    );
    const result = await send(client, getThing, { thingId: 'x' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'response', problem: 'redirect', status: 302 },
    });
    expect(seen).toHaveLength(1);
  });
});

describe('hooks', () => {
  it('see every attempt, never the key, and cannot break the call', async () => {
    const events: unknown[] = [];
    const observed = createClient({
      baseUrl: BASE_URL,
      auth: apiKey(KEY),
      retry: fast,
      hooks: {
        includeHeaders: true,
        onRequest: (e) => {
          events.push(['request', e]);
          throw new Error('hook bug');
        },
        onResponse: (e) => {
          events.push(['response', e]);
        },
      },
    });
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/v1/things/:id`, () =>
        ++calls === 1 ? new HttpResponse(null, { status: 500 }) : HttpResponse.json({ id: 1, name: 'a' }),
      ),
    );
    const result = await send(observed, getThing, { thingId: 'x' });
    expect(result.ok).toBe(true);
    expect(events.map((e) => (e as [string, { attempt: number; status?: number }])[0])).toEqual([
      'request',
      'response',
      'request',
      'response',
    ]);
    expect(events[1]).toMatchObject([
      'response',
      { attempt: 1, status: 500, operation: 'getThing', method: 'GET' },
    ]);
    expect(events[3]).toMatchObject(['response', { attempt: 2, status: 200 }]);
    expect(JSON.stringify(events)).not.toContain(KEY);
    expect(JSON.stringify(events)).toContain('"authorization":"[redacted]"');
  });

  it('see every credential-like header redacted, whoever set it', async () => {
    const events: { headers?: Record<string, string> }[] = [];
    const observed = createClient({
      baseUrl: BASE_URL,
      auth: apiKey(KEY),
      headers: { 'X-Api-Key': 'client-secret', Cookie: 'session=secret', 'x-trace': 't1' },
      hooks: { includeHeaders: true, onRequest: (e) => events.push(e) },
    });
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'a' })));
    await send(observed, getThing, { thingId: 'x' }, { headers: { 'Proxy-Authorization': 'Basic secret' } });
    expect(events[0]?.headers).toMatchObject({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
      cookie: '[redacted]',
      'proxy-authorization': '[redacted]',
      'x-trace': 't1',
    });
    expect(JSON.stringify(events)).not.toMatch(/secret|test-key-123/);
  });

  it('leave headers out unless asked', async () => {
    const events: object[] = [];
    const observed = createClient({
      baseUrl: BASE_URL,
      auth: apiKey(KEY),
      hooks: { onRequest: (e) => events.push(e) },
    });
    server.use(http.get(`${BASE_URL}/v1/things/:id`, () => HttpResponse.json({ id: 1, name: 'a' })));
    await send(observed, getThing, { thingId: 'x' });
    expect(events[0]).not.toHaveProperty('headers');
  });
});
