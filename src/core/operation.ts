import type { GenericSchema } from 'valibot';
import type { HttpMethod } from './options.js';

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
   * `field` (the spec's name, `upFile`). See `src/core/upload.ts`.
   */
  readonly upload?: { readonly field: string };
  /**
   * `'csv'` for operations answering `application/csv` (the exports): a 2xx body is handed over
   * as its text, not parsed as JSON. See `src/core/csv.ts`.
   */
  readonly answer?: 'csv';
}
