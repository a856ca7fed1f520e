import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type IntegrationState, IntegrationStateSchema, NewEventInputSchema } from '../models/legacy.js';
import { flag } from './params.js';

const params = /*#__PURE__*/ v.object({
  dry: flag,
  body: NewEventInputSchema,
});

/** Parameters of {@link trackEvent}: path and query parameters by their API names, the request body as `body`. */
export type TrackEventParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link trackEvent} documents, and their bodies. */
export type TrackEventErrors = Record<never, never>;

/** The value {@link trackEvent} resolves to on success. */
export type TrackEventValue = IntegrationState;

const operation: Operation<TrackEventValue, TrackEventErrors> = {
  id: 'trackEvent',
  method: 'POST',
  path: '/v1/events',
  params,
  query: ['dry'],
  body: true,
  response: IntegrationStateSchema,
};

/**
 * Tracks a custom event for a customer profile with the 2021 (V1) Integration API and answers the
 * resulting integration state with its effects (HTTP 201). `dry: true` evaluates without persisting.
 *
 * `POST /v1/events` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await trackEvent(talon, { body: { profileId: 'user-1', sessionId: 'cart-1', type: 'pageView', attributes: {} } });
 * ```
 *
 * @returns A {@link Result}: on success the value (IntegrationState) with the response status and headers; on failure a
 * {@link TalonError}: `http` (any status, body as sent), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 * @deprecated A 2021 (V1) operation that the current API no longer lists; use trackEventV2 (POST /v2/events), which the current API offers instead; this SDK does not cover it yet.
 */
export function trackEvent(
  client: Client,
  params: TrackEventParams,
  options?: CallOptions,
): Promise<Result<TrackEventValue, TalonError<TrackEventErrors>>> {
  return send(client, operation, params, options);
}
