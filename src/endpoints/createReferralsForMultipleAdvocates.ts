import * as v from 'valibot';
import type { Client } from '../client.js';
import type { TalonError } from '../core/errors.js';
import type { Operation } from '../core/operation.js';
import type { CallOptions } from '../core/options.js';
import { send } from '../core/request.js';
import type { Result } from '../core/result.js';
import { type ErrorResponseWithStatus, ErrorResponseWithStatusSchema } from '../models/common.js';
import {
  NewReferralsForMultipleAdvocatesInputSchema,
  type ReferralsForMultipleAdvocatesResponse,
  ReferralsForMultipleAdvocatesResponseSchema,
} from '../models/referrals.js';
import { silent } from './params.js';

const params = /*#__PURE__*/ v.object({
  silent: silent,
  body: NewReferralsForMultipleAdvocatesInputSchema,
});

/** Parameters of {@link createReferralsForMultipleAdvocates}: path and query parameters by their API names, the request body as `body`. */
export type CreateReferralsForMultipleAdvocatesParams = v.InferInput<typeof params>;

/** The HTTP error statuses {@link createReferralsForMultipleAdvocates} documents, and their bodies. */
export type CreateReferralsForMultipleAdvocatesErrors = {
  400: ErrorResponseWithStatus;
  401: ErrorResponseWithStatus;
};

/** The value {@link createReferralsForMultipleAdvocates} resolves to on success. */
export type CreateReferralsForMultipleAdvocatesValue = ReferralsForMultipleAdvocatesResponse | undefined;

const operation: Operation<
  CreateReferralsForMultipleAdvocatesValue,
  CreateReferralsForMultipleAdvocatesErrors
> = {
  id: 'createReferralsForMultipleAdvocates',
  method: 'POST',
  path: '/v1/referrals_for_multiple_advocates',
  params,
  query: ['silent'],
  body: true,
  response: ReferralsForMultipleAdvocatesResponseSchema,
  emptyOk: true,
  errors: { 400: ErrorResponseWithStatusSchema, 401: ErrorResponseWithStatusSchema },
};

/**
 * Creates referral codes for several advocates at once. With `silent: 'no'` the API answers the
 * created referrals (HTTP 201); with `silent: 'yes'` (the API's default when omitted) it answers 204
 * with no body, and the value is `undefined`.
 *
 * `POST /v1/referrals_for_multiple_advocates` · auth: `apiKey` or `contentSignature`
 *
 * @example
 * ```ts
 * const result = await createReferralsForMultipleAdvocates(talon, { silent: 'no', body: { campaignId: 7, usageLimit: 1, advocateProfileIntegrationIds: ['a', 'b'] } });
 * ```
 *
 * @returns A {@link Result}: on success the value (ReferralsForMultipleAdvocatesResponse or undefined) with the response status and headers; on failure a
 * {@link TalonError}: `http` (documented statuses 400, 401 with their bodies parsed, any other status undocumented), `validation` (bad params,
 * nothing sent), `config`, `network`, `timeout`, `aborted`, or `response` (a 2xx body that is not the documented shape).
 */
export function createReferralsForMultipleAdvocates(
  client: Client,
  params: CreateReferralsForMultipleAdvocatesParams,
  options?: CallOptions,
): Promise<
  Result<CreateReferralsForMultipleAdvocatesValue, TalonError<CreateReferralsForMultipleAdvocatesErrors>>
> {
  return send(client, operation, params, options);
}
