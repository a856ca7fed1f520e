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
  const fix = (why: string, auth: string) => `${why}; create a client with auth: ${auth}(key)`;
  if (op.auth === 'managementKey')
    return scheme === 'managementKey'
      ? undefined
      : fix('accepts only managementKey auth (it is a Management API operation)', 'managementKey');
  if (scheme === 'managementKey')
    return fix('does not accept managementKey auth (it is an Integration API operation)', 'apiKey');
  if (op.apiKeyOnly && scheme !== 'apiKey')
    return fix('accepts only apiKey auth (the API lists no Content-Signature for it)', 'apiKey');
  return undefined;
}
