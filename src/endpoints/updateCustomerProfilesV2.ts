import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import {
  MultipleCustomerProfileIntegrationRequestInputSchema,
  type MultipleCustomerProfileIntegrationResponseV2,
  MultipleCustomerProfileIntegrationResponseV2Schema,
} from '../models/profiles.js';
import { silent } from './params.js';

const params = /*#__PURE__*/ v.object({
  silent: silent,
  body: MultipleCustomerProfileIntegrationRequestInputSchema,
});

/** Parameters of {@link updateCustomerProfilesV2}: path and query parameters by their API names, the request body as `body`. */
export type UpdateCustomerProfilesV2Params = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerProfilesV2} documents, and their bodies. */
export type UpdateCustomerProfilesV2Errors = { 400: ErrorResponseWithStatus; 401: ErrorResponseWithStatus };

/** The value {@link updateCustomerProfilesV2} resolves to on success. */
export type UpdateCustomerProfilesV2Value = MultipleCustomerProfileIntegrationResponseV2 | undefined;

const operation: Operation<UpdateCustomerProfilesV2Value, UpdateCustomerProfilesV2Errors> = {
  id: 'updateCustomerProfilesV2',
  method: 'PUT',
  path: '/v2/customer_profiles',
  params,
  query: ['silent'],
  body: true,
  response: MultipleCustomerProfileIntegrationResponseV2Schema,
  emptyOk: true,
  errors: { 400: ErrorResponseWithStatusSchema, 401: ErrorResponseWithStatusSchema },
  apiKeyOnly: true,
};

/**
 * Creates or updates up to 1,000 customer profiles in one request. With `silent: 'no'` the API
 * answers the updated profiles; with `silent: 'yes'` (the API's default when omitted) it answers an
 * empty 2xx and the value is `undefined`.
 *
 * `PUT /v2/customer_profiles` · auth: `apiKey` only (a `contentSignature` client is a compile error, and a `config` error at run time)
 *
 * @example
 * ```ts
 * const result = await updateCustomerProfilesV2(talon, { silent: 'no', body: { customerProfiles: [{ integrationId: 'user-1', attributes: {} }] } });
 * ```
 *
 * @returns A {@link Result}: on success the value (MultipleCustomerProfileIntegrationResponseV2 or undefined) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function updateCustomerProfilesV2(
  client: Client<'apiKey'>,
  params: UpdateCustomerProfilesV2Params,
  options?: CallOptions,
): Promise<Result<UpdateCustomerProfilesV2Value, TalonError<UpdateCustomerProfilesV2Errors>>> {
  return send(client, operation, params, options);
}
