import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import {
  type ErrorResponse,
  ErrorResponseSchema,
  type ErrorResponseWithStatus,
  ErrorResponseWithStatusSchema,
} from '../models/common.js';
import {
  IntegrationRequestInputSchema,
  type IntegrationStateV2,
  IntegrationStateV2Schema,
} from '../models/sessions.js';
import { AnyObjectSchema, flag, pathParam } from './params.js';

const params = /*#__PURE__*/ v.object({
  customerSessionId: pathParam,
  dry: flag,
  now: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
  body: IntegrationRequestInputSchema,
});

/** Parameters of {@link updateCustomerSessionV2}: path and query parameters by their API names, the request body as `body`. */
export type UpdateCustomerSessionV2Params = v.InferInput<typeof params>;

/** The HTTP error statuses {@link updateCustomerSessionV2} documents, and their bodies. */
export type UpdateCustomerSessionV2Errors = {
  400: ErrorResponse;
  401: ErrorResponseWithStatus;
  409: Record<string, unknown>;
};

/** The value {@link updateCustomerSessionV2} resolves to on success. */
export type UpdateCustomerSessionV2Value = IntegrationStateV2;

const operation: Operation<UpdateCustomerSessionV2Value, UpdateCustomerSessionV2Errors> = {
  id: 'updateCustomerSessionV2',
  method: 'PUT',
  path: '/v2/customer_sessions/{customerSessionId}',
  params,
  query: ['dry', 'now'],
  body: true,
  response: IntegrationStateV2Schema,
  errors: { 400: ErrorResponseSchema, 401: ErrorResponseWithStatusSchema, 409: AnyObjectSchema },
  apiKeyOnly: true,
};

/**
 * Creates or updates a customer session (cart items, coupon codes, referral code, state) and runs
 * the rules: the answer carries the session, the profile and the effects to apply. Set
 * `body.customerSession.state` to `closed` to close it. `dry: true` evaluates without persisting; `now`
 * evaluates as at a future date-time. 409 when the same session is updated concurrently.
 *
 * `PUT /v2/customer_sessions/{customerSessionId}` · auth: `apiKey` only (a `contentSignature` client is a compile error, and a `config` error at run time)
 *
 * @example
 * ```ts
 * const result = await updateCustomerSessionV2(talon, { customerSessionId: 'cart-1', body: { customerSession: { profileId: 'user-1', couponCodes: ['SUMMER-10'] } } });
 * ```
 *
 * @returns A {@link Result}: on success the value (IntegrationStateV2) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401, 409 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function updateCustomerSessionV2(
  client: Client<'apiKey'>,
  params: UpdateCustomerSessionV2Params,
  options?: CallOptions,
): Promise<Result<UpdateCustomerSessionV2Value, TalonError<UpdateCustomerSessionV2Errors>>> {
  return send(client, operation, params, options);
}
