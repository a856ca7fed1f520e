import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { CustomerProfileAudienceRequestInputSchema } from '../models/profiles.js';

const params = /*#__PURE__*/ v.object({
  body: CustomerProfileAudienceRequestInputSchema,
});

/** Parameters of {@link updateCustomerProfileAudiences}: the request body as `body`. */
export type UpdateCustomerProfileAudiencesParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerProfileAudiences} documents, and their bodies. */
export type UpdateCustomerProfileAudiencesErrors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
  404: ErrorResponseWithStatus;
};

/** The value {@link updateCustomerProfileAudiences} resolves to on success. */
export type UpdateCustomerProfileAudiencesValue = undefined;

const operation: Operation<UpdateCustomerProfileAudiencesValue, UpdateCustomerProfileAudiencesErrors> = {
  id: 'updateCustomerProfileAudiences',
  method: 'POST',
  path: '/v2/customer_audiences',
  params,
  body: true,
  errors: {
    400: ErrorResponseWithStatusSchema,
    401: ErrorResponseWithStatusSchema,
    404: ErrorResponseWithStatusSchema,
  },
  apiKeyOnly: true,
};

/**
 * Adds customer profiles to audiences and removes them from others, in one request. Answers 204
 * with no body (value `undefined`).
 *
 * `POST /v2/customer_audiences` · auth: `apiKey` only (a `contentSignature` client is a compile error, and a `config` error at run time)
 *
 * @example
 * ```ts
 * const result = await updateCustomerProfileAudiences(talon, { body: { data: [{ action: 'add', profileIntegrationId: 'user-1', audienceId: 3 }] } });
 * ```
 *
 * @returns A {@link Result}: on success the value (undefined) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function updateCustomerProfileAudiences(
  client: Client<'apiKey'>,
  params: UpdateCustomerProfileAudiencesParams,
  options?: CallOptions,
): Promise<Result<UpdateCustomerProfileAudiencesValue, TalonError<UpdateCustomerProfileAudiencesErrors>>> {
  return send(client, operation, params, options);
}
