import { keyAuth } from './keyAuth.js';
import { type Auth, type AuthNeeds, refusal } from './types.js';

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
export function managementKey(key: string): Auth<'managementKey'> {
  return keyAuth('managementKey', 'ManagementKey-v1', key, 'the Management API key', refusesIntegration);
}

/** A `managementKey` client calls Management operations only. */
function refusesIntegration(needs: AuthNeeds): string | undefined {
  return needs.auth === 'managementKey'
    ? undefined
    : refusal('does not accept managementKey auth (it is an Integration API operation)', 'apiKey');
}
