/**
 * The transport: the one module that talks to the network (through ky). It validates the call,
 * builds the URL, serializes and signs the body once, applies timeouts, retries and hooks, and
 * turns every outcome into a Result. Nothing in here throws to the caller.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type RetryOptions } from 'ky';
import { type BaseIssue, type GenericSchema, safeParse } from 'valibot';
import type { AnyAuthScheme } from '../auth/types.js';
import { type Client, isClient } from '../client.js';
import {
  type AbortedError,
  type ConfigError,
  fail,
  type HttpError,
  type NetworkError,
  type ResponseError,
  type ResponseProblem,
  type TalonError,
  type TimeoutError,
  type ValidationError,
  type ValidationIssue,
} from './errors.js';
import type { Operation } from './operation.js';
import { type CallOptions, checkSharedOptions, type ResolvedRetry, resolveRetry } from './options.js';
import { err, ok, type Result } from './result.js';
import { parseRetryAfter } from './retryAfter.js';

/** Error bodies are read up to this many bytes; the rest is dropped. */
const ERROR_BODY_LIMIT = 64 * 1024;

type Context = {
  readonly op: Operation<unknown, Record<number, unknown>>;
  readonly client: Client<AnyAuthScheme>;
  readonly redact: (text: string) => string;
  readonly signal: AbortSignal | undefined;
  readonly timeout: number;
  attempts: number;
};

function issuePath(issue: BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out || '(params)';
}

/** Turns valibot issues into the SDK's issue list (at most 20, flattened through unions). */
export function toIssues(issues: readonly BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.slice(0, 20).map((issue) => ({ path: issuePath(issue), message: issue.message }));
}

/** Scrubs secrets from issues: valibot messages quote the values they received. */
function redactIssues(issues: ValidationIssue[], redact: (text: string) => string): ValidationIssue[] {
  return issues.map((issue) => ({ path: redact(issue.path), message: redact(issue.message) }));
}

function validationError(
  op: Operation,
  found: ValidationIssue[],
  redact: (text: string) => string,
): ValidationError {
  // A misspelled key is reported twice (the unknown key, and the required key it was meant to
  // be): lead with the one that says what to write instead.
  const issues = redactIssues(found, redact).sort(
    (a, b) => +b.message.startsWith('is not a ') - +a.message.startsWith('is not a '),
  );
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return fail({
    kind: 'validation',
    operation: op.id,
    message: `${op.id}: invalid params: ${first?.path}${first?.message.startsWith('is ') ? ' ' : ': '}${first?.message}${more}; nothing was sent`,
    issues,
  });
}

function configError(op: Operation, field: string, message: string): ConfigError {
  return fail({
    kind: 'config',
    operation: op.id,
    field,
    message: `${op.id}: ${field} ${message}; nothing was sent`,
  });
}

function responseError(
  ctx: Context,
  status: number,
  problem: ResponseProblem,
  detail: string,
  issues: ValidationIssue[] = [],
  body?: unknown,
): ResponseError {
  return fail({
    kind: 'response',
    operation: ctx.op.id,
    status,
    problem,
    issues: redactIssues(issues, ctx.redact),
    ...(body === undefined ? {} : { body }),
    message: ctx.redact(`${ctx.op.id}: unusable response (HTTP ${status}): ${detail}`),
  });
}

/**
 * The answer's JSON scrubbed of the client's secrets, for a `response` error: the redacted text
 * parsed again (a secret inside a JSON string leaves it valid JSON), or the redacted text itself
 * in the odd case where it no longer parses, so the answer is never lost.
 */
function scrubbedJson(ctx: Context, text: string): unknown {
  const scrubbed = ctx.redact(text);
  try {
    return JSON.parse(scrubbed);
  } catch {
    return scrubbed;
  }
}

function isSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

function timeoutError(ctx: Context, timeout: number, what: string): TimeoutError {
  return fail({
    kind: 'timeout',
    operation: ctx.op.id,
    timeout,
    attempts: ctx.attempts,
    message: `${ctx.op.id}: ${what}`,
  });
}

function abortedError(op: Operation): AbortedError {
  return fail({ kind: 'aborted', operation: op.id, message: `${op.id}: aborted by the caller's signal` });
}

/** Matches an unpaired UTF-16 surrogate, which no URL can carry (encodeURIComponent throws on it). */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATE_MESSAGE = 'is not well-formed Unicode (it has a lone surrogate): a URL cannot carry it';

/** Fills the path template; every value is percent-encoded as one path segment. */
function buildPath(op: Operation, values: Record<string, unknown>): string | ValidationIssue {
  let problem: ValidationIssue | undefined;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(values[name]);
    if (value === '.' || value === '..')
      problem ??= { path: name, message: 'cannot be "." or "..": a URL path cannot carry it' };
    if (LONE_SURROGATE.test(value)) {
      problem ??= { path: name, message: LONE_SURROGATE_MESSAGE };
      return '';
    }
    return encodeURIComponent(value);
  });
  return problem ?? path;
}

function buildQuery(op: Operation, values: Record<string, unknown>): string | ValidationIssue {
  if (!op.query) return '';
  const search = new URLSearchParams();
  for (const name of op.query) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    if (op.csv?.includes(name) && items.length > 0) {
      const text = items.map(String).join(',');
      if (LONE_SURROGATE.test(text)) return { path: name, message: LONE_SURROGATE_MESSAGE };
      search.append(name, text);
      continue;
    }
    for (const item of items) {
      const text = String(item);
      // URLSearchParams would silently turn a lone surrogate into U+FFFD: refuse instead.
      if (LONE_SURROGATE.test(text)) return { path: name, message: LONE_SURROGATE_MESSAGE };
      search.append(name, text);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Reads a body as text, giving up past `maxBytes`, after `timeoutMs`, or when `signal` aborts.
 * Never rejects.
 */
async function readText(
  response: Response,
  maxBytes: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ text: string } | { problem: 'too-large' | 'timeout' | 'aborted' | 'unreadable' }> {
  const declared = Number(response.headers.get('content-length'));
  const body = response.body;
  if (declared > maxBytes) {
    body?.cancel().catch(() => {});
    return { problem: 'too-large' };
  }
  if (!body) return { text: '' };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return { problem: 'unreadable' };
  }
  let stop: 'timeout' | 'aborted' | undefined;
  const cancel = (why: 'timeout' | 'aborted') => {
    stop ??= why;
    reader.cancel().catch(() => {});
  };
  const timer = setTimeout(() => cancel('timeout'), timeoutMs);
  const onAbort = () => cancel('aborted');
  signal?.addEventListener('abort', onAbort);
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (stop) return { problem: stop };
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => {});
        return { problem: 'too-large' };
      }
      text += decoder.decode(value, { stream: true });
    }
    return { text: text + decoder.decode() };
  } catch {
    return { problem: stop ?? (signal?.aborted ? 'aborted' : 'unreadable') };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function safely(fn: (() => void) | undefined): void {
  try {
    fn?.();
  } catch {
    // Hooks observe; what they throw must not change the call.
  }
}

function redactedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = name === 'authorization' || name === 'content-signature' ? '[redacted]' : value;
  });
  return out;
}

/**
 * Wraps the user's (or the global) fetch: counts attempts, runs hooks, bounds error bodies, and
 * puts `body` on every attempt. ky builds its Request without a body, so it has no body stream
 * to tee for retries, and fetch gets the serialized, signed bytes themselves rather than a
 * Request whose stream undici would have to re-wrap: every attempt sends exactly those bytes.
 */
function attemptFetch(
  ctx: Context,
  body: Uint8Array<ArrayBuffer> | null,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  const { client, op } = ctx;
  const hooks = client.hooks;
  return async (target, init) => {
    // ky calls this with the Request it built (without a body) for each attempt.
    const input = target as Request;
    const attempt = ++ctx.attempts;
    const url = input.url;
    const base = {
      operation: op.id,
      method: op.method,
      url,
      attempt,
      ...(hooks?.includeHeaders ? { headers: redactedHeaders(input.headers) } : {}),
    };
    if (hooks?.onRequest) safely(() => hooks.onRequest?.(base));
    const started = Date.now();
    let response!: Response;
    let failure: string | undefined;
    let thrown: unknown;
    try {
      const custom = client.fetch;
      response = await (custom
        ? // A custom fetch is promised a Request: one with the bytes, made for this attempt.
          custom(body ? new Request(input, { body }) : input, init)
        : globalThis.fetch(url, {
            method: input.method,
            headers: input.headers,
            body,
            signal: input.signal,
            redirect: 'manual',
          }));
    } catch (error) {
      thrown = error;
      failure = ctx.redact(error instanceof Error ? error.message : String(error));
    }
    if (hooks?.onResponse)
      safely(() =>
        hooks.onResponse?.({ ...base, status: response?.status, failure, durationMs: Date.now() - started }),
      );
    if (failure !== undefined) throw thrown;
    if (response.ok || response.status < 200 || response.status === 304) return response;
    // A non-2xx answer: ky reads its body whole before deciding on a retry. Hand it a bounded,
    // scrubbed copy so a huge or hostile error body cannot exhaust memory or leak a key.
    const read = await readText(response, ERROR_BODY_LIMIT, ctx.timeout, input.signal);
    const text = 'text' in read ? ctx.redact(read.text) : '';
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-encoding') headers.append(name, ctx.redact(value));
    });
    return new Response(text || null, { status: response.status, statusText: response.statusText, headers });
  };
}

function httpError(ctx: Context, response: Response, data: unknown): HttpError<Record<number, unknown>> {
  const { op } = ctx;
  const status = response.status;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const schema = op.errors?.[status] as GenericSchema | undefined;
  const parsed = schema ? safeParse(schema, data) : undefined;
  const apiMessage =
    typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
      ? `: ${(data as { message: string }).message.slice(0, 300)}`
      : '';
  const message = ctx.redact(
    `${op.id}: Talon.One answered HTTP ${status}${apiMessage}${ctx.attempts > 1 ? ` (after ${ctx.attempts} attempts)` : ''}`,
  );
  const common = {
    kind: 'http' as const,
    operation: op.id,
    message,
    headers: response.headers,
    retryAfter,
    attempts: ctx.attempts,
  };
  return parsed?.success
    ? fail({ ...common, documented: true as const, status, body: parsed.output })
    : fail({ ...common, documented: false as const, status, body: data });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}

function thrownToError(ctx: Context, error: unknown, timeout: number): TalonError<Record<number, unknown>> {
  const { op } = ctx;
  if (ctx.signal?.aborted) return abortedError(op);
  if (isHTTPError(error)) {
    const response = error.response;
    if (
      response.status === 0 ||
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400)
    )
      return responseError(
        ctx,
        response.status,
        'redirect',
        `a redirect to ${response.headers.get('location') ?? 'another location'} was not followed, so credentials stay with the configured baseUrl`,
      );
    return httpError(ctx, response, error.data);
  }
  if (isTimeoutError(error)) {
    return timeoutError(
      ctx,
      timeout,
      `no answer within ${timeout} ms${ctx.attempts > 1 ? ` (attempt ${ctx.attempts})` : ''}`,
    );
  }
  const detail = isNetworkError(error) ? describe(error.cause ?? error) : describe(error);
  return fail<NetworkError>({
    kind: 'network',
    operation: op.id,
    attempts: ctx.attempts,
    message: ctx.redact(`${op.id}: the request failed before an answer arrived: ${detail.slice(0, 300)}`),
  });
}

/** Backoff delays vary by ±20 %, so that clients that failed together do not retry together. */
const jitter = (delay: number) => delay * (0.8 + Math.random() * 0.4);

/**
 * ky's retry options for a resolved retry setting. ky copies the lists (and lower-cases the
 * methods) before use; a `Retry-After` counts for every retried status.
 */
function kyRetry(retry: ResolvedRetry): RetryOptions {
  const { maxRetryAfter } = retry;
  return {
    ...retry,
    afterStatusCodes: retry.statusCodes,
    jitter,
    shouldRetry: ({ error }: { error: Error }) => {
      if (!isHTTPError(error)) return undefined;
      const wait = parseRetryAfter(error.response.headers.get('retry-after'), Date.now());
      return wait !== undefined && wait > maxRetryAfter ? false : undefined;
    },
  } as unknown as RetryOptions;
}

/**
 * @internal Runs one call of `op`. Resolves to a Result for every input; never rejects.
 */
export async function send<T, E extends Record<number, unknown>>(
  client: Client<AnyAuthScheme>,
  op: Operation<T, E>,
  params: unknown,
  options?: CallOptions,
): Promise<Result<T, TalonError<E>>> {
  try {
    return (await run(client, op as Operation<unknown, Record<number, unknown>>, params, options)) as Result<
      T,
      TalonError<E>
    >;
  } catch (error) {
    // Unreachable by design; kept so that even a bug answers with a value.
    return err(internalError(client, op.id, describe(error)) as TalonError<E>);
  }
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
    message: redact(`${operation}: internal error: ${detail.slice(0, 300)}`),
  });
}

async function run(
  client: Client<AnyAuthScheme>,
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  options: CallOptions | undefined,
): Promise<Result<unknown, TalonError<Record<number, unknown>>>> {
  if (!isClient(client)) return err(configError(op, 'client', 'must be a client made by createClient(...)'));
  if (options !== undefined && (typeof options !== 'object' || options === null))
    return err(configError(op, 'options', 'must be an object or undefined'));
  const call = (options ?? {}) as CallOptions & Record<string, unknown>;
  const optionProblem = checkSharedOptions(call, 'options.');
  if (optionProblem) return err(configError(op, optionProblem.field, optionProblem.message));
  if (call.signal !== undefined && !isSignal(call.signal))
    return err(configError(op, 'options.signal', 'must be an AbortSignal'));
  const retry = resolveRetry(call.retry, client.retry, 'options.retry');
  if ('field' in retry) return err(configError(op, retry.field, retry.message));
  if (op.apiKeyOnly && client.auth.scheme !== 'apiKey')
    return err(
      configError(
        op,
        'auth',
        `accepts only apiKey auth (the API lists no Content-Signature for it); create a client with auth: apiKey(key)`,
      ),
    );

  const checked = safeParse(op.params, params);
  const redact = client.auth.redact;
  if (!checked.success) return err(validationError(op, toIssues(checked.issues), redact));
  const values = checked.output as Record<string, unknown>;
  const path = buildPath(op, values);
  if (typeof path !== 'string') return err(validationError(op, [path], redact));
  const query = buildQuery(op, values);
  if (typeof query !== 'string') return err(validationError(op, [query], redact));

  let bytes = new Uint8Array(0);
  if (op.body) {
    let json: string | undefined;
    try {
      // The validated copy, not the caller's object: what is sent is exactly what was checked.
      json = JSON.stringify(values.body);
    } catch {
      // A cycle or a BigInt: `json` stays undefined.
    }
    if (json === undefined)
      return err(
        validationError(
          op,
          [{ path: 'body', message: 'cannot be serialized as JSON (a cycle or a BigInt?)' }],
          redact,
        ),
      );
    bytes = new TextEncoder().encode(json);
  }

  const signal = call.signal;
  if (signal?.aborted) return err(abortedError(op));
  const timeout = call.timeout ?? client.timeout;
  const totalTimeout = call.totalTimeout ?? client.totalTimeout;
  const validate = call.validateResponse ?? client.validateResponse;

  const headers = new Headers({ accept: 'application/json' });
  if (op.body) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(client.headers)) headers.set(name, value);
  if (call.headers) for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
  client.auth.sign(headers, bytes);

  const ctx: Context = { op, client, redact, signal, timeout, attempts: 0 };
  const started = Date.now();
  let response: Response;
  try {
    response = await ky(`${client.baseUrl}${path}${query}`, {
      method: op.method,
      // As a record: ky merges one more cheaply than a Headers instance.
      headers: Object.fromEntries(headers),
      redirect: 'manual',
      timeout,
      totalTimeout,
      retry: kyRetry(retry),
      fetch: attemptFetch(ctx, op.body ? bytes : null),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    const limit = totalTimeout !== false && Date.now() - started >= totalTimeout ? totalTimeout : timeout;
    return err(thrownToError(ctx, error, limit));
  }

  const status = response.status;
  if (response.type === 'opaqueredirect' || status === 0)
    return err(responseError(ctx, status, 'redirect', 'a redirect was not followed'));
  const remaining =
    totalTimeout === false ? timeout : Math.min(timeout, totalTimeout - (Date.now() - started));
  const read = await readText(response, client.maxResponseBytes, Math.max(remaining, 1), signal);
  if ('problem' in read) {
    if (read.problem === 'aborted') return err(abortedError(op));
    if (read.problem === 'timeout')
      return err(timeoutError(ctx, timeout, `the response body did not arrive within ${timeout} ms`));
    return err(
      responseError(
        ctx,
        status,
        read.problem,
        read.problem === 'too-large'
          ? `the body is larger than maxResponseBytes (${client.maxResponseBytes} bytes)`
          : 'the body broke off before it was complete',
      ),
    );
  }
  const meta = { status, headers: response.headers, attempts: ctx.attempts };
  const text = read.text;
  if (!op.response) return ok(undefined, meta);
  if (text.length === 0) {
    // Only operations documented to answer without a body (emptyOk) may: elsewhere an empty 204
    // would hand `undefined` to a caller whose value type cannot be undefined.
    return op.emptyOk
      ? ok(undefined, meta)
      : err(responseError(ctx, status, 'empty', 'the body is empty where the operation returns data'));
  }
  const type = response.headers.get('content-type');
  if (type !== null && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
    return err(
      responseError(ctx, status, 'not-json', `expected JSON, got content-type ${type.slice(0, 60)}`),
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(responseError(ctx, status, 'not-json', 'the body is not valid JSON'));
  }
  if (!validate) return ok(json, meta);
  const parsed = safeParse(op.response, json);
  if (!parsed.success) {
    const issues = toIssues(parsed.issues);
    return err(
      responseError(
        ctx,
        status,
        'schema',
        `the body is not the shape ${op.id} returns: ${issues[0]?.path}: ${issues[0]?.message} (the parsed body is in error.body)`,
        issues,
        scrubbedJson(ctx, text),
      ),
    );
  }
  return ok(parsed.output, meta);
}
