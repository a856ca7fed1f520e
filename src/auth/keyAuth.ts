import { type Auth, type AuthNeeds, headerValueProblem, redactor } from './types.js';

/**
 * @internal An auth that sends one fixed `Authorization: <prefix> <key>` header: the shared body of
 * {@link apiKey} (`ApiKey-v1`) and `managementKey` (`ManagementKey-v1`). The key is checked like any
 * header value (empty, CR/LF/NUL, non-Latin-1, surrounding white space give `problem`) and is
 * redacted from every text the client's `redact` sees. `refuses`, when given, says which operations
 * it cannot call.
 */
export function keyAuth<S extends string>(
  scheme: S,
  prefix: string,
  key: string,
  what: string,
  refuses?: (needs: AuthNeeds) => string | undefined,
): Omit<Auth, 'scheme'> & { readonly scheme: S } {
  const problem = headerValueProblem(key, what);
  const secret = typeof key === 'string' ? key : '';
  const header = `${prefix} ${secret}`;
  return Object.freeze({
    scheme,
    problem,
    sign(headers: Headers) {
      headers.set('authorization', header);
    },
    redact: redactor([secret]),
    ...(refuses ? { refuses } : {}),
  });
}
