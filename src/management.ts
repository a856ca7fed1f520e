/**
 * talon-fetch/management: the Management API (the back office: coupons, loyalty, campaigns,
 * customers, imports and exports), on the same client, transport and Result as the Integration
 * API. Hand-written entry stub: the generated Management operations get re-exported here
 * (`export * from './management/endpoints/index.js'` or wherever the generator writes them) once
 * the generator's Management run lands; the build and package.json `exports` add this entry then.
 */
export { managementKey } from './auth/managementKey.js';
export type { AnyAuthScheme, Auth } from './auth/types.js';
export type { Client, ClientConfig } from './client.js';
export type { CsvRead } from './core/csv.js';
export { type PerEndpointOptions, perEndpoint, type RateLimiter } from './core/rateLimit.js';
export { UPLOAD_FILENAME, UPLOAD_TYPE, type UploadFile } from './core/upload.js';

import type { Client } from './client.js';

/** A client made with `managementKey(key)`: what every Management operation takes. */
export type ManagementClient = Client<'managementKey'>;
