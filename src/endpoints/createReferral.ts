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
import { NewReferralInputSchema, type Referral, ReferralSchema } from '../models/referrals.js';

const params = /*#__PURE__*/ v.object({
  body: NewReferralInputSchema,
});

/** Parameters of {@link createReferral}: the request body as `body`. */
export type CreateReferralParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link createReferral} documents, and their bodies. */
export type CreateReferralErrors = { 400: ErrorResponse; 401: ErrorResponseWithStatus };

/** The value {@link createReferral} resolves to on success. */
export type CreateReferralValue = Referral;

const operation: Operation<CreateReferralValue, CreateReferralErrors> = {
  id: 'createReferral',
  method: 'POST',
  path: '/v1/referrals',
  params,
  body: true,
  response: ReferralSchema,
  errors: { 400: ErrorResponseSchema, 401: ErrorResponseWithStatusSchema },
};

/**
 * Creates a referral code for an advocate in a referral campaign. Answers the referral with its
 * generated `code` (HTTP 201).
 *
 * `POST /v1/referrals` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await createReferral(talon, { body: { campaignId: 7, advocateProfileIntegrationId: 'user-1' } });
 * ```
 *
 * @returns A {@link Result}: on success the value (Referral) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function createReferral(
  client: Client,
  params: CreateReferralParams,
  options?: CallOptions,
): Promise<Result<CreateReferralValue, TalonError<CreateReferralErrors>>> {
  return send(client, operation, params, options);
}
