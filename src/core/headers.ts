/**
 * What caller-given headers may not do, and what hooks may not see: the one list of each.
 */

/**
 * Headers the SDK owns: the two auth schemes' headers (set by `auth.sign`) and the ones that
 * describe the JSON exchange (`accept`, `content-type`, `content-length`). A `headers` option
 * (client or call) naming one of them, in any case, is a `config` error and nothing is sent.
 */
const RESERVED = /^(?:authorization|content-(?:signature|type|length)|accept)$/i;

/**
 * @internal Why a caller may not set header `name` (any case), or `undefined` when it may.
 */
export function reservedHeaderProblem(name: string): string | undefined {
  if (/^idempotency-key$/i.test(name))
    return 'is set by the SDK on the operations that take one; give the idempotencyKey call option';
  return RESERVED.test(name) ? 'is set by the SDK (auth, JSON); it cannot be given' : undefined;
}

/** Credential-like headers: masked in what hooks see, whoever set them. */
const SENSITIVE: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'content-signature',
]);

/**
 * @internal Request headers as a plain record (lower-case names) for hooks, with every
 * credential-like header (`authorization`, `proxy-authorization`, `cookie`, `x-api-key`,
 * `content-signature`) replaced by `[redacted]`, whether the SDK or a custom `fetch` set it.
 * Never throws.
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SENSITIVE.has(name.toLowerCase()) ? '[redacted]' : value;
  });
  return out;
}
