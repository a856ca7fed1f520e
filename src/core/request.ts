/**
 * The transport: the one module that talks to the network (through ky). A call runs in three
 * stages, each handing on its value or the error that ends the call:
 *
 * 1. {@link prepare} (./prepare.ts): check the options and params, build the URL and the body,
 *    set and sign the headers; nothing is sent when this fails;
 * 2. {@link transmit}: send it with ky, which retries (./retry.ts decides what), each attempt
 *    made by ./attempt.ts (hooks, the attempt's timeout, redirects, bounded error bodies);
 * 3. {@link readAnswer}: read the 2xx body within its bounds and check it against the schema.
 *
 * Nothing in here throws to the caller.
 */
import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { safeParse } from 'valibot';
import type { AnyAuthScheme } from '../auth/types.js';
import type { Client } from '../client.js';
import { AttemptEnded, attemptFetch, type Call } from './attempt.js';
import { readText } from './body.js';
import {
  abortedError,
  httpError,
  internalError,
  networkError,
  responseError,
  type TalonError,
  timeoutError,
} from './errors.js';
import { toIssues } from './issues.js';
import type { Operation } from './operation.js';
import type { CallOptions } from './options.js';
import { type Prepared, prepare, type Step } from './prepare.js';
import { err, ok, type Result } from './result.js';
import { kyRetry } from './retry.js';

type AnyError = TalonError<Record<number, unknown>>;

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
    // Any client type: which auth may call `op` is checked at run time (./auth-check.ts), the
    // stages below never depend on the scheme's type.
    return (await run(
      client as Client,
      op as Operation<unknown, Record<number, unknown>>,
      params,
      options,
    )) as Result<T, TalonError<E>>;
  } catch (error) {
    // Unreachable by design; kept so that even a bug answers with a value.
    return err(internalError(client, op.id, describe(error)) as TalonError<E>);
  }
}

async function run(
  client: Client,
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  options: CallOptions | undefined,
): Promise<Result<unknown, AnyError>> {
  const prepared = await prepare(client, op, params, options);
  if ('error' in prepared) return prepared;
  // The rate limiter's slot: once per call, before the first attempt (retries take none).
  const limiter = client.rateLimit;
  if (limiter && !(await limiter.wait(op.id, prepared.signal))) return err(abortedError(op.id));
  const started = Date.now();
  const response = await transmit(prepared);
  if ('error' in response) return response;
  return readAnswer(prepared, response, started);
}

/**
 * Sends the call with ky: retries, backoff and `totalTimeout` are ky's; each attempt is
 * ./attempt.ts's (the prepared call is the {@link Call} its attempts share). A 2xx answer comes
 * back with its body unread; anything else is the error.
 */
async function transmit(call: Prepared): Promise<Step<Response>> {
  const { op, signal, totalTimeout } = call;
  try {
    return await ky(call.url, {
      method: op.method,
      headers: call.headers,
      redirect: 'manual',
      timeout: false,
      totalTimeout,
      retry: kyRetry(call),
      fetch: attemptFetch(call, call.body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return err(failureOf(call, error, totalTimeout));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}

/** The error for what ky threw when it gave up on the call. */
function failureOf(call: Call, error: unknown, totalTimeout: number | false): AnyError {
  if (call.signal?.aborted) return abortedError(call.operation);
  if (error instanceof AttemptEnded) return error.error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    const op = call.op;
    const data = op.answer ? op.answer.errorBody(error.data) : error.data;
    return httpError(call, error.response, data, op.errors?.[status]);
  }
  // ky times out only for totalTimeout: it is given no per-attempt timeout (see ./attempt.ts).
  if (isTimeoutError(error) && totalTimeout !== false) return timeoutError(call, 'total', totalTimeout);
  return networkError(call, isNetworkError(error) ? describe(error.cause ?? error) : describe(error));
}

/**
 * The answer's JSON scrubbed of the client's secrets, for a `response` error: the redacted text
 * parsed again (a secret inside a JSON string leaves it valid JSON), or the redacted text itself
 * in the odd case where it no longer parses, so the answer is never lost.
 */
function scrubbedJson(call: Call, text: string): unknown {
  const scrubbed = call.redact(text);
  try {
    return JSON.parse(scrubbed);
  } catch {
    return scrubbed;
  }
}

/**
 * Reads the 2xx body within `maxResponseBytes` and its deadline, and checks it: empty only where
 * the operation allows it, JSON, and (unless `validateResponse: false`) the operation's shape.
 * `started`: when the call started (ms since the epoch), for what is left of `totalTimeout`.
 */
async function readAnswer(
  call: Prepared,
  response: Response,
  started: number,
): Promise<Result<unknown, AnyError>> {
  const { client, op, signal, timeout, totalTimeout } = call;
  const status = response.status;
  // The body read's deadline: `timeout` again, or what is left of `totalTimeout` when that is
  // less; the timer armed with it knows which limit it enforces.
  const left = totalTimeout === false ? timeout : totalTimeout - (Date.now() - started);
  const total = totalTimeout !== false && left < timeout;
  const reader = (body: Response) =>
    readText(body, client.maxResponseBytes, total ? Math.max(left, 1) : timeout, signal);
  // A non-JSON answer (a CSV export) is read by the operation's own reader, with the same bounds.
  const answer = op.answer;
  const read = await (answer ? answer.read(response, reader) : reader(response));
  if ('problem' in read) {
    if (read.problem === 'aborted') return err(abortedError(op.id));
    if (read.problem === 'timeout')
      return err(total ? timeoutError(call, 'total', totalTimeout) : timeoutError(call, 'body', timeout));
    const detail =
      read.problem === 'too-large'
        ? `the body is larger than maxResponseBytes (${client.maxResponseBytes} bytes)`
        : ((read as { detail?: string }).detail ?? 'the body broke off before it was complete');
    return err(responseError(call, status, read.problem, detail));
  }
  const meta = { status, headers: response.headers, attempts: call.attempts };
  const text = read.text;
  if (answer) return ok(text, meta);
  if (!op.response) return ok(undefined, meta);
  if (text.length === 0) {
    // Only operations documented to answer without a body (emptyOk) may: elsewhere an empty 204
    // would hand `undefined` to a caller whose value type cannot be undefined.
    return op.emptyOk
      ? ok(undefined, meta)
      : err(responseError(call, status, 'empty', 'the body is empty where the operation returns data'));
  }
  const type = response.headers.get('content-type');
  if (type !== null && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
    return err(
      responseError(call, status, 'not-json', `expected JSON, got content-type ${type.slice(0, 60)}`),
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(responseError(call, status, 'not-json', 'the body is not valid JSON'));
  }
  if (!call.validate) return ok(json, meta);
  const parsed = safeParse(op.response, json);
  if (parsed.success) return ok(parsed.output, meta);
  const issues = toIssues(parsed.issues);
  const detail = `the body is not the shape ${op.id} returns: ${issues[0]?.path}: ${issues[0]?.message} (the parsed body is in error.body)`;
  return err(responseError(call, status, 'schema', detail, issues, scrubbedJson(call, text)));
}
