import type { Operation } from './operation.js';

/**
 * @internal Why `client`'s auth cannot call `op`, or `undefined` when it can. The transport turns
 * a message into a `config` error on the field `auth`, with nothing sent. This is the runtime half
 * of what the types enforce for TypeScript callers (a JavaScript caller can pass any client):
 *
 * - a Management operation (`op.auth === 'managementKey'`) takes only a `managementKey` client;
 * - an Integration operation refuses a `managementKey` client;
 * - an `apiKeyOnly` operation takes only an `apiKey` client.
 */
export function authMismatch(
  op: Pick<Operation, 'auth' | 'apiKeyOnly'>,
  client: { readonly auth: { readonly scheme: string } },
): string | undefined {
  const scheme = client.auth.scheme;
  if (op.auth === 'managementKey')
    return scheme === 'managementKey'
      ? undefined
      : `accepts only managementKey auth (it is a Management API operation); create a client with auth: managementKey(key), using a Management API key`;
  if (scheme === 'managementKey')
    return `does not accept managementKey auth (it is an Integration API operation); create a client with auth: apiKey(key), using an Integration API key`;
  if (op.apiKeyOnly && scheme !== 'apiKey')
    return `accepts only apiKey auth (the API lists no Content-Signature for it); create a client with auth: apiKey(key)`;
  return undefined;
}
