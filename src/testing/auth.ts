/**
 * The fake's authentication: `Authorization: ApiKey-v1 <key>` everywhere, or
 * `Content-Signature: signer=<applicationId>; signature=<hex HMAC-MD5 of the body>` on the
 * three 2021 operations (trackEvent, updateCustomerProfile, updateCustomerSession); every
 * operation of the current release accepts only the API key, as the SDK does. Management
 * operations accept only `Authorization: ManagementKey-v1 <key>`, and the Integration ones refuse it.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5 } from '@noble/hashes/legacy.js';
import { fromHex, toHex } from '../auth/hex.js';
import { type Answer, fail } from './answers.js';
import type { ResolvedFakeTalonOptions } from './types.js';

/** Compares two strings without stopping at the first difference. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function unauthorized(message: string, header: string): Answer {
  return fail(401, message, [{ title: 'Unauthorized', details: message, parameter: header }]);
}

/**
 * Checks the credentials of a request. Returns `undefined` when they are good, else the 401
 * answer. `apiKeyOnly` operations refuse `Content-Signature`.
 */
export function authenticate(
  headers: Headers,
  body: Uint8Array,
  apiKeyOnly: boolean,
  config: ResolvedFakeTalonOptions,
): Answer | undefined {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    if (/^\s*managementkey-v1\b/i.test(authorization))
      return unauthorized(
        'The Integration API does not accept a Management key: send Authorization: ApiKey-v1 <key>',
        'Authorization',
      );
    const prefix = 'apikey-v1 ';
    const given = authorization.trim();
    if (
      given.slice(0, prefix.length).toLowerCase() === prefix &&
      same(given.slice(prefix.length).trim(), config.apiKey)
    )
      return undefined;
    return unauthorized('Invalid API key: expected Authorization: ApiKey-v1 <a valid key>', 'Authorization');
  }
  const signature = headers.get('content-signature');
  if (signature !== null) {
    if (apiKeyOnly)
      return unauthorized(
        'This endpoint accepts only an API key (Authorization: ApiKey-v1 <key>), not Content-Signature',
        'Content-Signature',
      );
    const parts = new Map<string, string>();
    for (const part of signature.split(';')) {
      const at = part.indexOf('=');
      if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
    }
    const key = fromHex(config.applicationKey) ?? new Uint8Array(0);
    const expected = toHex(hmac(md5, key, body));
    if (parts.get('signer') !== String(config.applicationId))
      return unauthorized(
        `Invalid Content-Signature: unknown signer ${JSON.stringify(parts.get('signer') ?? '')}`,
        'Content-Signature',
      );
    if (!same((parts.get('signature') ?? '').toLowerCase(), expected))
      return unauthorized(
        'Invalid Content-Signature: the signature does not match the HMAC-MD5 of the body',
        'Content-Signature',
      );
    return undefined;
  }
  return unauthorized(
    'Missing credentials: send Authorization: ApiKey-v1 <key> (or Content-Signature where the operation accepts it)',
    'Authorization',
  );
}

/**
 * Checks the credentials of a Management API request: only `Authorization: ManagementKey-v1 <key>`
 * with the configured key. Returns `undefined` when they are good, else the 401 answer.
 */
export function authenticateManagement(
  headers: Headers,
  config: ResolvedFakeTalonOptions,
): Answer | undefined {
  const given = headers.get('authorization')?.trim();
  const prefix = 'managementkey-v1 ';
  if (given === undefined)
    return unauthorized('Missing credentials: send Authorization: ManagementKey-v1 <key>', 'Authorization');
  if (given.slice(0, prefix.length).toLowerCase() !== prefix)
    return unauthorized(
      'The Management API accepts only a Management key: send Authorization: ManagementKey-v1 <key>',
      'Authorization',
    );
  if (!same(given.slice(prefix.length).trim(), config.managementKey))
    return unauthorized(
      'Invalid Management key: expected Authorization: ManagementKey-v1 <a valid key>',
      'Authorization',
    );
  return undefined;
}
