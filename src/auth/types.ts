/** The two authentication schemes of the Integration API. */
export type AuthScheme = 'apiKey' | 'contentSignature';

/**
 * An authentication strategy, made by {@link apiKey} or {@link contentSignature}. It keeps its
 * secret in a closure: printing, inspecting or `JSON.stringify`-ing it shows no key.
 */
export interface Auth<S extends AuthScheme = AuthScheme> {
  readonly scheme: S;
  /** Why the strategy cannot be used (empty key, CR/LF in a key, non-hex key), or `undefined`. */
  readonly problem: string | undefined;
  /** Adds the auth header for a request whose body is exactly `body` (empty for no body). */
  readonly sign: (headers: Headers, body: Uint8Array) => void;
  /** Replaces every occurrence of the strategy's secrets in `text` with `[redacted]`. */
  readonly redact: (text: string) => string;
  /**
   * @internal Why this strategy cannot call an operation with `needs`, or `undefined` when it
   * can; the transport makes a message a `config` error with nothing sent. Each scheme carries
   * only its own refusals, so an app bundles the messages of the schemes it uses.
   */
  readonly refuses?: (needs: AuthNeeds) => string | undefined;
}

/** @internal What an operation asks of the client's auth (the `Operation` field of the same name). */
export interface AuthNeeds {
  /** Only `apiKey` auth is accepted (the V2 operations). */
  readonly apiKeyOnly?: boolean;
}

/** @internal A refusal's message: why, and the client that would do. */
export function refusal(why: string, auth: string): string {
  return `${why}; create a client with auth: ${auth}(key)`;
}

/** @internal Builds a redactor that masks the given secrets (empty ones are ignored). */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const live = secrets.filter((s) => s.length > 0);
  return (text) => {
    let out = text;
    for (const secret of live) {
      if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    }
    return out;
  };
}

/** @internal The problem with a header value, or undefined when it is usable. */
export function headerValueProblem(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `${what} must be a string`;
  if (value.length === 0) return `${what} is empty`;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 13 || c === 10 || c === 0) return `${what} contains a line break or NUL character`;
    if (c > 255) return `${what} contains a character that cannot be sent in an HTTP header`;
  }
  if (value.trim() !== value) return `${what} has leading or trailing white space`;
  return undefined;
}
