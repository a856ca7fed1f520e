/**
 * What caller-given headers may not do, and what hooks may not see: the one list of each.
 */

/**
 * Headers the SDK owns: the two auth schemes' headers (set by `auth.sign`) and the ones that
 * describe the JSON exchange. A `headers` option (client or call) naming one of them, in any
 * case, is a `config` error and nothing is sent.
 */
const RESERVED: Readonly<Record<string, string>> = {
  authorization: 'is set by the client’s auth (apiKey); it cannot be given as a header',
  'content-signature': 'is set by the client’s auth (contentSignature); it cannot be given as a header',
  'content-type': 'is set by the SDK (the body is JSON); it cannot be given as a header',
  accept: 'is set by the SDK (answers are JSON); it cannot be given as a header',
  'content-length': 'is worked out from the body sent; it cannot be given as a header',
};

/**
 * @internal Why a caller may not set header `name` (any case), or `undefined` when it may.
 */
export function reservedHeaderProblem(name: string): string | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(RESERVED, key) ? RESERVED[key] : undefined;
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
