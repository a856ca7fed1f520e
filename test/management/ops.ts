/**
 * Hand-written operations shaped like the generated Management ones (`auth: 'managementKey'`,
 * `upload: { field, encode: encodeUpload }`, `answer: csvAnswer`), so the transport's Management
 * mechanisms are tested before the 186 generated operations land, and independently of them.
 */
import * as v from 'valibot';
import { createClient as createIntegrationClient } from '../../src/client.js';
import { apiKey } from '../../src/index.js';
import { createClient, type ManagementClientConfig } from '../../src/management/client.js';
import { csvAnswer } from '../../src/management/csv.js';
import type { ManagementOperation as Operation } from '../../src/management/send.js';
import { encodeUpload } from '../../src/management/upload.js';
import { managementKey } from '../../src/management.js';
import { BASE_URL } from '../support/msw.js';

export const MANAGEMENT_KEY = 'mgmt-CANARY-7f3a9c2e41d0';

/** The API's error body, as the spec's ErrorResponse. */
const ErrorResponse = v.looseObject({ message: v.string(), errors: v.optional(v.array(v.unknown())) });
type ErrorBody = v.InferOutput<typeof ErrorResponse>;

const LoyaltyCard = v.looseObject({ id: v.number(), identifier: v.string() });

export const getLoyaltyCard: Operation<v.InferOutput<typeof LoyaltyCard>, { 404: ErrorBody }> = {
  id: 'getLoyaltyCard',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}',
  params: v.strictObject({ loyaltyProgramId: v.number(), loyaltyCardId: v.string() }),
  response: LoyaltyCard,
  errors: { 404: ErrorResponse },
  auth: 'managementKey',
};

export const addLoyaltyPoints: Operation<undefined> = {
  id: 'addLoyaltyPoints',
  method: 'PUT',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/profile/{integrationId}/add_points',
  params: v.strictObject({
    loyaltyProgramId: v.number(),
    integrationId: v.string(),
    body: v.strictObject({ points: v.number() }),
  }),
  body: true,
  auth: 'managementKey',
};

const Import = v.looseObject({ id: v.number(), entity: v.string(), amount: v.number() });

export const importLoyaltyPoints: Operation<v.InferOutput<typeof Import>> = {
  id: 'importLoyaltyPoints',
  method: 'POST',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/import_points',
  params: v.strictObject({
    loyaltyProgramId: v.number(),
    notificationsEnabled: v.optional(v.boolean()),
    body: v.strictObject({ upFile: v.unknown() }),
  }),
  query: ['notificationsEnabled'],
  upload: { field: 'upFile', encode: encodeUpload },
  response: Import,
  auth: 'managementKey',
};

export const exportLoyaltyBalances: Operation<string, { 400: ErrorBody; 401: ErrorBody }> = {
  id: 'exportLoyaltyBalances',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/export_customer_balances',
  params: v.strictObject({ loyaltyProgramId: v.string(), endDate: v.optional(v.string()) }),
  query: ['endDate'],
  answer: csvAnswer,
  response: v.string(),
  errors: { 400: ErrorResponse, 401: ErrorResponse },
  auth: 'managementKey',
};

/** A Management client: the Management key, no retry backoff to wait for unless a test sets one. */
export const admin = (config: Partial<ManagementClientConfig> = {}) =>
  createClient({ baseUrl: BASE_URL, auth: managementKey(MANAGEMENT_KEY), ...config });

/** An Integration client. */
export const integration = () => createIntegrationClient({ baseUrl: BASE_URL, auth: apiKey('int-key-1') });
