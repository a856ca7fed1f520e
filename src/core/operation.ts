import type { GenericSchema } from 'valibot';
import type { BodyReader, CsvRead } from './csv.js';
import type { ValidationIssue } from './errors.js';
import type { Idempotency } from './idempotency.js';
import type { HttpMethod } from './options.js';
import type { EncodedUpload } from './upload.js';

/**
 * @internal How an upload operation's body is encoded: `{ field: 'upFile', encode: encodeUpload }`
 * (`encodeUpload` from ./upload.ts). The transport calls `encode(params.body[field], field)` once
 * per call; only Management operations import the encoder, so no other bundle carries it.
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
 * CSV exports. Only the operations that answer so import it, so no other bundle carries it.
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
 * @internal The static description of one API operation, read by the transport. One constant
 * per endpoint module; nothing here runs at import time.
 */
export interface Operation<T = unknown, E extends Record<number, unknown> = Record<never, never>> {
  /** The operationId, used in messages and hook events. */
  readonly id: string;
  readonly method: HttpMethod;
  /** The path template, e.g. `/v2/customer_sessions/{customerSessionId}`. */
  readonly path: string;
  /** Validates the whole params object (path and query parameters by name, `body`). */
  readonly params: GenericSchema;
  /** Names of the query parameters, in the order they are sent. */
  readonly query?: readonly string[];
  /**
   * Array query parameters sent as one comma-separated value (`explode: false`: `campaignIds=1,2`);
   * the others repeat the name (`subledgerId=a&subledgerId=b`).
   */
  readonly csv?: readonly string[];
  /** Whether `params.body` is sent as the JSON request body. */
  readonly body?: boolean;
  /** Schema of the 2xx body; absent when the operation answers without one. */
  readonly response?: GenericSchema<unknown, T>;
  /** A 2xx without a body is fine (value `undefined`) even though `response` is set. */
  readonly emptyOk?: boolean;
  /** Schemas of the error bodies of documented statuses. */
  readonly errors?: { readonly [S in keyof E]: GenericSchema<unknown, E[S]> };
  /** Only `apiKey` auth is accepted (the V2 operations). */
  readonly apiKeyOnly?: boolean;
  /**
   * `'managementKey'` on every Management API operation: only a `managementKey` client may call
   * it. Absent on Integration operations, which refuse a `managementKey` client.
   */
  readonly auth?: 'managementKey';
  /**
   * A `multipart/form-data` operation (the CSV imports): `params.body[field]` is the file
   * (a `Blob`/`File`, a CSV string, a `Uint8Array` or an `ArrayBuffer`), sent as the form field
   * `field` (the spec's name, `upFile`), encoded by `encode`. Takes the place of `body`. See
   * `src/core/upload.ts`.
   */
  readonly upload?: OperationUpload;
  /**
   * `csvAnswer` (from `src/core/csv.ts`) for operations answering `application/csv` (the
   * exports): the request accepts CSV, a 2xx body is handed over as its text, not parsed as JSON,
   * and an error body is parsed as JSON whatever its content type.
   */
  readonly answer?: OperationAnswer;
  /**
   * Whether a call may be repeated, generated from scripts/idempotency.mjs (see
   * core/idempotency.ts): the retry decision and the `Idempotency-Key` use it. Absent (a
   * hand-written operation): the transport treats GET, PUT and DELETE as safe, the rest unsafe.
   */
  readonly idempotency?: Idempotency;
}
