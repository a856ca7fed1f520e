/**
 * Helpers for the tests of the operations new in 26.13 (new-sessions, events, audiences, loyalty,
 * catalog): an apiKey client, msw answers, and assertions on what was sent and what came back.
 * Self-contained on purpose: it does not depend on the older harness, which is being migrated.
 */
import { HttpResponse, http } from 'msw';
import { expect } from 'vitest';
import type { Result, TalonError } from '../../src/index.js';
import { apiKey, createClient } from '../../src/index.js';
import { BASE_URL, type SeenRequest } from '../support/msw.js';

export const KEY = 'new-ops-key-5e2b';
/** No retries: a documented 409 or 5xx must come back after one attempt. */
export const client = createClient({ baseUrl: BASE_URL, auth: apiKey(KEY), retry: false });

/** A string path parameter that needs escaping in one URL segment, and its encoding. */
export const NASTY_ID = 'id/1 ?#ü';
export const NASTY_ID_ENCODED = 'id%2F1%20%3F%23%C3%BC';
/** A loyalty card identifier (4–108 characters) that needs escaping. */
export const CARD_ID = 'CARD/7 ?#';
export const CARD_ID_ENCODED = 'CARD%2F7%20%3F%23';

export type AnyResult = Result<unknown, TalonError<Record<number, unknown>>>;
type Method = 'get' | 'put' | 'post' | 'delete';

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/**
 * An msw handler for `path` (msw syntax, e.g. `/v2/audiences/:audienceId`) answering `status` with
 * `body` as JSON, or with no body when `body` is undefined. It reads the request body first, so
 * the recording in `seen` has its bytes before the call finishes.
 */
export function answer(method: Method, path: string, status: number, body?: unknown) {
  return http[method](`${BASE_URL}${path}`, async ({ request }) => {
    await request.arrayBuffer();
    return body === undefined
      ? new HttpResponse(null, { status })
      : HttpResponse.json(body as object, { status });
  });
}

/** Lets pending recordings land before asserting on `seen`. */
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

/** Asserts that exactly one request left, and what it was. */
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

/** Asserts an ok result and returns its value. */
export function okValue<T>(result: Result<T, unknown>, status = 200): T {
  expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  if (!result.ok) throw new Error('not ok');
  expect(result.response.status).toBe(status);
  expect(result.response.attempts).toBe(1);
  return result.value;
}

/** An answer's unknown key, which stays on the value at run time. */
export const extra = (value: unknown, key = 'extra'): unknown => (value as Record<string, unknown>)[key];

/** Asserts a documented HTTP error with its parsed body. */
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
 * Asserts a validation error naming `path` among its issues (and matching `message` when given),
 * and that nothing was sent.
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

/** Integer path parameter values that must be refused: a fraction, a numeric string, NaN. */
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

// ---- Answer bodies, written from the 26.13 schemas ----

/** `ErrorResponseWithStatus`, with an unknown key. */
export const errorWithStatus = (status: number, message = 'not found') => ({
  message,
  errors: [{ title: message, details: 'see source', source: { pointer: '/id', parameter: 'id' } }],
  StatusCode: status,
  requestId: 'req-1',
});

/** `ErrorResponse` (message required), with a `null` list. */
export const errorResponse = (message = 'bad request') => ({ message, errors: null });

export const CREATED = '2026-06-24T10:15:22.123Z';

/** An `Effect` of a known type (`setDiscount`). */
export const setDiscountEffect = () => ({
  campaignId: 244,
  rulesetId: 73,
  ruleIndex: 0,
  ruleName: '10% off',
  effectType: 'setDiscount',
  props: { name: '10% off', value: 12.5 },
});

/** An `Effect` of a type this SDK version does not know. */
export const unknownEffect = () => ({
  campaignId: 244,
  rulesetId: 73,
  ruleIndex: 1,
  ruleName: 'future',
  effectType: 'launchRocket',
  props: { countdown: 3 },
});

/** A `CustomerSessionV2` answer. */
export const customerSession = (overrides: Record<string, unknown> = {}) => ({
  id: 6,
  created: CREATED,
  integrationId: 'session-1',
  applicationId: 322,
  profileId: 'URNGV8294NV',
  couponCodes: null,
  loyaltyCards: ['card-1'],
  state: 'closed',
  cartItems: [{ name: 'Air Glide', sku: 'SKU1241028', quantity: 2, price: 99.99 }],
  attributes: { ShippingCity: 'Berlin' },
  firstSession: false,
  updateCount: 3,
  total: 199.98,
  cartItemTotal: 199.98,
  additionalCostTotal: 0,
  updated: CREATED,
  ...overrides,
});

/** A `CustomerProfile` answer. */
export const customerProfile = (overrides: Record<string, unknown> = {}) => ({
  id: 6,
  created: CREATED,
  integrationId: 'URNGV8294NV',
  attributes: { Language: 'english' },
  accountId: 31,
  closedSessions: 3,
  totalSales: 299.97,
  loyaltyMemberships: null,
  lastActivity: CREATED,
  ...overrides,
});
