import { keyAuth } from './keyAuth.js';
import type { Auth } from './types.js';

/**
 * Authenticates with an Integration API key: every request carries
 * `Authorization: ApiKey-v1 <key>`. Works with every operation.
 *
 * An empty key, or one with a line break, makes `createClient` report an invalid
 * configuration; the key never appears in errors, logs or `JSON.stringify` output.
 *
 * @param key - The API key from the Campaign Manager (Settings › Integration API Keys).
 * @returns The `apiKey` auth for `createClient`. It never throws; an unusable key makes
 * `createClient` throw a {@link TalonConfigError} at start-up (the SDK's only throw).
 */
export function apiKey(key: string): Auth<'apiKey'> {
  return keyAuth('apiKey', 'ApiKey-v1', key, 'the API key');
}
