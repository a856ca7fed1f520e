/**
 * What the fake's test files share: a client for a fake, the usual cart, and assertions on
 * results and on raw answers. Each file keeps its own clock and `beforeEach`.
 */
import { expect } from 'vitest';
import { apiKey, type Client, createClient, type Effect, type Result } from '../../src/index.js';
import { FAKE_API_KEY, type FakeTalon } from '../../src/testing/index.js';

export const BASE = 'https://fake.talon.one';
export const DAY = 86_400_000;

/** Two lines, 138.00 in all. */
export const CART = [
  { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
];

/** An apiKey client whose fetch is the fake, without retries. */
export function clientFor(fake: FakeTalon): Client<'apiKey'> {
  return createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
}

/** The value of a successful result; fails with the error's message otherwise. */
export function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** An error body of the API, as the fake writes it. */
export interface ErrorBody {
  message?: string;
  errors?: { title?: string; details?: string; source?: { pointer?: string; parameter?: string } }[];
  StatusCode?: number;
}

/** The error of a failed result, which must be an HTTP status error with `status`. */
export function httpError(result: Result<unknown, { kind: string; message: string }>, status: number) {
  if (result.ok) throw new Error(`expected HTTP ${status}, got ok`);
  const error = result.error as { kind: string; status?: number; documented?: boolean; body?: unknown };
  expect(error.kind, result.error.message).toBe('http');
  expect(error.status).toBe(status);
  return error as { documented: boolean; body: ErrorBody };
}

/** The body of a failed result, which must be an HTTP status error (documented unless said). */
export function httpErrorBody(
  result: Result<unknown, { kind: string; message: string }>,
  status: number,
  documented = true,
) {
  const error = httpError(result, status);
  expect(error.documented).toBe(documented);
  return error.body as { message: string; errors: { source: { pointer?: string; parameter?: string } }[] };
}

/** The effect types, in order. */
export function types(effects: readonly Effect[] | readonly Record<string, unknown>[]): string[] {
  return effects.map((e) => String(e.effectType));
}

/** The first effect of `type`. */
export function find<T extends Effect['effectType']>(effects: readonly Effect[], type: T) {
  return effects.find((e) => e.effectType === type) as Extract<Effect, { effectType: T }> | undefined;
}

/** Every effect of `type`. */
export function findAll<T extends Effect['effectType']>(effects: readonly Effect[], type: T) {
  return effects.filter((e) => e.effectType === type) as Extract<Effect, { effectType: T }>[];
}

/** A request straight to the fake (no SDK in between), with the API key and `body` as JSON. */
export function raw(fake: FakeTalon, method: string, path: string, body?: unknown) {
  return fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `ApiKey-v1 ${FAKE_API_KEY}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}
