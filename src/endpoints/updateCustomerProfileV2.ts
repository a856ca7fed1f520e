import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import {
  CustomerProfileIntegrationRequestV2InputSchema,
  type CustomerProfileIntegrationResponseV2,
  CustomerProfileIntegrationResponseV2Schema,
} from '../models/profiles.js';
import { AnyObjectSchema, flag, pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  integrationId: pathParam,
  runRuleEngine: flag,
  dry: flag,
  body: CustomerProfileIntegrationRequestV2InputSchema,
});

/** Parameters of {@link updateCustomerProfileV2}: path and query parameters by their API names, the request body as `body`. */
export type UpdateCustomerProfileV2Params = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerProfileV2} documents, and their bodies. */
export type UpdateCustomerProfileV2Errors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
  409: Record<string, unknown>;
};

/** The value {@link updateCustomerProfileV2} resolves to on success. */
export type UpdateCustomerProfileV2Value = CustomerProfileIntegrationResponseV2;

const operation: Operation<UpdateCustomerProfileV2Value, UpdateCustomerProfileV2Errors> = {
  id: 'updateCustomerProfileV2',
  method: 'PUT',
  path: '/v2/customer_profiles/{integrationId}',
  params,
  query: ['runRuleEngine', 'dry'],
  body: true,
  response: CustomerProfileIntegrationResponseV2Schema,
  errors: { 400: ErrorResponseWithStatusSchema, 401: ErrorResponseWithStatusSchema, 409: AnyObjectSchema },
  apiKeyOnly: true,
};

/**
 * Creates or updates a customer profile (attributes, audiences, loyalty cards). With
 * `runRuleEngine: true` the rules run and the answer carries effects; `dry: true` evaluates without
 * persisting. The live API answers CustomerProfileIntegrationResponseV2 (the 2021 documents said
 * IntegrationStateV2). 409 when the same profile is updated concurrently.
 *
 * `PUT /v2/customer_profiles/{integrationId}` · auth: `apiKey` only (a `contentSignature` client is a compile error, and a `config` error at run time)
 *
 * @example
 * ```ts
 * const result = await updateCustomerProfileV2(talon, { integrationId: 'user-1', runRuleEngine: true, body: { attributes: { Name: 'Ada' } } });
 * ```
 *
 * @returns A {@link Result}: on success the value (CustomerProfileIntegrationResponseV2) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 409 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function updateCustomerProfileV2(
  client: Client<'apiKey'>,
  params: UpdateCustomerProfileV2Params,
  options?: CallOptions,
): Promise<Result<UpdateCustomerProfileV2Value, TalonError<UpdateCustomerProfileV2Errors>>> {
  return send(client, operation, params, options);
}
