/**
 * What a successful call hands back besides the parsed value: the final HTTP status, the
 * response headers and how many attempts the call took (1 when it was not retried).
 */
export interface ResponseMeta {
  readonly status: number;
  readonly headers: Headers;
  readonly attempts: number;
}

/** A successful outcome: the parsed, validated value and the response it came from. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
  readonly response: ResponseMeta;
}

/** A failed outcome: one member of the SDK's error union, never an exception. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/**
 * The value every endpoint resolves to. Check `ok` before touching `value` or `error`:
 *
 * ```ts
 * const result = await deleteCustomerData(client, { integrationId: 'user-1' });
 * if (!result.ok) console.error(result.error.message);
 * ```
 */
export type Result<T, E> = Ok<T> | Err<E>;

/** Builds a successful {@link Result}. */
export function ok<T>(value: T, response: ResponseMeta): Ok<T> {
  return { ok: true, value, response };
}

/** Builds a failed {@link Result}. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
