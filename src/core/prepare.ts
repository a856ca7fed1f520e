/**
 * The first stage of a call: everything that can be decided before anything is sent. The client
 * and the options are checked, the params validated, the URL and the body built, the headers set
 * and signed. A problem here is a `config`, `validation` or `aborted` error, and nothing was sent.
 */
import { safeParse } from 'valibot';
import { type Client, isClient } from '../client.js';
import type { Call } from './attempt.js';
import {
  abortedError,
  type CodedIssue,
  configError,
  type TalonError,
  type ValidationError,
  validationError,
} from './errors.js';
import { idempotencyKeyProblem, newIdempotencyKey, takesKey } from './idempotency.js';
import { toIssues } from './issues.js';
import type { Operation } from './operation.js';
import { type CallOptions, checkSharedOptions, type ResolvedRetry, resolveRetry } from './options.js';
import { type Err, err } from './result.js';
import { type RetryFacts, safeToRepeat } from './retry.js';

/**
 * @internal What a stage of a call hands on: its value, or the error that ends the call (an
 * `Err`, told apart by its `error` key: no stage's value has one).
 */
export type Step<T extends object> = T | Err<TalonError<Record<number, unknown>>>;

/**
 * @internal A checked call, ready to send: one object that is also the {@link Call} its attempts
 * share and the {@link RetryFacts} its retry decisions read, so that no stage copies it.
 */
export interface Prepared extends Call, RetryFacts {
  readonly client: Client;
  readonly op: Operation<unknown, Record<number, unknown>>;
  readonly url: string;
  /** The request headers, signed; as a record, which ky merges more cheaply than a Headers. */
  readonly headers: Record<string, string>;
  /** The serialized body (`null` when the operation sends none): the bytes that were signed. */
  readonly body: Uint8Array<ArrayBuffer> | null;
  readonly retry: ResolvedRetry;
  readonly validate: boolean;
  /** The call's deadline (see {@link Call}): set by `transmit`, read by the retry rules. */
  deadline: number;
}

/**
 * @internal Checks and builds a call of `op`: a {@link Prepared} call, or the `config`,
 * `validation` or `aborted` error that stops it before anything is sent.
 */
export function prepare(
  client: Client,
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  options: CallOptions | undefined,
): Step<Prepared> {
  const settings = settle(client, op, options);
  if ('error' in settings) return settings;
  const refusal = client.auth.refuses?.(op);
  if (refusal) return err(configError(op.id, 'auth', refusal));
  const request = encode(client, op, params);
  if ('error' in request) return request;
  return seal(client, op, settings, request);
}

/** @internal The client and the call options of a call, checked (see {@link settle}). */
export interface Settings {
  readonly call: CallOptions;
  readonly retry: ResolvedRetry;
}

/**
 * @internal A call's request as built from its validated params: the URL, the bytes of the body
 * (`null` for none) and their content `type` (default `application/json`).
 */
export interface Encoded {
  readonly url: string;
  readonly body: Uint8Array<ArrayBuffer> | null;
  readonly type?: string;
  /** The params as validated, for the retry rules that read them. */
  readonly params: unknown;
}

/**
 * @internal The last step of {@link prepare}: the headers set and signed around the encoded
 * request (`accept`: what the answer may be, default JSON), the call's settings resolved.
 */
export function seal(
  client: Client,
  op: Operation<unknown, Record<number, unknown>>,
  settings: Settings,
  request: Encoded,
  accept = 'application/json',
): Step<Prepared> {
  const { call, retry } = settings;
  const signal = call.signal;
  if (signal?.aborted) return err(abortedError(op.id));
  const { url, body } = request;
  const idempotencyKey = takesKey(op.idempotency) ? (call.idempotencyKey ?? newIdempotencyKey()) : undefined;

  const headers = new Headers({ accept });
  if (body) headers.set('content-type', request.type ?? 'application/json');
  for (const [name, value] of Object.entries(client.headers)) headers.set(name, value);
  if (call.headers) for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
  if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
  client.auth.sign(headers, body ?? new Uint8Array(0));
  const keyed = idempotencyKey !== undefined;
  return {
    client,
    op,
    operation: op.id,
    redact: client.auth.redact,
    url,
    headers: Object.fromEntries(headers),
    body,
    signal,
    timeout: call.timeout ?? client.timeout,
    totalTimeout: call.totalTimeout ?? client.totalTimeout,
    // Set when the first attempt is sent (../core/request.ts `transmit`).
    deadline: Number.POSITIVE_INFINITY,
    retry,
    validate: call.validateResponse ?? client.validateResponse,
    params: request.params,
    keyed,
    attempts: 0,
    mayHaveBeenApplied: false,
    // Advice unless a repeat is harmless without a key. Only a key the caller chose can be sent
    // again: one the SDK made for this call is not the caller's to reuse.
    advice: safeToRepeat(op, request.params, false)
      ? undefined
      : adviceFor(op, call.idempotencyKey !== undefined && keyed),
  };
}

/**
 * What the caller of a call that is not safe to repeat should do when it may have been applied:
 * read the state it changes before sending it again.
 */
function adviceFor(op: Operation, ownKey: boolean): string {
  // A session operation (current or legacy) by its path segment.
  const check = /\/customer_sessions\//.test(op.path)
    ? 'read the session with getCustomerSession'
    : `check Talon.One's state`;
  const key = ownKey ? ', or send it with the same idempotencyKey within 24 hours' : '';
  return `the request may have been applied (${op.id} is not safe to repeat): ${check} before sending it again${key}`;
}

function isSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

/**
 * @internal The client and the call options, checked; the retry setting resolved. Which auth may
 * call `op` is the caller's to check: `prepare` asks the client's auth (`Auth.refuses`).
 */
export function settle(client: Client, op: Operation, options: CallOptions | undefined): Step<Settings> {
  if (!isClient(client))
    return err(configError(op.id, 'client', 'must be a client made by createClient(...)'));
  if (options !== undefined && (typeof options !== 'object' || options === null))
    return err(configError(op.id, 'options', 'must be an object or undefined'));
  const call: CallOptions = options ?? {};
  const problem = checkSharedOptions(call as Record<string, unknown>, 'options.');
  if (problem) return err(configError(op.id, problem.field, problem.message));
  if (call.signal !== undefined && !isSignal(call.signal))
    return err(configError(op.id, 'options.signal', 'must be an AbortSignal'));
  if (call.idempotencyKey !== undefined) {
    const keyProblem = takesKey(op.idempotency)
      ? idempotencyKeyProblem(call.idempotencyKey)
      : 'is not honoured by Talon.One for this operation (it takes no Idempotency-Key)';
    if (keyProblem) return err(configError(op.id, 'options.idempotencyKey', keyProblem));
  }
  const retry = resolveRetry(call.retry, client.retry, 'options.retry');
  if ('field' in retry) return err(configError(op.id, retry.field, retry.message));
  return { call, retry };
}

/**
 * @internal The params, validated, as a URL and a JSON body: what is sent is exactly what was
 * checked.
 */
export function encode(client: Client, op: Operation, params: unknown): Step<Encoded> {
  const located = locate(client, op, params);
  if ('error' in located) return located;
  const { url, values } = located;
  if (!op.body) return { url, body: null, params: values };
  const json = serialize(values.body);
  if (json === undefined)
    return refuse(client, op, {
      path: 'body',
      message: 'cannot be serialized as JSON (a cycle or a BigInt?)',
      code: 'invalid_value',
    });
  return { url, body: new TextEncoder().encode(json), params: values };
}

/** @internal The `validation` error of one issue found in a call's params; nothing is sent. */
export function refuse(client: Client, op: Operation, issue: CodedIssue): Err<ValidationError> {
  return err(validationError(op.id, [issue], client.auth.redact));
}

/**
 * @internal The params, validated, and the URL they make (the path filled, the query string
 * built), or the `validation` error that stops the call.
 */
export function locate(
  client: Client,
  op: Operation,
  params: unknown,
): Step<{ url: string; values: Record<string, unknown> }> {
  const checked = safeParse(op.params, params);
  if (!checked.success) return err(validationError(op.id, toIssues(checked.issues), client.auth.redact));
  const values = checked.output as Record<string, unknown>;
  const path = buildPath(op, values);
  if (typeof path !== 'string') return refuse(client, op, path);
  const query = buildQuery(op, values);
  if (typeof query !== 'string') return refuse(client, op, query);
  return { url: `${client.baseUrl}${path}${query}`, values };
}

/** `JSON.stringify`, or `undefined` for a value it cannot take (a cycle, a BigInt). */
function serialize(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Matches an unpaired UTF-16 surrogate, which no URL can carry (encodeURIComponent throws on it). */
const LONE_SURROGATE = /\p{Cs}/u;

function unusable(path: string, message: string): CodedIssue {
  return { path, message, code: 'invalid_value' };
}

const lonelySurrogate = (name: string) =>
  unusable(name, 'is not well-formed Unicode (it has a lone surrogate): a URL cannot carry it');

/**
 * A path template split once per template: literal text at even indexes, parameter names at odd
 * ones (`/a/{id}/b` → `['/a/', 'id', '/b']`).
 */
const templates = new Map<string, string[]>();

/** Fills the path template; every value is percent-encoded as one path segment. */
function buildPath(op: Operation, values: Record<string, unknown>): string | CodedIssue {
  const parts = templates.get(op.path) ?? op.path.split(/\{(\w+)\}/);
  templates.set(op.path, parts);
  let problem: CodedIssue | undefined;
  let path = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    const value = String(values[name]);
    if (value === '.' || value === '..')
      problem ??= unusable(name, 'cannot be "." or "..": a URL path cannot carry it');
    if (LONE_SURROGATE.test(value)) problem ??= lonelySurrogate(name);
    else path += encodeURIComponent(value);
    path += parts[i + 1] ?? '';
  }
  return problem ?? path;
}

/** The query string: array values repeat the name, or join with commas for `op.csv` names. */
function buildQuery(op: Operation, values: Record<string, unknown>): string | CodedIssue {
  if (!op.query) return '';
  const search = new URLSearchParams();
  for (const name of op.query) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    const items = (Array.isArray(value) ? value : [value]).map(String);
    const texts = op.csv?.includes(name) && items.length > 0 ? [items.join(',')] : items;
    for (const text of texts) {
      // URLSearchParams would silently turn a lone surrogate into U+FFFD: refuse instead.
      if (LONE_SURROGATE.test(text)) return lonelySurrogate(name);
      search.append(name, text);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
