/**
 * The Management API's transport: the stages of the Integration transport (src/core: prepare,
 * transmit, readAnswer) composed with what only the Management API needs: the `managementKey`
 * check, uploads (./upload.ts), CSV answers (./csv.ts) and the rate limiter's slot
 * (./rateLimit.ts). The Integration entry imports nothing from this folder, so an app that uses
 * only the Integration API carries none of it (test/bundle/integration-alone.test.ts).
 *
 * Nothing in here throws to the caller.
 */
import { refusal } from '../auth/types.js';
import type { Client } from '../client.js';
import { stepLimit } from '../core/attempt.js';
import {
  abortedError,
  configError,
  httpError,
  responseError,
  type TalonError,
  type ValidationIssue,
} from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import {
  type Encoded,
  encode,
  locate,
  type Prepared,
  refuse,
  type Step,
  seal,
  settle,
} from '../core/prepare.js';
import {
  type AnyError,
  guarded,
  readAnswer,
  readWithin,
  scrubbedJson,
  transmit,
  unread,
} from '../core/request.js';
import { type Err, err, ok, type Result } from '../core/result.js';
import type { ManagementClient, ManagementHttpMethod } from './client.js';
import type { BodyReader, CsvRead } from './csv.js';
import type { EncodedUpload } from './upload.js';

/**
 * @internal How an upload operation's body is encoded: `{ field: 'upFile', encode: encodeUpload }`
 * (`encodeUpload` from ./upload.ts). The transport calls `encode(params.body[field], field)` once
 * per call; only the operations that upload import the encoder.
 */
export interface OperationUpload {
  /** The form field that holds the file (the spec's name, `upFile`). */
  readonly field: string;
  /** Encodes the file into the form's bytes and content type, or says why it cannot; never rejects. */
  readonly encode: (
    file: unknown,
    field: string,
  ) => Promise<EncodedUpload | { readonly issue: ValidationIssue }>;
}

/**
 * @internal How an operation whose answers are not JSON is read: `csvAnswer` (./csv.ts) for the
 * CSV exports. Only the operations that answer so import it.
 */
export interface OperationAnswer {
  /** The `Accept` header of the request. */
  readonly accept: string;
  /** Reads a 2xx answer with the transport's bounded reader: its text (the value), or why not. */
  readonly read: (response: Response, read: BodyReader) => Promise<CsvRead>;
  /** The error answer's body as the SDK keeps it, from what ky read (text, for a non-JSON type). */
  readonly errorBody: (data: unknown) => unknown;
}

/**
 * @internal The static description of one Management API operation: an Integration
 * {@link Operation} (two SCIM operations use `PATCH`), taking a `managementKey` client only, and
 * the upload or the non-JSON answer where it has one.
 */
export interface ManagementOperation<T = unknown, E extends Record<number, unknown> = Record<never, never>>
  extends Omit<Operation<T, E>, 'method'> {
  readonly method: ManagementHttpMethod;
  /** Only a `managementKey` client may call it. */
  readonly auth: 'managementKey';
  /**
   * A `multipart/form-data` operation (the CSV imports): `params.body[field]` is the file
   * (a `Blob`/`File`, a CSV string, a `Uint8Array` or an `ArrayBuffer`), sent as the form field
   * `field`, encoded by `encode`. Takes the place of `body`. See ./upload.ts.
   */
  readonly upload?: OperationUpload;
  /**
   * `csvAnswer` (./csv.ts) for operations answering `application/csv` (the exports): the request
   * accepts CSV, a 2xx body is handed over as its text, and an error body is parsed as JSON
   * whatever its content type.
   */
  readonly answer?: OperationAnswer;
}

/**
 * @internal Runs one call of a Management operation. Resolves to a Result for every input;
 * never rejects.
 */
export async function send<T, E extends Record<number, unknown>>(
  client: ManagementClient,
  op: ManagementOperation<T, E>,
  params: unknown,
  options?: CallOptions,
): Promise<Result<T, TalonError<E>>> {
  return guarded(
    client,
    op.id,
    run(client, op as ManagementOperation<unknown, Record<number, unknown>>, params, options),
  );
}

async function run(
  management: ManagementClient,
  managementOp: ManagementOperation<unknown, Record<number, unknown>>,
  params: unknown,
  options: CallOptions | undefined,
): Promise<Result<unknown, AnyError>> {
  // The Integration stages (src/core/prepare.ts), with the scheme check and the upload; awaited
  // only for an upload, whose encoder reads a Blob.
  const { client, op } = asStages(management, managementOp);
  const settings = settle(client, op, options);
  if ('error' in settings) return settings;
  if (management.auth.scheme !== 'managementKey') return err(configError(op.id, 'auth', NOT_MANAGEMENT));
  const upload = managementOp.upload;
  const request = upload ? await encodeUpload(client, op, params, upload) : encode(client, op, params);
  if ('error' in request) return request;
  const answer = managementOp.answer;
  const prepared = seal(client, op, settings, request, answer?.accept);
  if ('error' in prepared) return prepared;
  // The rate limiter's slot: once per call, before the first attempt (retries take none).
  const limiter = management.rateLimit;
  if (limiter && !(await limiter.wait(op.id, prepared.signal))) return err(abortedError(op.id));
  const response = await transmit(prepared);
  if ('error' in response) return answer ? keepErrorBody(prepared, response, answer) : response;
  return answer ? readExport(prepared, response, answer) : readAnswer(prepared, response);
}

/** Why a client of another scheme cannot call a Management operation. */
const NOT_MANAGEMENT = /*#__PURE__*/ refusal(
  'accepts only managementKey auth (it is a Management API operation)',
  'managementKey',
);

/**
 * The Integration stages' view of a Management call. They read neither the auth's scheme nor the
 * method's type (a `PATCH` goes to ky, and to the hooks, as it is), so the two types differ only
 * where the stages do not look.
 */
function asStages(
  client: ManagementClient,
  op: ManagementOperation<unknown, Record<number, unknown>>,
): { client: Client; op: Operation<unknown, Record<number, unknown>> } {
  return {
    client: client as unknown as Client,
    op: op as unknown as Operation<unknown, Record<number, unknown>>,
  };
}

/** The params, validated, as a URL and the upload's form (its bytes and content type). */
async function encodeUpload(
  client: Client,
  op: Operation,
  params: unknown,
  upload: OperationUpload,
): Promise<Step<Encoded>> {
  const located = locate(client, op, params);
  if ('error' in located) return located;
  const { url, values } = located;
  const file = (values.body as Record<string, unknown> | undefined)?.[upload.field];
  const form = await upload.encode(file, upload.field);
  if ('issue' in form) return refuse(client, op, { ...form.issue, code: 'invalid_value' });
  return { url, body: form.bytes, type: form.contentType, params: values };
}

/**
 * Reads a 2xx answer of a CSV export with the transport's bounded reader: the text is the value.
 * An answer that says it is JSON or HTML is not the export: a `response` error `schema`, its body
 * (parsed when it is JSON, scrubbed) in `error.body`.
 */
async function readExport(
  call: Prepared,
  response: Response,
  answer: OperationAnswer,
): Promise<Result<unknown, AnyError>> {
  const status = response.status;
  const limit = stepLimit(call);
  const read = await answer.read(response, (body) => readWithin(call, body, limit));
  if ('problem' in read) return err(unread(call, status, read.problem, limit.total));
  if ('notCsv' in read) {
    const detail = `expected CSV, got content-type ${read.notCsv.slice(0, 60)}`;
    const message = `the body is not the CSV ${call.operation} returns: ${detail} (the body is in error.body)`;
    const issue = { path: '', message: detail };
    return err(responseError(call, status, 'schema', message, [issue], scrubbedJson(call, read.text)));
  }
  return ok(read.text, { status, headers: response.headers, attempts: call.attempts });
}

/**
 * An export's error answer with its body as the operation keeps it (`answer.errorBody`: JSON
 * whatever the content type), checked again against the documented error shape.
 */
function keepErrorBody(call: Prepared, failure: Err<AnyError>, answer: OperationAnswer): Err<AnyError> {
  const error = failure.error;
  if (error.kind !== 'http' || error.documented) return failure;
  const body = answer.errorBody(error.body);
  return body === error.body ? failure : err(httpError(call, error, body, call.op.errors?.[error.status]));
}
