/**
 * The error union. Every failure an endpoint can meet is one of these plain, immutable objects,
 * discriminated by `kind`. None of them ever holds an API key or an application key: bodies
 * echoed by the server are scrubbed of the client's secrets before they are kept.
 */

/** One problem found in a request's parameters, with a dotted path such as `body.cartItems[0].price`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The parameters of a call do not fit the operation (missing field, wrong type, value out of
 * range, a path parameter that cannot be put in a URL). Nothing was sent. Never retried.
 */
export interface ValidationError {
  readonly kind: 'validation';
  readonly operation: string;
  readonly message: string;
  readonly issues: readonly ValidationIssue[];
}

/**
 * The client or call options cannot be used for this call: a client that was not made by
 * `createClient`, or an auth scheme the operation does not accept. Nothing was sent.
 */
export interface ConfigError {
  readonly kind: 'config';
  readonly operation: string;
  readonly message: string;
  readonly field: string;
}

/** Fields every HTTP status error carries. */
interface HttpErrorBase {
  readonly kind: 'http';
  readonly operation: string;
  readonly message: string;
  readonly headers: Headers;
  /** Milliseconds the server asked the caller to wait (from `Retry-After`), when it said so. */
  readonly retryAfter: number | undefined;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
}

/**
 * A status the operation documents, with the body parsed as the error shape the API specifies
 * for it. Narrow with `error.documented && error.status === 400`.
 */
export interface DocumentedHttpError<S extends number, B> extends HttpErrorBase {
  readonly documented: true;
  readonly status: S;
  readonly body: B;
}

/**
 * Any other non-2xx answer (or a documented status whose body is not the documented shape):
 * `body` is the parsed JSON, the text, or `undefined` for an empty body.
 */
export interface UndocumentedHttpError extends HttpErrorBase {
  readonly documented: false;
  readonly status: number;
  readonly body: unknown;
}

/**
 * The server answered with a non-2xx status. Retried first when the status and method allow it
 * (see the README's retry table); this is what is left after the last attempt.
 * `E` maps each documented status to its body type.
 */
export type HttpError<E extends Record<number, unknown> = Record<never, never>> =
  | { [S in keyof E & number]: DocumentedHttpError<S, E[S]> }[keyof E & number]
  | UndocumentedHttpError;

/** No HTTP answer: DNS, refused or reset connection, TLS, or a custom `fetch` that failed. Retried for idempotent methods. */
export interface NetworkError {
  readonly kind: 'network';
  readonly operation: string;
  readonly message: string;
  readonly attempts: number;
}

/** An attempt (or the whole call, with `totalTimeout`) ran out of time. Not retried unless `retry.retryOnTimeout`. */
export interface TimeoutError {
  readonly kind: 'timeout';
  readonly operation: string;
  readonly message: string;
  /** The limit that ran out, in milliseconds. */
  readonly timeout: number;
  readonly attempts: number;
}

/** The caller's `AbortSignal` fired. Never retried. */
export interface AbortedError {
  readonly kind: 'aborted';
  readonly operation: string;
  readonly message: string;
}

/** Why a 2xx answer could not be used (`not-csv`: a CSV export answered JSON or HTML). */
export type ResponseProblem =
  | 'not-json'
  | 'not-csv'
  | 'schema'
  | 'too-large'
  | 'empty'
  | 'redirect'
  | 'unreadable';

/**
 * A 2xx answer the SDK cannot hand over as a typed value: not JSON, not the shape the operation
 * returns (then `body` holds the parsed JSON), larger than `maxResponseBytes`, empty where a body
 * is due, a redirect, or a body that broke off. Not retried.
 */
export interface ResponseError {
  readonly kind: 'response';
  readonly operation: string;
  readonly message: string;
  readonly problem: ResponseProblem;
  readonly status: number;
  readonly issues: readonly ValidationIssue[];
  /**
   * The answer's parsed JSON when it arrived but does not fit the documented shape
   * (`problem: 'schema'`), so nothing that arrived is lost: read what you need from it.
   * Scrubbed of the client's secrets. `undefined` for the other problems.
   */
  readonly body?: unknown;
}

/** Every error kind except HTTP status errors, which are typed per operation. */
export type TransportError =
  | ValidationError
  | ConfigError
  | NetworkError
  | TimeoutError
  | AbortedError
  | ResponseError;

/**
 * The error union of one operation: its documented HTTP statuses (`E`) plus every transport
 * error kind. Switch on `kind`.
 */
export type TalonError<E extends Record<number, unknown> = Record<never, never>> =
  | HttpError<E>
  | TransportError;

/** Builds a frozen error value. */
export function fail<T extends { readonly kind: string }>(error: T): T {
  return Object.freeze(error);
}
