/**
 * The one harness of the endpoint tests (test/endpoints): an apiKey and a contentSignature
 * client, msw answers, assertions on the one request that left (or that none did) and on what
 * came back, and `endpointTests`, the table-driven checks every endpoint described by an
 * `EndpointCase` gets: the request line, headers and body bytes, both auth schemes, the success
 * value, every documented error status, an undocumented one, bad input and unknown keys that must
 * not leave, and off-schema or lenient 2xx bodies. Answer bodies come from test/support/fixtures.ts.
 */
import { createHmac } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { expect, it } from 'vitest';
import type { Client, Result, TalonError } from '../../src/index.js';
import { apiKey, contentSignature, createClient } from '../../src/index.js';
import { BASE_URL, type SeenRequest, type useMockServer } from '../support/msw.js';

export const KEY = 'test-api-key-7f3a';
export const APP_ID = 42;
export const APP_KEY = '9a4c5e1f0b3d27e8c6a1';
/** A string path parameter value that needs every kind of escaping in one URL segment, and its encoding. */
export const NASTY = 'id/1 ?#ü';
export const NASTY_ENCODED = 'id%2F1%20%3F%23%C3%BC';
/** A loyalty card identifier (4–108 characters) that needs escaping. */
export const CARD_ID = 'CARD/7 ?#';
export const CARD_ID_ENCODED = 'CARD%2F7%20%3F%23';

/** Integer path parameter values that must be refused: a fraction, a numeric string, NaN, beyond 2^53. */
export const BAD_INTEGERS: readonly [string, unknown][] = [
  ['1.5', 1.5],
  ["'1'", '1'],
  ['NaN', Number.NaN],
  ['2 ** 53', 2 ** 53],
];

/** Loyalty card IDs outside 4–108 characters. */
export const BAD_CARD_IDS: readonly [string, string][] = [
  ['3 characters', 'abc'],
  ['109 characters', 'c'.repeat(109)],
];

/** No retries: a documented 409 or 5xx must come back after one attempt. */
export const client = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), retry: false });
export const signedClient = createClient({
  baseUrl: BASE_URL,
  auth: contentSignature({ applicationId: APP_ID, applicationKey: APP_KEY }),
  retry: false,
});

export type AnyResult = Result<unknown, TalonError<Record<number, unknown>>>;
type Method = 'get' | 'put' | 'post' | 'delete';
type Server = ReturnType<typeof useMockServer>;

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The hex HMAC-MD5 of `bytes`, keyed with the hex-decoded application key: computed by node:crypto. */
export function expectedSignature(bytes: Uint8Array): string {
  return createHmac('md5', Buffer.from(APP_KEY, 'hex')).update(bytes).digest('hex');
}

/**
 * An msw handler for `path` (msw syntax, e.g. `/v2/audiences/:audienceId`) answering `status` with
 * `body` as JSON, or with no body when `body` is undefined. It reads the request body before
 * answering: `useMockServer` records a clone of each request asynchronously, and a handler that
 * answers at once can let the call finish before the recording has its bytes.
 */
export function answer(method: Method, path: string, status: number, body?: unknown) {
  return http[method](`${BASE_URL}${path}`, async ({ request }) => {
    await request.arrayBuffer();
    return body === undefined
      ? new HttpResponse(null, { status })
      : HttpResponse.json(body as object, { status });
  });
}

/** Lets pending recordings land before asserting on `seen` (e.g. that nothing was sent). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

export interface Sent {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** The exact (percent-encoded) path. */
  readonly path: string;
  /** The exact query string, with its `?` ('' or absent for none). */
  readonly query?: string;
  /** The JSON body expected (absent: no body at all). */
  readonly body?: unknown;
}

/** Asserts that exactly one request left with the apiKey client's headers, and what it was. */
export async function expectSent(seen: readonly SeenRequest[], want: Sent): Promise<SeenRequest> {
  await settle();
  expect(seen).toHaveLength(1);
  const req = seen[0]!;
  expect(req.method).toBe(want.method);
  expect(req.url.pathname).toBe(want.path);
  expect(req.url.search).toBe(want.query ?? '');
  expect(req.headers.get('authorization')).toBe(`ApiKey-v1 ${KEY}`);
  expect(req.headers.has('content-signature')).toBe(false);
  expect(req.headers.get('accept')).toBe('application/json');
  if (want.body === undefined) {
    expect(req.body).toHaveLength(0);
    expect(req.headers.has('content-type')).toBe(false);
  } else {
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(text(req.body))).toEqual(want.body);
  }
  return req;
}

/** Asserts an ok result (one attempt, `status`) and returns its value. */
export function okValue<T>(result: Result<T, unknown>, status = 200): T {
  expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  if (!result.ok) throw new Error('not ok');
  expect(result.response.status).toBe(status);
  expect(result.response.attempts).toBe(1);
  return result.value;
}

/** An answer's unknown key, which stays on the value at run time. */
export const extra = (value: unknown, key = 'extra'): unknown => (value as Record<string, unknown>)[key];

/** Asserts a documented HTTP error of `operation` with its parsed body, after one attempt. */
export function expectDocumented(result: AnyResult, operation: string, status: number, body: unknown): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({
    kind: 'http',
    operation,
    documented: true,
    status,
    body,
    attempts: 1,
  });
}

/**
 * Asserts a validation error of `operation` naming `path` among its issues (and matching `message`
 * when given), and that nothing was sent.
 */
export async function expectRejected(
  seen: readonly SeenRequest[],
  result: AnyResult,
  operation: string,
  path: string,
  message?: RegExp,
): Promise<void> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind, result.error.message).toBe('validation');
  if (result.error.kind !== 'validation') return;
  expect(result.error.operation).toBe(operation);
  expect(result.error.issues.map((i) => i.path)).toContain(path);
  expect(result.error.message).toMatch(/nothing was sent$/);
  if (message) expect(result.error.message).toMatch(message);
  await settle();
  expect(seen).toHaveLength(0);
}

export interface InvalidCase {
  readonly label: string;
  readonly params: unknown;
  /** The issue path the validation error must name, e.g. `body.campaignId`. */
  readonly path: string;
}

export interface EndpointCase {
  readonly id: string;
  /**
   * Calls the endpoint; params are untyped here so that bad input can be passed. The client is
   * typed `Client<'apiKey'>` (what the 26.13 operations accept); the harness also passes the
   * signature client through it, to check the run-time refusal.
   */
  readonly call: (client: Client<'apiKey'>, params: unknown) => Promise<AnyResult>;
  readonly method: Method;
  /** The msw route, e.g. `/v1/coupon_reservations/:couponValue`. */
  readonly route: string;
  /** Valid params, with `NASTY` as every path parameter value. */
  readonly params: Record<string, unknown>;
  readonly expectedPath: string;
  /** The exact query string sent for `params` ('' for none). */
  readonly expectedQuery: string;
  /** Whether a JSON body is sent (it is `params.body`). */
  readonly hasBody: boolean;
  readonly success: { readonly status: number; readonly body?: unknown };
  /** Every documented error status with a body valid for it. */
  readonly documented: Readonly<Record<number, unknown>>;
  /**
   * Whether a spec lists `integration_auth` for it: only the three 2021 (V1) operations; every
   * 26.13 operation is apiKey only.
   */
  readonly signature: boolean;
  readonly invalid: readonly InvalidCase[];
  /** A valid params key misspelled (e.g. `customerSesionId`) and the key it should suggest. */
  readonly misspelled?: { readonly key: string; readonly meant: string };
  /** A 2xx body the operation's schema rejects (omit for operations that return no body). */
  readonly offSchema?: { readonly body: unknown; readonly issuePath: string };
  /** A 2xx body with unknown fields, enum values and effect types, which must parse as is. */
  readonly lenient?: unknown;
  /** An empty 2xx body is a success (value `undefined`), as for the `silent` operations. */
  readonly emptyOk?: boolean;
}

/** Registers the common tests of one endpoint (call inside a `describe`). */
export function endpointTests(c: EndpointCase, { server, seen }: Server): void {
  const use = (status: number, body: unknown) => server.use(answer(c.method, c.route, status, body));
  const bodyOf = () => (c.params as { body?: unknown }).body;
  /** The signature client, deliberately passed where only apiKey is typed (checked at run time). */
  const signed = signedClient as unknown as Client<'apiKey'>;

  /**
   * The body sent is the JSON of the validated body: the same JSON value as the caller's (keys in
   * the schema's order, so not necessarily the caller's), written without whitespace.
   */
  const expectSentBody = (bytes: Uint8Array) => {
    const sent = text(bytes);
    expect(JSON.parse(sent)).toEqual(bodyOf());
    expect(sent).toBe(JSON.stringify(JSON.parse(sent)));
  };

  it('sends the method, the encoded path, the query, ApiKey-v1 and the exact body bytes', async () => {
    use(c.success.status, c.success.body);
    const result = await c.call(client, c.params);
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    const req = await expectSent(seen, {
      method: c.method.toUpperCase() as Sent['method'],
      path: c.expectedPath,
      query: c.expectedQuery,
      ...(c.hasBody ? { body: bodyOf() } : {}),
    });
    if (c.hasBody) expectSentBody(req.body);
  });

  if (c.signature) {
    it('with a contentSignature client, signs the exact body bytes with HMAC-MD5 (checked by node:crypto)', async () => {
      use(c.success.status, c.success.body);
      const result = await c.call(signed, c.params);
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      expect(seen).toHaveLength(1);
      const req = seen[0]!;
      expect(req.headers.has('authorization')).toBe(false);
      expect(req.headers.get('content-signature')).toBe(
        `signer=${APP_ID}; signature=${expectedSignature(req.body)}`,
      );
      if (c.hasBody) expectSentBody(req.body);
      else expect(req.body).toHaveLength(0);
    });
  } else {
    it('refuses a contentSignature client with a config error, sending nothing', async () => {
      use(c.success.status, c.success.body);
      const result = await c.call(signed, c.params);
      expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'auth', operation: c.id } });
      if (!result.ok) expect(result.error.message).toMatch(/accepts only apiKey auth.*nothing was sent$/);
      await settle();
      expect(seen).toHaveLength(0);
    });
  }

  it(`answers HTTP ${c.success.status} with the parsed value`, async () => {
    use(c.success.status, c.success.body);
    const result = await c.call(client, c.params);
    expect(result).toEqual({
      ok: true,
      value: c.success.body,
      response: { status: c.success.status, headers: expect.any(Headers), attempts: 1 },
    });
  });

  for (const [status, body] of Object.entries(c.documented)) {
    it(`returns the documented ${status} with its body parsed`, async () => {
      use(Number(status), body);
      expectDocumented(await c.call(client, c.params), c.id, Number(status), body);
    });
  }

  it('returns a status it does not document as documented: false, with the body kept', async () => {
    const body = { message: 'I am a teapot', code: 'teapot' };
    use(418, body);
    const result = await c.call(client, c.params);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'http', documented: false, status: 418, body });
    expect(result.error.message).toContain('I am a teapot');
  });

  for (const bad of c.invalid) {
    it(`rejects bad input before sending: ${bad.label}`, async () => {
      use(c.success.status, c.success.body);
      await expectRejected(seen, await c.call(client, bad.params), c.id, bad.path);
    });
  }

  const misspelled = c.misspelled;
  it(`refuses an unknown params key, naming the key it most likely meant, before sending`, async () => {
    use(c.success.status, c.success.body);
    const { key, meant } = misspelled ?? { key: 'unexpectedKey', meant: undefined };
    const params = { ...c.params, [key]: meant === undefined ? 1 : c.params[meant] };
    if (meant !== undefined) delete params[meant];
    const result = await c.call(client, params);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'validation', operation: c.id });
    if (result.error.kind !== 'validation') return;
    const hint = meant === undefined ? '' : `; did you mean ${meant}?`;
    expect(result.error.issues).toContainEqual({
      path: key,
      message: `is not a field of ${c.id} params${hint}`,
    });
    expect(result.error.message).toMatch(/nothing was sent$/);
    await settle();
    expect(seen).toHaveLength(0);
  });

  const off = c.offSchema;
  if (off) {
    it('reports an off-schema 2xx body as a response/schema error naming the field', async () => {
      use(c.success.status, off.body);
      const result = await c.call(client, c.params);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({
        kind: 'response',
        problem: 'schema',
        status: c.success.status,
        operation: c.id,
      });
      if (result.error.kind !== 'response') return;
      expect(result.error.issues.map((i) => i.path)).toContain(off.issuePath);
      // The parsed JSON comes with the error, so the caller can still read what arrived.
      expect(result.error.body).toEqual(JSON.parse(JSON.stringify(off.body)));
    });

    if (!c.emptyOk)
      for (const status of new Set([c.success.status, 204]))
        it(`reports an empty ${status} where data is due as a response/empty error (the value type has no undefined)`, async () => {
          use(status, undefined);
          const result = await c.call(client, c.params);
          expect(result).toMatchObject({ ok: false, error: { kind: 'response', problem: 'empty', status } });
        });

    it('returns unchecked JSON with validateResponse: false', async () => {
      use(c.success.status, off.body);
      const result = await c.call(
        createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), validateResponse: false }),
        c.params,
      );
      expect(result).toMatchObject({ ok: true, value: JSON.parse(JSON.stringify(off.body)) });
    });
  }

  const lenient = c.lenient;
  if (lenient !== undefined) {
    it('accepts unknown fields, unknown enum values and unknown effect types, and keeps them', async () => {
      use(c.success.status, lenient);
      const result = await c.call(client, c.params);
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      if (!result.ok) return;
      expect(result.value).toEqual(lenient);
    });
  }
}

/**
 * The value of `params` with the key at `path` (dotted, e.g. `body.cartItems.0.sku`) removed,
 * or replaced when a value is given (even `undefined`).
 */
export function change(
  params: Record<string, unknown>,
  path: string,
  ...replacement: [value?: unknown]
): Record<string, unknown> {
  const copy = structuredClone(params);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (replacement.length === 0) delete target[last];
  else target[last] = replacement[0];
  return copy;
}
