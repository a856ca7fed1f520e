import { describe, expect, it } from 'vitest';
import { apiKey, contentSignature, createClient, TalonConfigError } from '../../src/index.js';

const auth = apiKey('k');

function problem(config: unknown): TalonConfigError {
  try {
    createClient(config as Parameters<typeof createClient>[0]);
  } catch (error) {
    if (error instanceof TalonConfigError) return error;
    throw error;
  }
  throw new Error('expected createClient to throw');
}

describe('createClient', () => {
  it('returns a frozen plain object with the documented defaults', () => {
    const client = createClient({ baseUrl: 'https://acme.europe-west1.talon.one/', auth });
    expect(Object.isFrozen(client)).toBe(true);
    expect(client).toMatchObject({
      baseUrl: 'https://acme.europe-west1.talon.one',
      timeout: 10_000,
      totalTimeout: 30_000,
      maxResponseBytes: 16 * 1024 * 1024,
      validateResponse: true,
      retry: {
        limit: 2,
        methods: ['GET', 'PUT', 'DELETE'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        backoffLimit: 3000,
        maxRetryAfter: 10_000,
        retryOnTimeout: false,
      },
    });
  });

  it('does no I/O: creating a client calls no fetch', () => {
    let calls = 0;
    createClient({
      baseUrl: 'https://x.talon.one',
      auth,
      fetch: async () => {
        calls++;
        return new Response();
      },
    });
    expect(calls).toBe(0);
  });

  it('allows http only for loopback hosts', () => {
    for (const baseUrl of ['http://localhost:8080', 'http://127.0.0.1:3000', 'http://[::1]:1']) {
      expect(createClient({ baseUrl, auth }).baseUrl).toBe(baseUrl);
    }
    expect(problem({ baseUrl: 'http://acme.talon.one', auth }).message).toMatch(/baseUrl must use https/);
  });

  it.each([
    ['a relative URL', { baseUrl: '/api', auth }, 'baseUrl'],
    ['no URL', { auth }, 'baseUrl'],
    ['a URL with credentials', { baseUrl: 'https://u:p@x.talon.one', auth }, 'baseUrl'],
    ['a URL with a query', { baseUrl: 'https://x.talon.one/?a=1', auth }, 'baseUrl'],
    ['an ftp URL', { baseUrl: 'ftp://x.talon.one', auth }, 'baseUrl'],
    ['no auth', { baseUrl: 'https://x.talon.one' }, 'auth'],
    ['a string as auth', { baseUrl: 'https://x.talon.one', auth: 'ApiKey-v1 k' }, 'auth'],
    ['a zero timeout', { baseUrl: 'https://x.talon.one', auth, timeout: 0 }, 'timeout'],
    ['a huge timeout', { baseUrl: 'https://x.talon.one', auth, timeout: 2 ** 40 }, 'timeout'],
    ['a bad retry', { baseUrl: 'https://x.talon.one', auth, retry: -1 }, 'retry'],
    [
      'a bad retry method',
      { baseUrl: 'https://x.talon.one', auth, retry: { methods: ['OPTIONS'] } },
      'retry.methods',
    ],
    ['an unknown retry key', { baseUrl: 'https://x.talon.one', auth, retry: { limt: 1 } }, 'retry.limt'],
    [
      'a header with CRLF',
      { baseUrl: 'https://x.talon.one', auth, headers: { 'x-a': 'a\r\nb: c' } },
      'headers.x-a',
    ],
    ['a bad header name', { baseUrl: 'https://x.talon.one', auth, headers: { 'x a': 'b' } }, 'headers'],
    ['a non-function fetch', { baseUrl: 'https://x.talon.one', auth, fetch: 'fetch' }, 'fetch'],
    [
      'a non-function hook',
      { baseUrl: 'https://x.talon.one', auth, hooks: { onRequest: 1 } },
      'hooks.onRequest',
    ],
    [
      'a bad maxResponseBytes',
      { baseUrl: 'https://x.talon.one', auth, maxResponseBytes: 0 },
      'maxResponseBytes',
    ],
    ['null', null, 'config'],
  ])('throws a TalonConfigError naming the field for %s', (_, config, field) => {
    const error = problem(config);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(
      new RegExp(`^talon-fetch: invalid client config: ${field.replace('.', '\\.')} `),
    );
  });

  it.each(['authorization', 'Content-Signature', 'content-type', 'Accept', 'CONTENT-LENGTH'])(
    'throws a TalonConfigError naming a %s header, the SDK’s own, with either auth',
    (name) => {
      for (const a of [auth, contentSignature({ applicationId: 1, applicationKey: 'ab12' })]) {
        const error = problem({
          baseUrl: 'https://x.talon.one',
          auth: a,
          headers: { 'x-ok': '1', [name]: 'v' },
        });
        expect(error.field).toBe(`headers.${name}`);
        expect(error.message).toContain(`headers.${name} is `);
      }
    },
  );

  it('accepts retry shorthands', () => {
    expect(createClient({ baseUrl: 'https://x.talon.one', auth, retry: false }).retry.limit).toBe(0);
    expect(createClient({ baseUrl: 'https://x.talon.one', auth, retry: 5 }).retry.limit).toBe(5);
    expect(
      createClient({
        baseUrl: 'https://x.talon.one',
        auth,
        retry: { methods: ['post', 'GET'] as unknown as ['POST'] },
      }).retry.methods,
    ).toEqual(['POST', 'GET']);
  });
});
