import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { CouponReservationsInputSchema } from '../models/coupons.js';
import { pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  couponValue: pathParam,
  body: CouponReservationsInputSchema,
});

/** Parameters of {@link deleteCouponReservation}: path and query parameters by their API names, the request body as `body`. */
export type DeleteCouponReservationParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link deleteCouponReservation} documents, and their bodies. */
export type DeleteCouponReservationErrors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
  404: ErrorResponseWithStatus;
};

/** The value {@link deleteCouponReservation} resolves to on success. */
export type DeleteCouponReservationValue = undefined;

const operation: Operation<DeleteCouponReservationValue, DeleteCouponReservationErrors> = {
  id: 'deleteCouponReservation',
  method: 'DELETE',
  path: '/v1/coupon_reservations/{couponValue}',
  params,
  body: true,
  errors: {
    400: ErrorResponseWithStatusSchema,
    401: ErrorResponseWithStatusSchema,
    404: ErrorResponseWithStatusSchema,
  },
};

/**
 * Removes the reservations of a coupon for the customer profiles listed in the body. Answers
 * 204 with no body (value `undefined`).
 *
 * `DELETE /v1/coupon_reservations/{couponValue}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await deleteCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });
 * ```
 *
 * @returns A {@link Result}: on success the value (undefined) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function deleteCouponReservation(
  client: Client,
  params: DeleteCouponReservationParams,
  options?: CallOptions,
): Promise<Result<DeleteCouponReservationValue, TalonError<DeleteCouponReservationErrors>>> {
  return send(client, operation, params, options);
}
