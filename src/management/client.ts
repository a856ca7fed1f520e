/**
 * The Management API's client: the Integration client's settings, a `managementKey` auth and the
 * opt-in rate limiter. Made by this entry's own `createClient`, which checks what the Integration
 * `createClient` checks (src/client.ts) and then the Management parts.
 */
import { type Client, type ClientConfig, checkConfig, sealClient, TalonConfigError } from '../client.js';
import type { Hooks, HttpMethod, RequestEvent, ResponseEvent } from '../core/options.js';
import type { ManagementAuth } from './managementKey.js';
import type { RateLimiter } from './rateLimit.js';

/** A Management API operation's method: the Integration API's four, and `PATCH` (two SCIM operations). */
export type ManagementHttpMethod = HttpMethod | 'PATCH';

/** What `onRequest` of a Management client receives, once per attempt. */
export interface ManagementRequestEvent extends Omit<RequestEvent, 'method'> {
  readonly method: ManagementHttpMethod;
}

/** What `onResponse` of a Management client receives, once per attempt. */
export interface ManagementResponseEvent extends Omit<ResponseEvent, 'method'> {
  readonly method: ManagementHttpMethod;
}

/**
 * Observers of a Management client's attempts, for logging and tracing: the Integration `Hooks`
 * whose events may name `PATCH`. What they throw is ignored; they never see credentials.
 */
export interface ManagementHooks extends Omit<Hooks, 'onRequest' | 'onResponse'> {
  readonly onRequest?: ((event: ManagementRequestEvent) => void) | undefined;
  readonly onResponse?: ((event: ManagementResponseEvent) => void) | undefined;
}

/** The configuration the Management `createClient` takes. Only `baseUrl` and `auth` are required. */
export interface ManagementClientConfig extends Omit<ClientConfig, 'auth' | 'hooks'> {
  /** `managementKey(key)`, with a Management API key. */
  readonly auth: ManagementAuth;
  /** Observers of every attempt, for logging and tracing. */
  readonly hooks?: ManagementHooks | undefined;
  /**
   * Spaces calls to stay under a rate, e.g. `perEndpoint({ perSecond: 3 })` (each operation at
   * most 3 starts per second, first come first served). Default: none, calls start at once.
   */
  readonly rateLimit?: RateLimiter | undefined;
}

/**
 * A configured Management API client: a plain, frozen object that holds settings only. Pass it
 * as the first argument of every Management operation; an Integration operation does not take it.
 */
export interface ManagementClient extends Omit<Client, 'auth' | 'hooks'> {
  readonly auth: ManagementAuth;
  readonly hooks: ManagementHooks | undefined;
  /** The `rateLimit` option: each call waits for its slot before its first attempt. */
  readonly rateLimit: RateLimiter | undefined;
}

/** Whether `auth` is what `managementKey()` makes (the scheme and the functions the transport calls). */
function isManagementAuth(auth: unknown): boolean {
  const a = auth as Partial<ManagementAuth> | null | undefined;
  return (
    typeof a === 'object' &&
    a !== null &&
    a.scheme === 'managementKey' &&
    typeof a.sign === 'function' &&
    typeof a.redact === 'function'
  );
}

/**
 * Creates a Management API client: a frozen settings object, with no I/O and no globals.
 *
 * ```ts
 * const admin = createClient({ baseUrl: 'https://acme.europe-west1.talon.one', auth: managementKey(env.TALON_MANAGEMENT_KEY) });
 * ```
 *
 * Like the Integration `createClient`, the one function of this entry that throws: an unusable
 * configuration (a relative or plain-http base URL, an auth other than `managementKey(key)`, an
 * empty key, an unusable `rateLimit`…) throws a {@link TalonConfigError} at once, naming the
 * field and the fix. Operations never throw.
 *
 * @throws {TalonConfigError} when the configuration cannot work.
 */
export function createClient(config: ManagementClientConfig): ManagementClient {
  const c = (typeof config === 'object' && config !== null ? config : undefined) as
    | Record<string, unknown>
    | undefined;
  // A non-object config is checkConfig's to refuse; an auth of the other API is this entry's.
  if (c && !isManagementAuth(c.auth))
    throw new TalonConfigError({
      field: 'auth',
      message: 'must be managementKey(key), with a Management API key (apiKey is for the Integration API)',
    });
  const base = checkConfig(config);
  if ('field' in base) throw new TalonConfigError(base);
  const rateLimit = c?.rateLimit as RateLimiter | undefined;
  if (rateLimit !== undefined) {
    if (typeof rateLimit !== 'object' || rateLimit === null || typeof rateLimit.wait !== 'function')
      throw new TalonConfigError({
        field: 'rateLimit',
        message: 'must be a rate limiter such as perEndpoint({ perSecond: 3 })',
      });
    if (rateLimit.problem)
      throw new TalonConfigError({ field: 'rateLimit', message: `is unusable: ${rateLimit.problem}` });
  }
  return sealClient({ ...base, rateLimit }) as unknown as ManagementClient;
}
