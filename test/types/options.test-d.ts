/**
 * Options under `exactOptionalPropertyTypes` (on in this repository's tsconfig.json, which vitest's
 * typecheck uses, and in `tsc --init` from TypeScript 7): every optional option of ClientConfig,
 * CallOptions, RetryOptions, Hooks and PaginateOptions accepts an explicit `undefined`, as the
 * runtime does, so `{ timeout: maybeTimeout }` compiles.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  apiKey,
  type CallOptions,
  type ClientConfig,
  collectItems,
  createClient,
  type FetchLike,
  getCustomerSession,
  getLoyaltyCardTransactions,
  type Hooks,
  type PaginateOptions,
  type RetryOptions,
} from '../../src/index.js';

declare const maybeNumber: number | undefined;
declare const maybeSignal: AbortSignal | undefined;
declare const maybeFetch: FetchLike | undefined;
declare const maybeHooks: Hooks | undefined;
declare const maybeHeaders: Record<string, string> | undefined;
declare const maybeBoolean: boolean | undefined;

/** The optional keys of T. */
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
/** The optional keys of T whose type does not include undefined (should be none). */
type StrictOptionalKeys<T> = {
  [K in OptionalKeys<T>]: { [P in K]: undefined } extends Pick<T, K> ? never : K;
}[OptionalKeys<T>];

describe('exactOptionalPropertyTypes', () => {
  test('no optional option refuses undefined', () => {
    expectTypeOf<StrictOptionalKeys<ClientConfig>>().toEqualTypeOf<never>();
    expectTypeOf<StrictOptionalKeys<CallOptions>>().toEqualTypeOf<never>();
    expectTypeOf<StrictOptionalKeys<RetryOptions>>().toEqualTypeOf<never>();
    expectTypeOf<StrictOptionalKeys<Hooks>>().toEqualTypeOf<never>();
    expectTypeOf<StrictOptionalKeys<PaginateOptions>>().toEqualTypeOf<never>();
    // The check itself can fail: a plain optional key is reported.
    expectTypeOf<
      StrictOptionalKeys<{ a?: number; b?: number | undefined; c: string }>
    >().toEqualTypeOf<'a'>();
  });

  test('createClient, a call and a walk take possibly-undefined values', () => {
    const talon = createClient({
      baseUrl: 'https://acme.europe-west1.talon.one',
      auth: apiKey('key'),
      timeout: maybeNumber,
      totalTimeout: maybeNumber,
      retry: { limit: maybeNumber, retryOnTimeout: maybeBoolean, backoffLimit: maybeNumber },
      headers: maybeHeaders,
      validateResponse: maybeBoolean,
      fetch: maybeFetch,
      hooks: maybeHooks,
      maxResponseBytes: maybeNumber,
    });
    getCustomerSession(
      talon,
      { customerSessionId: 'cart-42' },
      { signal: maybeSignal, timeout: maybeNumber },
    );
    collectItems(
      getLoyaltyCardTransactions,
      talon,
      { loyaltyProgramId: 1, loyaltyCardId: 'card-1' },
      { maxItems: maybeNumber, maxPages: maybeNumber, signal: maybeSignal },
    );
    createClient({
      baseUrl: 'https://acme.europe-west1.talon.one',
      auth: apiKey('key'),
      // @ts-expect-error still a number when given
      timeout: '5000',
    });
  });
});
