import { keyAuth } from '../auth/keyAuth.js';
import { type Auth, refusal } from '../auth/types.js';

/**
 * The auth of a Management API client, made by {@link managementKey}: the shape of the Integration
 * API's `Auth` with its own scheme, so an Integration operation does not take a Management client
 * (nor the reverse) at compile time.
 */
export interface ManagementAuth extends Omit<Auth, 'scheme'> {
  readonly scheme: 'managementKey';
}

/**
 * Authenticates with a Management API key: every request carries
 * `Authorization: ManagementKey-v1 <key>`. Works with the Management API operations
 * (`talon-fetch/management`) only; an Integration operation given a client made with it is a
 * compile error and, from JavaScript, a `config` error with nothing sent.
 *
 * An empty key, or one with a line break, makes `createClient` report an invalid
 * configuration; the key never appears in errors, hooks, `inspect` or `JSON.stringify` output.
 *
 * @param key - A Management API key from the Campaign Manager (Account › Tools › Management API Keys).
 * @returns The `managementKey` auth for `createClient`. It never throws; an unusable key makes
 * `createClient` throw a {@link TalonConfigError} at start-up (the SDK's only throw).
 */
export function managementKey(key: string): ManagementAuth {
  return keyAuth('managementKey', 'ManagementKey-v1', key, 'the Management API key', refusesIntegration);
}

/**
 * What a `managementKey` client says to an Integration operation, whose transport asks the
 * client's auth (`Auth.refuses`): never. Management operations check the scheme themselves
 * (./send.ts) and do not ask.
 */
function refusesIntegration(): string {
  return refusal('does not accept managementKey auth (it is an Integration API operation)', 'apiKey');
}
