import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { type ReservedCustomersResponse, ReservedCustomersResponseSchema } from '../models/profiles.js';
import { pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  couponValue: pathParam,
});

/** Parameters of {@link getReservedCustomers}: path and query parameters by their API names, the request body as `body`. */
export type GetReservedCustomersParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link getReservedCustomers} documents, and their bodies. */
export type GetReservedCustomersErrors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
  404: ErrorResponseWithStatus;
};

/** The value {@link getReservedCustomers} resolves to on success. */
export type GetReservedCustomersValue = ReservedCustomersResponse;

const operation: Operation<GetReservedCustomersValue, GetReservedCustomersErrors> = {
  id: 'getReservedCustomers',
  method: 'GET',
  path: '/v1/coupon_reservations/customerprofiles/{couponValue}',
  params,
  response: ReservedCustomersResponseSchema,
  errors: {
    400: ErrorResponseWithStatusSchema,
    401: ErrorResponseWithStatusSchema,
    404: ErrorResponseWithStatusSchema,
  },
};

/**
 * Lists the customer profiles that hold a reservation of a coupon (`{ data: CustomerProfile[] }`).
 *
 * `GET /v1/coupon_reservations/customerprofiles/{couponValue}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await getReservedCustomers(talon, { couponValue: 'SUMMER-10' });
 * ```
 *
 * @returns A {@link Result}: on success the value (ReservedCustomersResponse) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function getReservedCustomers(
  client: Client,
  params: GetReservedCustomersParams,
  options?: CallOptions,
): Promise<Result<GetReservedCustomersValue, TalonError<GetReservedCustomersErrors>>> {
  return send(client, operation, params, options);
}
