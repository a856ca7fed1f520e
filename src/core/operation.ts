import type { GenericSchema } from 'valibot';
import type { Idempotency } from './idempotency.js';
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
   * Whether a call may be repeated, generated from scripts/idempotency.mjs (see
   * core/idempotency.ts): the retry decision and the `Idempotency-Key` use it. Absent (a
   * hand-written operation): the transport treats GET, PUT and DELETE as safe, the rest unsafe.
   */
  readonly idempotency?: Idempotency;
}
