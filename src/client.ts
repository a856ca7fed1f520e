import type { Auth, AuthScheme } from './auth/types.js';
import {
  checkSharedOptions,
  DEFAULT_RETRY,
  type FetchLike,
  type Hooks,
  type OptionProblem,
  type ResolvedRetry,
  resolveRetry,
  type SharedOptions,
} from './core/options.js';

/** The configuration `createClient` takes. Only `baseUrl` and `auth` are required. */
export interface ClientConfig<S extends AuthScheme = AuthScheme> extends SharedOptions {
  /**
   * The deployment's base URL, e.g. `https://acme.europe-west1.talon.one`. Must be absolute and
   * use https, except for loopback hosts (localhost, 127.0.0.0/8, [::1]) where http is allowed.
   * A path prefix (for a proxy) is kept.
   */
  readonly baseUrl: string;
  /** `apiKey(key)` or `contentSignature({ applicationId, applicationKey })`. */
  readonly auth: Auth<S>;
  /** A custom fetch implementation. Default: the global `fetch`, looked up at call time. */
  readonly fetch?: FetchLike | undefined;
  /** Observers of every attempt, for logging and tracing. */
  readonly hooks?: Hooks | undefined;
  /** Largest response body, in bytes, the SDK reads before giving up. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined;
}

/**
 * A configured client: a plain, frozen object that holds settings only (no sockets, caches or
 * globals). Pass it as the first argument of every endpoint function.
 */
export interface Client<S extends AuthScheme = AuthScheme> {
  readonly baseUrl: string;
  /** The auth strategy; its scheme is in the type, so apiKey-only operations refuse other clients at compile time. */
  readonly auth: Auth<S>;
  readonly timeout: number;
  readonly totalTimeout: number | false;
  readonly retry: ResolvedRetry;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: FetchLike | undefined;
  readonly hooks: Hooks | undefined;
  readonly maxResponseBytes: number;
  readonly validateResponse: boolean;
}

/** Thrown by `createClient` (and only there) when the configuration cannot work. */
export class TalonConfigError extends Error {
  /** The configuration field at fault, e.g. `baseUrl` or `retry.limit`. */
  readonly field: string;
  constructor(problem: OptionProblem) {
    super(`talon-fetch: invalid client config: ${problem.field} ${problem.message}`);
    this.name = 'TalonConfigError';
    this.field = problem.field;
  }
}

const CLIENT = Symbol.for('talon-fetch.client');

/** @internal True for objects made by `createClient` (in this or another copy of the package). */
export function isClient(value: unknown): value is Client {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CLIENT] === true;
}

/** @internal Marks `client` as made by `createClient` (see {@link isClient}) and freezes it. */
export function sealClient<T extends object>(client: T): Readonly<T> {
  Object.defineProperty(client, CLIENT, { value: true });
  return Object.freeze(client);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function checkBaseUrl(value: unknown): string | OptionProblem {
  const fix = 'must be an absolute URL such as https://acme.europe-west1.talon.one';
  if (typeof value !== 'string' || value.length === 0) return { field: 'baseUrl', message: fix };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { field: 'baseUrl', message: `${fix} (got ${JSON.stringify(value.slice(0, 80))})` };
  }
  if (url.username || url.password)
    return { field: 'baseUrl', message: 'must not carry credentials; pass them with auth: apiKey(...)' };
  if (url.search || url.hash)
    return { field: 'baseUrl', message: 'must not have a query string or fragment' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    return { field: 'baseUrl', message: 'must use https (http is allowed only for localhost and 127.0.0.1)' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { field: 'baseUrl', message: fix };
  return url.href.replace(/\/+$/, '');
}

/** @internal The client a configuration makes (not yet sealed), or what is wrong with it. */
export function checkConfig(config: unknown): Client | OptionProblem {
  if (typeof config !== 'object' || config === null)
    return { field: 'config', message: 'must be an object with at least baseUrl and auth' };
  const c = config as Record<string, unknown>;
  const baseUrl = checkBaseUrl(c.baseUrl);
  if (typeof baseUrl !== 'string') return baseUrl;
  const auth = c.auth as Auth | undefined;
  if (
    typeof auth !== 'object' ||
    auth === null ||
    typeof auth.sign !== 'function' ||
    typeof auth.redact !== 'function'
  )
    return {
      field: 'auth',
      message: 'must be apiKey(key) or contentSignature({ applicationId, applicationKey })',
    };
  if (auth.problem) return { field: 'auth', message: `is unusable: ${auth.problem}` };
  const shared = checkSharedOptions(c, '');
  if (shared) return shared;
  const retry = resolveRetry(c.retry, DEFAULT_RETRY, 'retry');
  if ('field' in retry) return retry;
  if (c.fetch !== undefined && typeof c.fetch !== 'function')
    return { field: 'fetch', message: 'must be a fetch-compatible function' };
  const hooks = c.hooks as Record<string, unknown> | undefined;
  if (hooks !== undefined) {
    if (typeof hooks !== 'object' || hooks === null) return { field: 'hooks', message: 'must be an object' };
    for (const name of ['onRequest', 'onResponse'])
      if (hooks[name] !== undefined && typeof hooks[name] !== 'function')
        return { field: `hooks.${name}`, message: 'must be a function' };
  }
  const max = c.maxResponseBytes;
  if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max > 0))
    return { field: 'maxResponseBytes', message: 'must be a positive whole number of bytes' };
  return {
    baseUrl,
    auth,
    timeout: (c.timeout as number | undefined) ?? 10_000,
    totalTimeout: (c.totalTimeout as number | false | undefined) ?? 30_000,
    retry,
    headers: Object.freeze({ ...(c.headers as Record<string, string> | undefined) }),
    fetch: c.fetch as FetchLike | undefined,
    hooks: hooks ? Object.freeze({ ...(hooks as Hooks) }) : undefined,
    maxResponseBytes: (max as number | undefined) ?? 16 * 1024 * 1024,
    validateResponse: (c.validateResponse as boolean | undefined) ?? true,
  };
}

/**
 * Creates a client: a frozen settings object, with no I/O and no globals.
 *
 * ```ts
 * const talon = createClient({ baseUrl: 'https://acme.europe-west1.talon.one', auth: apiKey(env.TALON_API_KEY) });
 * ```
 *
 * This is the one function of the SDK that throws: an unusable configuration (a relative or
 * plain-http base URL, an empty key, a key with a line break, a non-hex application key, an
 * out-of-range timeout…) throws a {@link TalonConfigError} at once, naming the field and the fix,
 * so it surfaces at start-up rather than on the first request. Endpoint functions never throw.
 *
 * @throws {TalonConfigError} when the configuration cannot work.
 */
export function createClient<S extends AuthScheme>(config: ClientConfig<S>): Client<S> {
  const result = checkConfig(config);
  if ('field' in result) throw new TalonConfigError(result);
  return sealClient(result) as Client<S>;
}
