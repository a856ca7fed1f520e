/**
 * talon-fetch/management: the Management API (the back office: coupons, loyalty programs and
 * cards, campaigns, customers, imports and exports), on the same client, transport, `Result` and
 * errors as the Integration API. Every operation is a standalone function
 * `(client, params, options?) => Promise<Result>` taking a client made with
 * {@link managementKey}. Not for the real-time path: see docs/management.md.
 *
 * A separate entry, built on its own: an app that imports only `talon-fetch` bundles none of it.
 */
export { managementKey } from './auth/managementKey.js';
export type { AnyAuthScheme, Auth } from './auth/types.js';
export { type Client, type ClientConfig, createClient, TalonConfigError } from './client.js';
export type { CsvRead } from './core/csv.js';
export type { HttpError, TalonError, ValidationIssue } from './core/errors.js';
export type { CallOptions, Hooks, HttpMethod, RetryOptions } from './core/options.js';
export { type PerEndpointOptions, perEndpoint, type RateLimiter } from './core/rateLimit.js';
export type { Err, Ok, ResponseMeta, Result } from './core/result.js';
export { UPLOAD_FILENAME, UPLOAD_TYPE, type UploadFile } from './core/upload.js';
export * from './management/endpoints/index.js';
export type * from './management/models/types.js';
export * from './pagination.js';

import type { Client } from './client.js';

/** A client made with `managementKey(key)`: what every Management operation takes. */
export type ManagementClient = Client<'managementKey'>;
