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
  NewCustomerProfileInputSchema,
} from '../models/legacy.js';
import { flag, pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  integrationId: pathParam,
  dry: flag,
  body: NewCustomerProfileInputSchema,
});

/** Parameters of {@link updateCustomerProfile}: path and query parameters by their API names, the request body as `body`. */
export type UpdateCustomerProfileParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerProfile} documents, and their bodies. */
export type UpdateCustomerProfileErrors = Record<never, never>;

/** The value {@link updateCustomerProfile} resolves to on success. */
export type UpdateCustomerProfileValue = IntegrationState;

const operation: Operation<UpdateCustomerProfileValue, UpdateCustomerProfileErrors> = {
  id: 'updateCustomerProfile',
  method: 'PUT',
  path: '/v1/customer_profiles/{integrationId}',
  params,
  query: ['dry'],
  body: true,
  response: IntegrationStateSchema,
};

/**
 * Creates or updates a customer profile with the 2021 (V1) Integration API and answers the
 * integration state with its effects. `dry: true` evaluates without persisting.
 *
 * `PUT /v1/customer_profiles/{integrationId}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await updateCustomerProfile(talon, { integrationId: 'user-1', body: { attributes: { Name: 'Ada' } } });
 * ```
 *
 * @returns A {@link Result}: on success the value (IntegrationState) with the response status and headers; on failure a
 * {@link TalonError}: `http` (any status, body as sent), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 * @deprecated A 2021 (V1) operation that the current API no longer lists; use {@link updateCustomerProfileV2}.
 */
export function updateCustomerProfile(
  client: Client,
  params: UpdateCustomerProfileParams,
  options?: CallOptions,
): Promise<Result<UpdateCustomerProfileValue, TalonError<UpdateCustomerProfileErrors>>> {
  return send(client, operation, params, options);
}
