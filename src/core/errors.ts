/**
 * The error union, and the builders that make its values. Every failure an endpoint can meet is one of these plain, immutable objects,
 * discriminated by `kind`. None of them ever holds an API key or an application key: bodies
 * echoed by the server are scrubbed of the client's secrets before they are kept.
 */
import { type GenericSchema, safeParse } from 'valibot';
import { isClient } from '../client.js';
import { retryDelay } from './retryAfter.js';

/** One problem found in a request's parameters, with a dotted path such as `body.cartItems[0].price`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * @internal What kind of problem an issue is, read from the issue's structure (see
 * `issueCode` in ./issues.ts), never from its message text: a key the schema does not define, a
 * required key that is absent, a value of the wrong type, or a value of the right type that a
 * check refused.
 */
export type IssueCode = 'unknown_key' | 'missing_key' | 'invalid_type' | 'invalid_value';

/** @internal A {@link ValidationIssue} with its {@link IssueCode}, as the transport finds it. */
export interface CodedIssue extends ValidationIssue {
  readonly code: IssueCode;
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

/**
 * Whether a failed call may have been applied by Talon.One, on the errors of calls that reached
 * the network (`http`, `network`, `timeout`).
 */
export interface MayHaveBeenApplied {
  /**
   * `true` when an attempt of the call may have changed Talon.One's state even though the call
   * failed: an answer was lost (a network error after the request was sent, a timeout while
   * waiting, a 2xx whose body did not arrive) or the answer was 500, 502, 504 (or a 503 without
   * `Retry-After`). Then do not simply send the change again unless the operation is safe to
   * repeat or you pass the same `idempotencyKey`: read the state first (for a session,
   * `getCustomerSession`); the message says so for such calls. `false` when every attempt was
   * refused or never sent (connection refused, DNS, 4xx, 429, 503 with `Retry-After`): nothing
   * was applied.
   */
  readonly mayHaveBeenApplied: boolean;
}

/** Fields every HTTP status error carries. */
interface HttpErrorBase extends MayHaveBeenApplied {
  readonly kind: 'http';
  readonly operation: string;
  readonly message: string;
  readonly headers: Headers;
  /**
   * Milliseconds the server asked the caller to wait, when it said so: from `Retry-After`,
   * `RateLimit-Reset`, `X-RateLimit-Retry-After` or `X-RateLimit-Reset`, the first present.
   */
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

/**
 * No HTTP answer: DNS, refused or reset connection, TLS, or a custom `fetch` that failed. A
 * failure before anything was sent is retried for every call; one after the request may have
 * been sent only for calls that are safe to repeat (`mayHaveBeenApplied` says which it was).
 */
export interface NetworkError extends MayHaveBeenApplied {
  readonly kind: 'network';
  readonly operation: string;
  readonly message: string;
  readonly attempts: number;
}

/**
 * Which time limit ended a call:
 * - `'attempt'`: `timeout`, while an attempt waited for the response headers (an error body
 *   included); retried only with `retry.retryOnTimeout`;
 * - `'body'`: `timeout` again, while the 2xx body was being read; never retried;
 * - `'total'`: `totalTimeout`, the bound of the whole call (attempts, backoff and `Retry-After`
 *   waits included), whatever was going on when it ran out.
 */
export type TimeoutLimit = 'attempt' | 'body' | 'total';

/**
 * An attempt, the body read or the whole call ran out of time: `limit` says which, `timeout` is
 * that limit in milliseconds, and the message names the option. Not retried unless
 * `retry.retryOnTimeout` (and then only an attempt's timeout).
 */
export interface TimeoutError extends MayHaveBeenApplied {
  readonly kind: 'timeout';
  readonly operation: string;
  readonly message: string;
  /** Which limit ran out: `timeout` for an attempt or the body read, or `totalTimeout`. */
  readonly limit: TimeoutLimit;
  /** The limit that ran out, in milliseconds (the `timeout` or `totalTimeout` setting). */
  readonly timeout: number;
  readonly attempts: number;
}

/** The caller's `AbortSignal` fired. Never retried. */
export interface AbortedError {
  readonly kind: 'aborted';
  readonly operation: string;
  readonly message: string;
}

/** Why a 2xx answer could not be used. */
export type ResponseProblem = 'not-json' | 'schema' | 'too-large' | 'empty' | 'redirect' | 'unreadable';

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

// ---------------------------------------------------------------------------------------------
// Builders: one per error kind, so that every message of a kind reads the same wherever it is
// made. Messages start with the operation; whatever may quote a server or a caller's value is
// scrubbed of the client's secrets.

/** Replaces the client's secrets in a text with `[redacted]`. */
export type Redact = (text: string) => string;

/**
 * @internal What the builders need to know about a call under way: its operation, the attempts
 * made so far, and how to scrub the client's secrets.
 */
export interface CallFacts {
  readonly operation: string;
  readonly attempts: number;
  readonly redact: Redact;
  /** Whether an attempt may have been applied (see {@link MayHaveBeenApplied}); absent: no. */
  readonly mayHaveBeenApplied?: boolean;
  /**
   * For a call that is not safe to repeat: what to do when it may have been applied, added to
   * the message of such an error.
   */
  readonly advice?: string | undefined;
}

/**
 * The fields every error of a call that reached the network has (`operation`, `attempts`,
 * {@link MayHaveBeenApplied}), `fields`, and the message `${operation}: ${text}`, ended with the
 * call's advice when it may have been applied and passed through `scrub`.
 */
function reached<T extends { readonly kind: string }>(
  call: CallFacts,
  kind: T['kind'],
  text: string,
  fields: object,
  scrub: Redact = call.redact,
): T {
  const mayHaveBeenApplied = call.mayHaveBeenApplied === true;
  const tail = mayHaveBeenApplied && call.advice ? `; ${call.advice}` : '';
  return fail({
    kind,
    operation: call.operation,
    attempts: call.attempts,
    mayHaveBeenApplied,
    ...fields,
    message: scrub(`${call.operation}: ${text}${tail}`),
  }) as unknown as T;
}

/** Scrubs secrets from issues (valibot messages quote the values they received); drops codes. */
function redactIssues(issues: readonly ValidationIssue[], redact: Redact): ValidationIssue[] {
  return issues.map((issue) => ({ path: redact(issue.path), message: redact(issue.message) }));
}

/** @internal A `config` error: `field` cannot be used for this call. Nothing was sent. */
export function configError(operation: string, field: string, message: string): ConfigError {
  return fail({
    kind: 'config',
    operation,
    field,
    message: `${operation}: ${field} ${message}; nothing was sent`,
  });
}

/**
 * @internal A `validation` error listing `found`, scrubbed. A misspelled key is reported twice
 * (the unknown key, and the required key it was meant to be): the unknown keys lead, since
 * their message says what to write instead; otherwise the order is kept.
 */
export function validationError(
  operation: string,
  found: readonly CodedIssue[],
  redact: Redact,
): ValidationError {
  const ordered = found.filter((issue) => issue.code === 'unknown_key');
  for (const issue of found) if (issue.code !== 'unknown_key') ordered.push(issue);
  const issues = redactIssues(ordered, redact);
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  // A message that reads on from its path ("is required by …") follows it after a space.
  const joint = first?.message.startsWith('is ') ? ' ' : ': ';
  return fail({
    kind: 'validation',
    operation,
    message: `${operation}: invalid params: ${first?.path}${joint}${first?.message}${more}; nothing was sent`,
    issues,
  });
}

/** @internal A `response` error: a 2xx answer (or a redirect) that cannot be handed over. */
export function responseError(
  call: CallFacts,
  status: number,
  problem: ResponseProblem,
  detail: string,
  issues: readonly ValidationIssue[] = [],
  body?: unknown,
): ResponseError {
  return fail({
    kind: 'response',
    operation: call.operation,
    status,
    problem,
    issues: redactIssues(issues, call.redact),
    ...(body === undefined ? {} : { body }),
    message: call.redact(`${call.operation}: unusable response (HTTP ${status}): ${detail}`),
  });
}

/**
 * @internal A `timeout` error for the limit that ran out (`ms`: the `timeout` or
 * `totalTimeout` setting), its message naming the option.
 */
export function timeoutError(call: CallFacts, limit: TimeoutLimit, ms: number): TimeoutError {
  const what =
    limit === 'total'
      ? `totalTimeout (${ms} ms) ran out`
      : `${limit === 'body' ? 'the body did not arrive' : 'no answer'} within timeout (${ms} ms)`;
  // Nothing in this message comes from a server or a caller: it is not scrubbed.
  return reached(call, 'timeout', `${what}, attempt ${call.attempts}`, { limit, timeout: ms }, String);
}

/** @internal An `aborted` error: the caller's signal fired. */
export function abortedError(operation: string): AbortedError {
  return fail({ kind: 'aborted', operation, message: `${operation}: aborted by the caller's signal` });
}

/** @internal A `network` error: no answer arrived, for the reason `detail` gives. */
export function networkError(call: CallFacts, detail: string): NetworkError {
  return reached(call, 'network', `the request failed before an answer arrived: ${detail.slice(0, 300)}`, {});
}

/**
 * @internal An `http` error for a non-2xx answer whose body is `data` (JSON, text or
 * `undefined`): documented when `schema` (the operation's error shape for the status) accepts it.
 */
export function httpError(
  call: CallFacts,
  response: Pick<Response, 'status' | 'headers'>,
  data: unknown,
  schema: GenericSchema | undefined,
): HttpError<Record<number, unknown>> {
  const status = response.status;
  const parsed = schema ? safeParse(schema, data) : undefined;
  const said = (data as { message?: unknown } | null | undefined)?.message;
  const apiMessage = typeof data === 'object' && typeof said === 'string' ? `: ${said.slice(0, 300)}` : '';
  const after = call.attempts > 1 ? ` (after ${call.attempts} attempts)` : '';
  return reached(call, 'http', `Talon.One answered HTTP ${status}${apiMessage}${after}`, {
    headers: response.headers,
    retryAfter: retryDelay(response.headers, Date.now())?.ms,
    status,
    ...(parsed?.success ? { documented: true, body: parsed.output } : { documented: false, body: data }),
  });
}

/**
 * @internal The last-resort error for a bug (something threw where nothing should): a `network`
 * error saying so, scrubbed of the client's secrets. Used by `send` and the pagination helpers.
 */
export function internalError(client: unknown, operation: string, detail: string): NetworkError {
  const redact = isClient(client) ? client.auth.redact : (text: string) => text;
  return fail({
    kind: 'network',
    operation,
    attempts: 0,
    // Unknown: a bug may have struck after a request was sent.
    mayHaveBeenApplied: true,
    message: redact(`${operation}: internal error: ${detail.slice(0, 300)}`),
  });
}
