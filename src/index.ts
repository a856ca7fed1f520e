/**
 * talon-fetch: a small, tree-shakeable, fetch-only SDK for the Talon.One Integration API.
 * Every endpoint is a standalone function `(client, params, options?) => Promise<Result>`.
 */
export { apiKey } from './auth/apiKey.js';
export { type ContentSignatureOptions, contentSignature } from './auth/contentSignature.js';
export type { Auth, AuthScheme } from './auth/types.js';
export { type Client, type ClientConfig, createClient, TalonConfigError } from './client.js';
export type {
  AbortedError,
  ConfigError,
  DocumentedHttpError,
  HttpError,
  NetworkError,
  ResponseError,
  ResponseProblem,
  TalonError,
  TimeoutError,
  TransportError,
  UndocumentedHttpError,
  ValidationError,
  ValidationIssue,
} from './core/errors.js';
export type {
  CallOptions,
  FetchLike,
  Hooks,
  HttpMethod,
  RequestEvent,
  ResolvedRetry,
  ResponseEvent,
  RetryOptions,
  SharedOptions,
} from './core/options.js';
export type { Err, Ok, ResponseMeta, Result } from './core/result.js';
export {
  type CreateCouponReservationErrors,
  type CreateCouponReservationParams,
  type CreateCouponReservationValue,
  createCouponReservation,
} from './endpoints/createCouponReservation.js';
export {
  type CreateReferralErrors,
  type CreateReferralParams,
  type CreateReferralValue,
  createReferral,
} from './endpoints/createReferral.js';
export {
  type CreateReferralsForMultipleAdvocatesErrors,
  type CreateReferralsForMultipleAdvocatesParams,
  type CreateReferralsForMultipleAdvocatesValue,
  createReferralsForMultipleAdvocates,
} from './endpoints/createReferralsForMultipleAdvocates.js';
export {
  type DeleteCouponReservationErrors,
  type DeleteCouponReservationParams,
  type DeleteCouponReservationValue,
  deleteCouponReservation,
} from './endpoints/deleteCouponReservation.js';
export {
  type DeleteCustomerDataErrors,
  type DeleteCustomerDataParams,
  type DeleteCustomerDataValue,
  deleteCustomerData,
} from './endpoints/deleteCustomerData.js';
export {
  type GetCustomerInventoryErrors,
  type GetCustomerInventoryParams,
  type GetCustomerInventoryValue,
  getCustomerInventory,
} from './endpoints/getCustomerInventory.js';
export {
  type GetReservedCustomersErrors,
  type GetReservedCustomersParams,
  type GetReservedCustomersValue,
  getReservedCustomers,
} from './endpoints/getReservedCustomers.js';
export {
  type TrackEventErrors,
  type TrackEventParams,
  type TrackEventValue,
  trackEvent,
} from './endpoints/trackEvent.js';
export {
  type UpdateCustomerProfileErrors,
  type UpdateCustomerProfileParams,
  type UpdateCustomerProfileValue,
  updateCustomerProfile,
} from './endpoints/updateCustomerProfile.js';
export {
  type UpdateCustomerProfileAudiencesErrors,
  type UpdateCustomerProfileAudiencesParams,
  type UpdateCustomerProfileAudiencesValue,
  updateCustomerProfileAudiences,
} from './endpoints/updateCustomerProfileAudiences.js';
export {
  type UpdateCustomerProfilesV2Errors,
  type UpdateCustomerProfilesV2Params,
  type UpdateCustomerProfilesV2Value,
  updateCustomerProfilesV2,
} from './endpoints/updateCustomerProfilesV2.js';
export {
  type UpdateCustomerProfileV2Errors,
  type UpdateCustomerProfileV2Params,
  type UpdateCustomerProfileV2Value,
  updateCustomerProfileV2,
} from './endpoints/updateCustomerProfileV2.js';
export {
  type UpdateCustomerSessionErrors,
  type UpdateCustomerSessionParams,
  type UpdateCustomerSessionValue,
  updateCustomerSession,
} from './endpoints/updateCustomerSession.js';
export {
  type UpdateCustomerSessionV2Errors,
  type UpdateCustomerSessionV2Params,
  type UpdateCustomerSessionV2Value,
  updateCustomerSessionV2,
} from './endpoints/updateCustomerSessionV2.js';
export * from './models/index.js';
