/**
 * Opt-in client-side rate limiting. A limiter is a plain object the user makes and puts in the
 * client config (`rateLimit: perEndpoint({ perSecond: 3 })`); the client only holds it, so an app
 * that never calls {@link perEndpoint} bundles none of this file. The transport asks the limiter
 * for a slot once per call, before the first attempt.
 */

/**
 * What the `rateLimit` client option takes: anything with a `wait` that resolves when a call to
 * `operation` may start. `perEndpoint` (from `talon-fetch/management`) makes one; a custom one
 * (for example shared between processes) works too, as long as it never rejects.
 */
export interface RateLimiter {
  /**
   * Resolves to `true` when a call to `operation` (its operationId) may start now, or to `false`
   * as soon as `signal` aborts while the call waits (the call then ends `aborted`, nothing sent).
   * Never rejects.
   */
  readonly wait: (operation: string, signal?: AbortSignal) => Promise<boolean>;
  /** Why the limiter cannot be used (`createClient` refuses it then), or `undefined`. */
  readonly problem?: string | undefined;
}

/** Options of {@link perEndpoint}. */
export interface PerEndpointOptions {
  /**
   * Calls that may start per second for each operation: a positive number, fractions allowed
   * (`0.5` is one call every two seconds). Talon.One documents a few per second per Management
   * endpoint.
   */
  readonly perSecond: number;
}

interface Waiter {
  readonly grant: (granted: boolean) => void;
}

interface Lane {
  /** When the current run of evenly spaced slots began. */
  origin: number;
  /** How many slots of that run have been handed out. */
  used: number;
  readonly queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A limiter that spaces the calls of each operation (by operationId) evenly at `perSecond`,
 * first come first served: the k-th call of a busy operation starts `round(k × 1000 / perSecond)`
 * ms after the first, so no window of one second holds more than `perSecond` starts. Operations
 * do not wait for each other. A call waiting for its slot honours its `AbortSignal`: it leaves the
 * queue at once and ends `aborted`, and the calls behind it move up. Retries of a call are not
 * given new slots (they are already spaced by backoff and `Retry-After`).
 *
 * Create one limiter per rate budget and share it between clients that share a key.
 *
 * ```ts
 * const talon = createClient({ baseUrl, auth: managementKey(key), rateLimit: perEndpoint({ perSecond: 3 }) });
 * ```
 *
 * @returns A {@link RateLimiter} for the `rateLimit` client option. It never throws: an unusable
 * `perSecond` (not a positive finite number) gives a limiter that `createClient` refuses with a
 * {@link TalonConfigError} naming `rateLimit`.
 */
export function perEndpoint(options: PerEndpointOptions): RateLimiter {
  const perSecond = (options as PerEndpointOptions | undefined)?.perSecond;
  if (typeof perSecond !== 'number' || !(perSecond > 0) || !Number.isFinite(perSecond))
    return Object.freeze({
      problem: 'perEndpoint({ perSecond }) needs a positive number of calls per second',
      wait: () => Promise.resolve(true),
    });
  const interval = 1000 / perSecond;
  const lanes = new Map<string, Lane>();

  /** The time the next slot of `lane` opens. */
  const nextSlot = (lane: Lane) => lane.origin + Math.round(lane.used * interval);

  /** Takes the next slot at `now` (a lane that sat idle past its next slot starts a new run). */
  const take = (lane: Lane, now: number) => {
    if (now > nextSlot(lane)) {
      lane.origin = now;
      lane.used = 0;
    }
    lane.used += 1;
  };

  const drain = (lane: Lane) => {
    lane.timer = undefined;
    const now = Date.now();
    if (lane.queue.length > 0 && now >= nextSlot(lane)) {
      take(lane, now);
      lane.queue.shift()?.grant(true);
    }
    if (lane.queue.length > 0) lane.timer = setTimeout(drain, Math.max(0, nextSlot(lane) - now), lane);
  };

  return Object.freeze({
    wait(operation: string, signal?: AbortSignal): Promise<boolean> {
      if (signal?.aborted) return Promise.resolve(false);
      let lane = lanes.get(operation);
      if (!lane) {
        lane = { origin: 0, used: 0, queue: [], timer: undefined };
        lanes.set(operation, lane);
      }
      const now = Date.now();
      if (lane.queue.length === 0 && now >= nextSlot(lane)) {
        take(lane, now);
        return Promise.resolve(true);
      }
      const current = lane;
      return new Promise<boolean>((resolve) => {
        const onAbort = () => {
          const at = current.queue.indexOf(waiter);
          if (at >= 0) current.queue.splice(at, 1);
          if (current.queue.length === 0 && current.timer !== undefined) {
            clearTimeout(current.timer);
            current.timer = undefined;
          }
          resolve(false);
        };
        const waiter: Waiter = {
          grant(granted) {
            signal?.removeEventListener('abort', onAbort);
            resolve(granted);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        current.queue.push(waiter);
        current.timer ??= setTimeout(drain, Math.max(0, nextSlot(current) - now), current);
      });
    },
  });
}
