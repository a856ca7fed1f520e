/**
 * src/core/options.ts: the retry defaults, resolving a `retry` option (shorthands, objects, every
 * key's check), the `headers` check and the checks shared by client and call options, each
 * problem naming its field; and the per-call options as an endpoint applies them (a problem is a
 * `config` error value and nothing is sent).
 */
import { describe, expect, it } from 'vitest';
import {
  checkHeaders,
  checkSharedOptions,
  DEFAULT_RETRY,
  type OptionProblem,
  type ResolvedRetry,
  resolveRetry,
} from '../../src/core/options.js';
import { apiKey, createClient, getCustomerSession } from '../../src/index.js';
import { BASE_URL, useMockServer } from '../support/msw.js';

/** The resolved retry, failing the test when `resolveRetry` found a problem instead. */
function resolved(value: unknown, base: ResolvedRetry = DEFAULT_RETRY): ResolvedRetry {
  const out = resolveRetry(value, base, 'retry');
  if ('field' in out) throw new Error(`unexpected problem: ${out.field} ${out.message}`);
  return out;
}

/** The problem `resolveRetry` found, failing the test when it resolved instead. */
function problem(value: unknown): OptionProblem {
  const out = resolveRetry(value, DEFAULT_RETRY, 'retry');
  if (!('field' in out)) throw new Error(`expected a problem, got ${JSON.stringify(out)}`);
  return out;
}

describe('DEFAULT_RETRY', () => {
  it('is 2 retries of GET, PUT and DELETE on 408, 429 and 5xx gateways, 3 s backoff cap, 10 s Retry-After cap', () => {
    expect(DEFAULT_RETRY).toEqual({
      limit: 2,
      methods: ['GET', 'PUT', 'DELETE'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      backoffLimit: 3000,
      maxRetryAfter: 10_000,
      retryOnTimeout: false,
    });
  });

  it('is frozen, lists included', () => {
    expect(Object.isFrozen(DEFAULT_RETRY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY.methods)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY.statusCodes)).toBe(true);
  });
});

describe('resolveRetry', () => {
  it('keeps the base for undefined, and turns retries off for false or 0', () => {
    expect(resolveRetry(undefined, DEFAULT_RETRY, 'retry')).toBe(DEFAULT_RETRY);
    expect(resolved(false)).toEqual({ ...DEFAULT_RETRY, limit: 0 });
    expect(resolved(0)).toEqual({ ...DEFAULT_RETRY, limit: 0 });
  });

  it('takes a number as the retry limit, 0 to 10', () => {
    expect(resolved(5).limit).toBe(5);
    expect(resolved(10).limit).toBe(10);
    for (const bad of [-1, 11, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(problem(bad), String(bad)).toEqual({
        field: 'retry',
        message: 'must be a whole number of retries from 0 to 10, false, or a RetryOptions object',
      });
  });

  it('refuses what is neither a number, false nor an object', () => {
    for (const bad of [true, 'twice', null, [1, 2]])
      expect(problem(bad), JSON.stringify(bad)).toEqual({
        field: 'retry',
        message: 'must be a number, false, or a RetryOptions object',
      });
  });

  it('merges an object over the base, key by key, and freezes the result', () => {
    const base = resolved({ limit: 4, backoffLimit: 100 });
    const out = resolved({ maxRetryAfter: 0, retryOnTimeout: true, limit: undefined }, base);
    expect(out).toEqual({
      ...DEFAULT_RETRY,
      limit: 4,
      backoffLimit: 100,
      maxRetryAfter: 0,
      retryOnTimeout: true,
    });
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('upper-cases methods and copies both lists (the caller may change theirs later)', () => {
    const methods = ['post', 'Get'];
    const statusCodes = [503];
    const out = resolved({ methods, statusCodes });
    methods.push('delete');
    statusCodes.push(500);
    expect(out.methods).toEqual(['POST', 'GET']);
    expect(out.statusCodes).toEqual([503]);
    expect(Object.isFrozen(out.methods)).toBe(true);
    expect(Object.isFrozen(out.statusCodes)).toBe(true);
  });

  it.each([
    ['limit', -1, 'must be a whole number from 0 to 10'],
    ['limit', 11, 'must be a whole number from 0 to 10'],
    ['limit', '2', 'must be a whole number from 0 to 10'],
    ['backoffLimit', -1, 'must be a whole number of milliseconds'],
    ['backoffLimit', 0.5, 'must be a whole number of milliseconds'],
    ['maxRetryAfter', 2 ** 31, 'must be a whole number of milliseconds'],
    ['retryOnTimeout', 'yes', 'must be true or false'],
    ['methods', ['OPTIONS'], 'must be an array of GET, PUT, POST, DELETE'],
    ['methods', 'GET', 'must be an array of GET, PUT, POST, DELETE'],
    ['methods', [1], 'must be an array of GET, PUT, POST, DELETE'],
    ['statusCodes', [200], 'must be an array of HTTP statuses from 400 to 599'],
    ['statusCodes', [600], 'must be an array of HTTP statuses from 400 to 599'],
    ['statusCodes', [429.5], 'must be an array of HTTP statuses from 400 to 599'],
    [
      'limt',
      1,
      'is not a retry option (limit, methods, statusCodes, backoffLimit, maxRetryAfter, retryOnTimeout)',
    ],
  ])('names retry.%s for %j', (key, value, message) => {
    expect(problem({ [key]: value })).toEqual({ field: `retry.${key}`, message });
  });

  it('uses the field prefix it is given (call options say options.retry)', () => {
    expect(resolveRetry({ limit: -1 }, DEFAULT_RETRY, 'options.retry')).toMatchObject({
      field: 'options.retry.limit',
    });
  });

  it('accepts the limits of each range', () => {
    expect(resolved({ backoffLimit: 0, maxRetryAfter: 2_147_483_647 })).toMatchObject({
      backoffLimit: 0,
      maxRetryAfter: 2_147_483_647,
    });
    expect(resolved({ statusCodes: [400, 599] }).statusCodes).toEqual([400, 599]);
  });
});

describe('checkHeaders', () => {
  it('accepts undefined, an empty object, HTTP token names and empty values', () => {
    expect(checkHeaders(undefined, 'headers')).toBeUndefined();
    expect(checkHeaders({}, 'headers')).toBeUndefined();
    expect(checkHeaders({ "x-Trace_1!#$%&'*+.^`|~": 'abc', 'x-empty': '' }, 'headers')).toBeUndefined();
  });

  it('refuses what is not an object of names to values', () => {
    for (const bad of [null, 'x-a: b', [['x-a', 'b']]])
      expect(checkHeaders(bad, 'headers')).toEqual({
        field: 'headers',
        message: 'must be an object of header names to string values',
      });
  });

  it('refuses a name that is not an HTTP token, quoting at most 40 characters of it', () => {
    expect(checkHeaders({ 'x a': 'b' }, 'headers')).toEqual({
      field: 'headers',
      message: 'has an invalid header name "x a"',
    });
    const long = `${'n'.repeat(50)}:`;
    expect(checkHeaders({ [long]: 'b' }, 'headers')?.message).toBe(
      `has an invalid header name ${JSON.stringify('n'.repeat(40))}`,
    );
  });

  it.each([
    ['a line break', 'a\r\nb: c', 'contains a line break or NUL character'],
    ['a NUL', 'a\u0000b', 'contains a line break or NUL character'],
    ['a character beyond Latin-1', 'Grüße ✓', 'contains a character that cannot be sent in an HTTP header'],
    ['surrounding spaces', ' a ', 'has leading or trailing white space'],
    ['a number', 1, 'must be a string'],
  ])('refuses a value with %s, naming the header', (_label, value, why) => {
    expect(checkHeaders({ 'x-a': value }, 'options.headers')).toEqual({
      field: 'options.headers.x-a',
      message: `the value of header x-a ${why}`,
    });
  });
});

describe('checkSharedOptions', () => {
  it('accepts no options and every option at its limits', () => {
    expect(checkSharedOptions({}, '')).toBeUndefined();
    expect(
      checkSharedOptions(
        { timeout: 1, totalTimeout: false, validateResponse: false, headers: { 'x-a': 'b' } },
        '',
      ),
    ).toBeUndefined();
    expect(checkSharedOptions({ timeout: 2_147_483_647, totalTimeout: 2_147_483_647 }, '')).toBeUndefined();
  });

  it.each([
    ['timeout', 0, 'must be a whole number of milliseconds from 1 to 2147483647'],
    ['timeout', 1.5, 'must be a whole number of milliseconds from 1 to 2147483647'],
    ['timeout', 2 ** 31, 'must be a whole number of milliseconds from 1 to 2147483647'],
    ['timeout', '100', 'must be a whole number of milliseconds from 1 to 2147483647'],
    ['totalTimeout', 0, 'must be false or a whole number of milliseconds from 1'],
    ['totalTimeout', true, 'must be false or a whole number of milliseconds from 1'],
    ['validateResponse', 'no', 'must be true or false'],
  ])('names %s for %j, with the prefix it is given', (key, value, message) => {
    expect(checkSharedOptions({ [key]: value }, '')).toEqual({ field: key, message });
    expect(checkSharedOptions({ [key]: value }, 'options.')).toEqual({ field: `options.${key}`, message });
  });

  it('checks the headers too', () => {
    expect(checkSharedOptions({ headers: { 'x-a': 'a\nb' } }, 'options.')).toMatchObject({
      field: 'options.headers.x-a',
    });
  });

  it('reports the first problem: timeout before totalTimeout before validateResponse before headers', () => {
    const all = { timeout: 0, totalTimeout: 0, validateResponse: 1, headers: null };
    expect(checkSharedOptions(all, '')?.field).toBe('timeout');
    expect(checkSharedOptions({ ...all, timeout: 1 }, '')?.field).toBe('totalTimeout');
    expect(checkSharedOptions({ ...all, timeout: 1, totalTimeout: 1 }, '')?.field).toBe('validateResponse');
    expect(
      checkSharedOptions({ ...all, timeout: 1, totalTimeout: 1, validateResponse: true }, '')?.field,
    ).toBe('headers');
  });
});

describe('call options as an endpoint applies them', () => {
  const { seen } = useMockServer();
  const client = createClient({ baseUrl: BASE_URL, auth: apiKey('options-key'), retry: false });

  it.each([
    ['options.timeout', { timeout: 0 }],
    ['options.totalTimeout', { totalTimeout: -1 }],
    ['options.retry.methods', { retry: { methods: ['OPTIONS'] } }],
    ['options.headers.x-a', { headers: { 'x-a': 'a\r\nb' } }],
  ])('a bad option is a config error naming %s, and nothing is sent', async (field, options) => {
    const result = await getCustomerSession(client, { customerSessionId: 's' }, options as never);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config', operation: 'getCustomerSession', field },
    });
    if (!result.ok) expect(Object.isFrozen(result.error)).toBe(true);
    expect(seen).toHaveLength(0);
  });
});
