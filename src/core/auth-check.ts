import type { AuthNeeds } from '../auth/types.js';

/**
 * @internal Why `client`'s auth cannot call `op`, or `undefined` when it can. The transport turns
 * a message into a `config` error on the field `auth`, with nothing sent. This is the runtime half
 * of what the types enforce for TypeScript callers (a JavaScript caller can pass any client):
 *
 * - a Management operation (`op.auth === 'managementKey'`) takes only a `managementKey` client;
 * - an Integration operation refuses a `managementKey` client;
 * - an `apiKeyOnly` operation takes only an `apiKey` client.
 *
 * Each auth scheme states its own refusals (`Auth.refuses`, in src/auth/), so an app bundles only
 * the messages of the schemes it uses; an auth object not made by the SDK's functions has none.
 */
export function authMismatch(
  op: AuthNeeds,
  client: { readonly auth: { readonly refuses?: ((needs: AuthNeeds) => string | undefined) | undefined } },
): string | undefined {
  return client.auth.refuses?.(op);
}
