import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  integrationId: pathParam,
});

/** Parameters of {@link deleteCustomerData}: path and query parameters by their API names, the request body as `body`. */
export type DeleteCustomerDataParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link deleteCustomerData} documents, and their bodies. */
export type DeleteCustomerDataErrors = { 401: ErrorResponseWithStatus; 404: ErrorResponseWithStatus };

/** The value {@link deleteCustomerData} resolves to on success. */
export type DeleteCustomerDataValue = undefined;

const operation: Operation<DeleteCustomerDataValue, DeleteCustomerDataErrors> = {
  id: 'deleteCustomerData',
  method: 'DELETE',
  path: '/v1/customer_data/{integrationId}',
  params,
  errors: { 401: ErrorResponseWithStatusSchema, 404: ErrorResponseWithStatusSchema },
};

/**
 * Deletes all data of a customer profile (sessions, events, loyalty data; for data-protection
 * requests). Answers 204 with no body (value `undefined`); 404 when the profile does not exist.
 *
 * `DELETE /v1/customer_data/{integrationId}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await deleteCustomerData(talon, { integrationId: 'user-1' });
 * ```
 *
 * @returns A {@link Result}: on success the value (undefined) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function deleteCustomerData(
  client: Client,
  params: DeleteCustomerDataParams,
  options?: CallOptions,
): Promise<Result<DeleteCustomerDataValue, TalonError<DeleteCustomerDataErrors>>> {
  return send(client, operation, params, options);
}
