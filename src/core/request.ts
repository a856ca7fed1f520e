/**
 * The transport: the one module that talks to the network (through ky). A call runs in three
 * stages, each handing on its value or the error that ends the call:
 *
 * 1. {@link prepare} (./prepare.ts): check the options and params, build the URL and the body,
 *    set and sign the headers; nothing is sent when this fails;
 * 2. {@link transmit}: send each attempt as one ky request, made by ./attempt.ts (hooks, the
 *    attempt's timeout, redirects, bounded error bodies), and try again when and after what
 *    ./retry.ts says, all within the call's `totalTimeout`;
 * 3. {@link readAnswer}: read the 2xx body within its bounds and check it against the schema.
 *
 * The Management API composes the same stages in src/management/send.ts.
 *
 * Nothing in here throws to the caller.
 */
import ky, { isHTTPError, isNetworkError } from 'ky';
import { safeParse } from 'valibot';
import type { Client } from '../client.js';
import { AttemptEnded, attemptFetch, type Call, stepLimit, stepTimeout } from './attempt.js';
import { type ReadProblem, readText } from './body.js';
import {
  abortedError,
  httpError,
  internalError,
  networkError,
  responseError,
  type TalonError,
} from './errors.js';
import { toIssues } from './issues.js';
import type { Operation } from './operation.js';
import type { CallOptions } from './options.js';
import { type Prepared, prepare, type Step } from './prepare.js';
import { err, ok, type Result } from './result.js';
import { retryWait } from './retry.js';

/** @internal Any error of any operation. */
export type AnyError = TalonError<Record<number, unknown>>;

/**
 * @internal Runs one call of `op`. Resolves to a Result for every input; never rejects.
 */
export async function send<T, E extends Record<number, unknown>>(
  client: Client,
  op: Operation<T, E>,
  params: unknown,
  options?: CallOptions,
): Promise<Result<T, TalonError<E>>> {
  return guarded(
    client,
    op.id,
    run(client, op as Operation<unknown, Record<number, unknown>>, params, options),
  );
}

/**
 * @internal A call's result, or, should `running` reject (a bug: nothing in the stages throws),
 * a `network` error saying so: even a bug answers with a value. Shared by both APIs' `send`.
 */
export async function guarded<T, E extends Record<number, unknown>>(
  client: unknown,
  operation: string,
  running: Promise<Result<unknown, AnyError>>,
): Promise<Result<T, TalonError<E>>> {
  try {
    return (await running) as Result<T, TalonError<E>>;
  } catch (error) {
    return err(internalError(client, operation, describe(error)) as TalonError<E>);
  }
}

async function run(
  client: Client,
  op: Operation<unknown, Record<number, unknown>>,
  params: unknown,
  options: CallOptions | undefined,
): Promise<Result<unknown, AnyError>> {
  const prepared = prepare(client, op, params, options);
  if ('error' in prepared) return prepared;
  const response = await transmit(prepared);
  if ('error' in response) return response;
  return readAnswer(prepared, response);
}

/**
 * @internal Sends the call: each attempt is one ky request without retries of its own, made by
 * ./attempt.ts (the prepared call is the {@link Call} its attempts share); after a failure,
 * ./retry.ts says whether and when to try again. The call's deadline (`totalTimeout`) starts here.
 * A 2xx answer comes back with its body unread; anything else is the error.
 */
export async function transmit(call: Prepared): Promise<Step<Response>> {
  const { op, signal, totalTimeout } = call;
  call.deadline = totalTimeout === false ? Number.POSITIVE_INFINITY : Date.now() + totalTimeout;
  const options = {
    method: op.method,
    headers: call.headers,
    redirect: 'manual',
    timeout: false,
    retry: 0,
    fetch: attemptFetch(call, call.body),
    ...(signal ? { signal } : {}),
  } as const;
  for (;;) {
    try {
      return await ky(call.url, options);
    } catch (error) {
      const wait = retryWait(call, error);
      if (wait === undefined || !(await pause(wait, signal))) return err(failureOf(call, error));
    }
  }
}

/** Resolves `true` after `ms`, or `false` as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (waited: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      resolve(waited);
    };
    const aborted = () => done(false);
    const timer = setTimeout(done, ms, true);
    signal?.addEventListener('abort', aborted);
  });
}

/** What a thrown value says, with its cause's message, for an error's message. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}

/** The error for what ky threw when it gave up on the call. */
function failureOf(call: Call, error: unknown): AnyError {
  if (call.signal?.aborted) return abortedError(call.operation);
  if (error instanceof AttemptEnded) return error.error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    return httpError(call, error.response, error.data, call.op.errors?.[status]);
  }
  return networkError(call, isNetworkError(error) ? describe(error.cause ?? error) : describe(error));
}

/**
 * The answer's JSON scrubbed of the client's secrets, for a `response` error: the redacted text
 * parsed again (a secret inside a JSON string leaves it valid JSON), or the redacted text itself
 * in the odd case where it no longer parses, so the answer is never lost.
 */
export function scrubbedJson(call: Call, text: string): unknown {
  const scrubbed = call.redact(text);
  try {
    return JSON.parse(scrubbed);
  } catch {
    return scrubbed;
  }
}

/**
 * @internal Reads a 2xx body as text within the call's bounds: `maxResponseBytes`, the step's
 * time `limit` (see {@link stepLimit}) and the caller's signal. Never rejects.
 */
export function readWithin(call: Prepared, response: Response, limit: { readonly ms: number }) {
  return readText(response, call.client.maxResponseBytes, Math.max(limit.ms, 1), call.signal);
}

/** @internal The error of a 2xx body that could not be read (`total`: its limit was `totalTimeout`'s). */
export function unread(call: Prepared, status: number, problem: ReadProblem, total: boolean): AnyError {
  if (problem === 'aborted') return abortedError(call.operation);
  if (problem === 'timeout') return stepTimeout(call, total, 'body');
  const detail =
    problem === 'too-large'
      ? `the body is larger than maxResponseBytes (${call.client.maxResponseBytes} bytes)`
      : 'the body broke off before it was complete';
  return responseError(call, status, problem, detail);
}

/**
 * @internal Reads the 2xx body within `maxResponseBytes` and its time limit (`timeout` again, or
 * what is left of `totalTimeout`), and checks it: empty only where the operation allows it, JSON,
 * and (unless `validateResponse: false`) the operation's shape.
 */
export async function readAnswer(call: Prepared, response: Response): Promise<Result<unknown, AnyError>> {
  const { op } = call;
  const status = response.status;
  const limit = stepLimit(call);
  const read = await readWithin(call, response, limit);
  if ('problem' in read) return err(unread(call, status, read.problem, limit.total));
  const meta = { status, headers: response.headers, attempts: call.attempts };
  const text = read.text;
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
