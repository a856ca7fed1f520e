import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import {
  type IntegrationState,
  IntegrationStateSchema,
  NewCustomerSessionInputSchema,
} from '../models/legacy.js';
import { flag, pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  customerSessionId: pathParam,
  dry: flag,
  body: NewCustomerSessionInputSchema,
});

/** Parameters of {@link updateCustomerSession}: path and query parameters by their API names, the request body as `body`. */
export type UpdateCustomerSessionParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerSession} documents, and their bodies. */
export type UpdateCustomerSessionErrors = Record<never, never>;

/** The value {@link updateCustomerSession} resolves to on success. */
export type UpdateCustomerSessionValue = IntegrationState;

const operation: Operation<UpdateCustomerSessionValue, UpdateCustomerSessionErrors> = {
  id: 'updateCustomerSession',
  method: 'PUT',
  path: '/v1/customer_sessions/{customerSessionId}',
  params,
  query: ['dry'],
  body: true,
  response: IntegrationStateSchema,
};

/**
 * Creates or updates a customer session with the 2021 (V1) Integration API and answers the
 * integration state with its effects. `dry: true` evaluates without persisting.
 *
 * `PUT /v1/customer_sessions/{customerSessionId}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await updateCustomerSession(talon, { customerSessionId: 'cart-1', body: { profileId: 'user-1', state: 'open' } });
 * ```
 *
 * @returns A {@link Result}: on success the value (IntegrationState) with the response status and headers; on failure a
 * {@link TalonError}: `http` (any status, body as sent), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 * @deprecated A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerSessionV2}.
 */
export function updateCustomerSession(
  client: Client,
  params: UpdateCustomerSessionParams,
  options?: CallOptions,
): Promise<Result<UpdateCustomerSessionValue, TalonError<UpdateCustomerSessionErrors>>> {
  return send(client, operation, params, options);
}
