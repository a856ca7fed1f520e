import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { type CustomerInventory, CustomerInventorySchema } from '../models/inventory.js';
import { flag, pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  integrationId: pathParam,
  profile: flag,
  referrals: flag,
  coupons: flag,
  loyalty: flag,
  giveaways: flag,
  achievements: flag,
});

/** Parameters of {@link getCustomerInventory}: path and query parameters by their API names, the request body as `body`. */
export type GetCustomerInventoryParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link getCustomerInventory} documents, and their bodies. */
export type GetCustomerInventoryErrors = { 401: ErrorResponseWithStatus; 404: ErrorResponseWithStatus };

/** The value {@link getCustomerInventory} resolves to on success. */
export type GetCustomerInventoryValue = CustomerInventory;

const operation: Operation<GetCustomerInventoryValue, GetCustomerInventoryErrors> = {
  id: 'getCustomerInventory',
  method: 'GET',
  path: '/v1/customer_profiles/{integrationId}/inventory',
  params,
  query: ['profile', 'referrals', 'coupons', 'loyalty', 'giveaways', 'achievements'],
  response: CustomerInventorySchema,
  errors: { 401: ErrorResponseWithStatusSchema, 404: ErrorResponseWithStatusSchema },
};

/**
 * Reads what a customer holds: set the flags (`profile`, `referrals`, `coupons`, `loyalty`,
 * `giveaways`, `achievements`) for the parts you want included.
 *
 * `GET /v1/customer_profiles/{integrationId}/inventory` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await getCustomerInventory(talon, { integrationId: 'user-1', coupons: true, loyalty: true });
 * ```
 *
 * @returns A {@link Result}: on success the value (CustomerInventory) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function getCustomerInventory(
  client: Client,
  params: GetCustomerInventoryParams,
  options?: CallOptions,
): Promise<Result<GetCustomerInventoryValue, TalonError<GetCustomerInventoryErrors>>> {
  return send(client, operation, params, options);
}
