/**
 * What a route of the fake is: one operation (its id, method, path, what its query and body take)
 * and its handler, and what a handler gets (`Call`: the state, the options, the clock, the
 * decoded parameters and the checked body). Every domain's routes.ts builds its routes with these;
 * operations.ts maps every operationId to one.
 */
import type * as v from 'valibot';
import type { operationIds } from '../endpoints/index.js';
import type { operationIds as managementOperationIds } from '../management/endpoints/index.js';
import type { Answer } from './answers.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from './types.js';

/** The SDK's operation ids (type only: nothing of the endpoints enters the testing bundle). */
export type OperationId = keyof typeof operationIds;

/** The Management API's operation ids (type only, like {@link OperationId}). */
export type ManagementOperationId = keyof typeof managementOperationIds;

/** What the fake needs to handle one request. */
export interface Context {
  readonly state: FakeTalonState;
  readonly config: ResolvedFakeTalonOptions;
  /** The request's time, ISO 8601. */
  readonly now: string;
}

/** What a handler gets: the context, decoded path parameters, the query and the checked body. */
export interface Call<B> extends Context {
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: B;
  /** The clock of the request (or the `now` query parameter, where the operation takes one). */
  readonly when: Date;
}

/** One operation: where it lives, what it accepts, and its handler. */
export interface Route {
  readonly id: OperationId | ManagementOperationId;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  readonly path: string;
  readonly body?: v.GenericSchema;
  /**
   * Refuses `Content-Signature`. True for every operation of the current release (26.13 lists
   * only the API key); only the three 2021 operations accept a signature too.
   */
  readonly apiKeyOnly?: boolean;
  /**
   * `managementKey`: a Management API operation, which accepts only
   * `Authorization: ManagementKey-v1 <key>` (and the Integration operations refuse that scheme).
   */
  readonly auth?: 'managementKey';
  /** Boolean query parameters (`true`/`false`). */
  readonly flags?: readonly string[];
  /** Takes `silent=yes|no`. */
  readonly silent?: boolean;
  /** Whether this request only evaluates (`dry=true`): the fake then runs it on a copy of the state. */
  readonly dry?: (query: URLSearchParams) => boolean;
  // biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own body type.
  readonly handle: (call: Call<any>) => Answer;
}

/** The output type of a request schema: what a handler's checked body is. */
export type Body<S extends v.GenericSchema> = v.InferOutput<S>;

/** Whether the query asks for an evaluation only (`dry=true`). */
export const isDry = (query: URLSearchParams): boolean => query.get('dry') === 'true';

/**
 * A date-time of a checked body. The SDK's request schemas turn a `Date` into its RFC 3339 string,
 * but their output type still says `Date | string`; this narrows it (and converts, to be safe).
 */
export function rfc3339(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/** Which extra parts an answer should carry (`responseContent`). */
export function wants(content: readonly string[] | undefined, part: string): boolean {
  return content?.includes(part) ?? false;
}
