/**
 * talon-fetch/management: the Management API (the back office: coupons, loyalty programs and
 * cards, campaigns, customers, imports and exports), on the same client, transport, `Result` and
 * errors as the Integration API. Every operation is a standalone function
 * `(client, params, options?) => Promise<Result>` taking a client made with
 * {@link managementKey}. Not for the real-time path: see docs/management.md.
 *
 * A separate entry, built on its own: an app that imports only `talon-fetch` bundles none of it.
 */
export { TalonConfigError } from './client.js';
export type { HttpError, TalonError, ValidationIssue } from './core/errors.js';
export type { CallOptions, Hooks, HttpMethod, RetryOptions } from './core/options.js';
export type { Err, Ok, ResponseMeta, Result } from './core/result.js';
export {
  createClient,
  type ManagementClient,
  type ManagementClientConfig,
  type ManagementHooks,
  type ManagementHttpMethod,
  type ManagementRequestEvent,
  type ManagementResponseEvent,
} from './management/client.js';
export * from './management/endpoints/index.js';
export { type ManagementAuth, managementKey } from './management/managementKey.js';
export type * from './management/models/types.js';
export { type PerEndpointOptions, perEndpoint, type RateLimiter } from './management/rateLimit.js';
export { UPLOAD_FILENAME, UPLOAD_TYPE, type UploadFile } from './management/upload.js';
export * from './pagination.js';
