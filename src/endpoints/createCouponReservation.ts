import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import { type Coupon, CouponReservationsInputSchema, CouponSchema } from '../models/coupons.js';
import { pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  couponValue: pathParam,
  body: CouponReservationsInputSchema,
});

/** Parameters of {@link createCouponReservation}: path and query parameters by their API names, the request body as `body`. */
export type CreateCouponReservationParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link createCouponReservation} documents, and their bodies. */
export type CreateCouponReservationErrors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
  404: ErrorResponseWithStatus;
};

/** The value {@link createCouponReservation} resolves to on success. */
export type CreateCouponReservationValue = Coupon;

const operation: Operation<CreateCouponReservationValue, CreateCouponReservationErrors> = {
  id: 'createCouponReservation',
  method: 'POST',
  path: '/v1/coupon_reservations/{couponValue}',
  params,
  body: true,
  response: CouponSchema,
  errors: {
    400: ErrorResponseWithStatusSchema,
    401: ErrorResponseWithStatusSchema,
    404: ErrorResponseWithStatusSchema,
  },
};

/**
 * Reserves a coupon for the customer profiles listed in the body (`integrationIDs`, up to 1,000),
 * so that only they can redeem it. Answers the reserved coupon (HTTP 201).
 *
 * `POST /v1/coupon_reservations/{couponValue}` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await createCouponReservation(talon, { couponValue: 'SUMMER-10', body: { integrationIDs: ['user-1'] } });
 * ```
 *
 * @returns A {@link Result}: on success the value (Coupon) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 404 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function createCouponReservation(
  client: Client,
  params: CreateCouponReservationParams,
  options?: CallOptions,
): Promise<Result<CreateCouponReservationValue, TalonError<CreateCouponReservationErrors>>> {
  return send(client, operation, params, options);
}
