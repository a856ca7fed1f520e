import { md5 } from '@noble/hashes/legacy.js';
import { fromHex, toHex } from './hex.js';
import { type Auth, type AuthNeeds, redactor, refusal } from './types.js';

/** Options of {@link contentSignature}. */
export interface ContentSignatureOptions {
  /** The numeric ID of the Talon.One Application. */
  readonly applicationId: number | string;
  /** The Application's secret key, as the hex string the Campaign Manager shows. */
  readonly applicationKey: string;
}

/**
 * HMAC-MD5 (RFC 2104) over noble's MD5. Written out rather than taken from `@noble/hashes/hmac`,
 * whose generic, cloneable HMAC class costs ~0.3 KB gzipped more in a user's bundle.
 */
function hmacMd5(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64); // MD5's block size; a longer key is hashed first
  block.set(key.length > 64 ? md5(key) : key);
  const padded = (byte: number) => block.map((b) => b ^ byte);
  const inner = md5.create().update(padded(0x36)).update(message).digest();
  return md5.create().update(padded(0x5c)).update(inner).digest();
}

/**
 * Authenticates with the older Application signature scheme (`integration_auth`): every request
 * carries `Content-Signature: signer=<applicationId>; signature=<hex HMAC-MD5>`, the HMAC taken
 * over the exact body bytes sent (empty for requests without a body) and keyed with the
 * hex-decoded application key. Pure JavaScript: works where Web Crypto has no MD5 (edge runtimes,
 * browsers).
 *
 * Only the operations the 2021 API lists with `integration_auth` accept it; the V2 operations
 * answer a `config` error before sending. A non-hex or empty key, or an application ID that is
 * not a positive integer, makes `createClient` report an invalid configuration.
 *
 * @returns The `contentSignature` auth for `createClient`. It never throws; an unusable key or ID
 * makes `createClient` throw a {@link TalonConfigError} at start-up, and an operation that takes
 * only the API key returns a `config` error without sending.
 */
export function contentSignature(options: ContentSignatureOptions): Auth<'contentSignature'> {
  const rawKey = typeof options?.applicationKey === 'string' ? options.applicationKey : '';
  const keyBytes = fromHex(rawKey.trim() === rawKey ? rawKey : '');
  const id = options?.applicationId;
  const idText = typeof id === 'number' ? String(id) : typeof id === 'string' ? id : '';
  let problem: string | undefined;
  if (!/^[1-9][0-9]*$/.test(idText)) {
    problem = 'the applicationId must be a positive integer (the ID of the Application)';
  } else if (!keyBytes) {
    problem =
      'the applicationKey must be a non-empty, even-length hex string (as shown in the Campaign Manager)';
  }
  return Object.freeze({
    scheme: 'contentSignature' as const,
    problem,
    sign(headers: Headers, body: Uint8Array) {
      const signature = toHex(hmacMd5(keyBytes ?? new Uint8Array(0), body));
      headers.set('content-signature', `signer=${idText}; signature=${signature}`);
    },
    redact: redactor([rawKey, rawKey.toLowerCase(), rawKey.toUpperCase()]),
    refuses: (needs: AuthNeeds) =>
      needs.apiKeyOnly
        ? refusal('accepts only apiKey auth (the API lists no Content-Signature for it)', 'apiKey')
        : undefined,
  });
}
