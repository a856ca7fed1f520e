/**
 * Faults on demand: plain-data rules applied IN FRONT of the fake's handlers (never inside them).
 * A rule answers an error status, adds latency, hangs until the caller gives up, drops the
 * connection, or makes overlapping writes to one customer session or profile answer 409 as the API
 * does. Every request is recorded (operation, method, path, status, the fault that decided it), so
 * tests can assert what was injected and what was called. Probabilities and latency ranges draw
 * from a seeded generator: the same seed and the same requests give the same faults.
 */
import { fail, toResponse } from './answers.js';
import type { FakeCall, FakeFault, FakeFaults, FakeStatusFault } from './fault-rules.js';
import { random } from './ids.js';

/** Where a request goes: its operation and raw path parameters, or `undefined`. */
export type RouteOf = (
  method: string,
  pathname: string,
) => { readonly id: string; readonly params: Readonly<Record<string, string>> } | undefined;

/** Writes that take the lock of a customer session (by path) or of profiles (by path or body). */
const SESSION_WRITES = new Set([
  'updateCustomerSessionV2',
  'updateCustomerSession',
  'returnCartItems',
  'reopenCustomerSession',
]);
const PROFILE_PATH_WRITES = new Set(['updateCustomerProfileV2', 'updateCustomerProfile']);
const PROFILE_BODY_WRITES = new Set(['trackEventV2', 'trackEvent']);

const MESSAGES: Readonly<Record<number, string>> = {
  409: 'Too many requests are updating this session at the same time',
  429: 'Too many requests: the rate limit was reached',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

const KINDS = new Set(['status', 'latency', 'hang', 'drop', 'conflict']);
const DROPS = new Set(['request', 'answer', 'headers', 'body']);

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Checks a rule, so a typo fails where it is written rather than as a fault that never fires. */
export function checkFault(rule: FakeFault, operations: readonly string[]): void {
  const bad = (what: string) => {
    throw new TypeError(`fake fault ${JSON.stringify(rule)}: ${what}`);
  };
  if (typeof rule !== 'object' || rule === null || !KINDS.has(rule.kind))
    bad('kind must be status, latency, hang, drop or conflict');
  const ops = rule.operation === undefined ? [] : [rule.operation].flat();
  for (const op of ops) if (!operations.includes(op)) bad(`operation ${op} is not an operation of the fake`);
  if (rule.skip !== undefined && !isCount(rule.skip)) bad('skip must be an integer >= 0');
  if (rule.times !== undefined && !isCount(rule.times)) bad('times must be an integer >= 0');
  const p = rule.probability;
  if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1)) bad('probability must be from 0 to 1');
  if (rule.kind === 'status') {
    if (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)
      bad('status must be a 4xx or 5xx');
    if (rule.retryAfter !== undefined && !isCount(rule.retryAfter)) bad('retryAfter must be whole seconds');
  }
  if (rule.kind === 'latency') {
    const [min, max] = typeof rule.ms === 'number' ? [rule.ms, rule.ms] : rule.ms;
    if (!isCount(min) || !isCount(max) || (max as number) < (min as number))
      bad('ms must be whole milliseconds or [min, max]');
  }
  if (rule.kind === 'drop' && rule.at !== undefined && !DROPS.has(rule.at))
    bad('at must be request, answer, headers or body');
  if (rule.kind === 'conflict' && rule.limit !== undefined && !(isCount(rule.limit) && rule.limit >= 1))
    bad('limit must be an integer >= 1');
}

/** A reproducible generator of numbers in [0, 1): the fake's own (engine.ts), on a seed of its own. */
function generator(seed: number): () => number {
  // `random` reads and advances only `seed`.
  const holder = { seed: seed | 0 } as Parameters<typeof random>[0];
  return () => random(holder);
}

/** A network error as fetch reports it. */
function networkError(what: string): TypeError {
  return new TypeError(`fetch failed (the fake Talon.One dropped the connection ${what})`);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A copy of the answer whose body breaks off after `keep` bytes (its full length is declared). */
async function breakBody(response: Response, half: boolean): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const keep = half ? bytes.subarray(0, Math.floor(bytes.byteLength / 2)) : new Uint8Array(0);
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent && keep.byteLength) {
        sent = true;
        controller.enqueue(keep);
        return;
      }
      controller.error(new TypeError('terminated: the fake Talon.One dropped the connection mid-answer'));
    },
  });
  const headers = new Headers(response.headers);
  headers.set('content-length', String(bytes.byteLength));
  return new Response(body, { status: response.status, headers });
}

interface RuleState {
  readonly rule: FakeFault;
  seen: number;
  fired: number;
}

/** Internal: the fault engine of one fake. */
export interface FaultEngine {
  readonly api: FakeFaults;
  /** Runs a request through the rules, then (unless a rule answered) through `handle`. */
  run(request: Request, handle: (request: Request) => Promise<Response>): Promise<Response>;
  /** Back to the rules of the options, an empty record and the seed; ends every hang. */
  reset(): void;
}

/**
 * Makes the fault engine of a fake.
 *
 * @param initial - The rules of `createFakeTalon({ faults })` (checked here).
 * @param seed - The seed of the generator for probabilities and latency ranges.
 * @param routeOf - The fake's router, to name a request's operation.
 * @param operations - Every operationId the fake implements (rules naming another are refused).
 * @throws {TypeError} for a rule that cannot work.
 */
export function createFaultEngine(
  initial: readonly FakeFault[],
  seed: number,
  routeOf: RouteOf,
  operations: readonly string[],
): FaultEngine {
  for (const rule of initial) checkFault(rule, operations);
  let rules: RuleState[] = [];
  let calls: FakeCall[] = [];
  let random = generator(seed);
  /** Writes in flight per lock key (`session:<id>`, `profile:<id>`). */
  const inFlight = new Map<string, number>();
  /** Hangs and waits in progress: ending them frees whatever waits on them. */
  const waits = new Set<(error: unknown) => void>();
  const load = (list: readonly FakeFault[]) => {
    rules = list.map((rule) => ({ rule, seen: 0, fired: 0 }));
  };
  const endWaits = () => {
    for (const end of [...waits]) end(networkError('(the faults were cleared)'));
  };
  load(initial);

  const fires = (state: RuleState, operationId: string | undefined): boolean => {
    const { rule } = state;
    if (rule.operation !== undefined && !(operationId && [rule.operation].flat().includes(operationId)))
      return false;
    state.seen++;
    if (state.seen <= (rule.skip ?? 0)) return false;
    if (rule.times !== undefined && state.fired >= rule.times) return false;
    if (rule.probability !== undefined && random() >= rule.probability) return false;
    state.fired++;
    return true;
  };

  /** Waits `ms`, or until the signal aborts (rejects with its reason) or the faults are cleared. */
  const wait = (ms: number | undefined, signal: AbortSignal | null) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (error?: unknown) => {
        waits.delete(done);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = () => done(abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      waits.add(done);
      if (ms !== undefined) timer = setTimeout(() => done(), ms);
    });

  /** The lock keys of a write (none for other operations). */
  const lockKeys = async (
    request: Request,
    route: { id: string; params: Readonly<Record<string, string>> },
  ): Promise<string[]> => {
    if (SESSION_WRITES.has(route.id)) return [`session:${route.params.customerSessionId}`];
    if (PROFILE_PATH_WRITES.has(route.id)) return [`profile:${route.params.integrationId}`];
    const byBody = PROFILE_BODY_WRITES.has(route.id) || route.id === 'updateCustomerProfilesV2';
    if (!byBody) return [];
    try {
      const body = JSON.parse(await request.clone().text()) as Record<string, unknown>;
      if (route.id === 'updateCustomerProfilesV2') {
        const profiles = Array.isArray(body.customerProfiles) ? body.customerProfiles : [];
        return profiles.map((p) => `profile:${encodeURIComponent(String(p?.integrationId))}`);
      }
      return typeof body.profileId === 'string' ? [`profile:${encodeURIComponent(body.profileId)}`] : [];
    } catch {
      return []; // the handler answers the bad body
    }
  };

  const statusAnswer = (rule: FakeStatusFault): Response => {
    const response = toResponse(
      fail(rule.status, rule.message ?? MESSAGES[rule.status] ?? `HTTP ${rule.status}`),
    );
    const retryAfter = rule.retryAfter ?? (rule.status === 429 ? 1 : undefined);
    if (retryAfter !== undefined) response.headers.set('retry-after', String(retryAfter));
    return response;
  };

  const api: FakeFaults = {
    add(rule) {
      checkFault(rule, operations);
      rules.push({ rule, seen: 0, fired: 0 });
    },
    clear() {
      rules = [];
      endWaits();
    },
    get rules() {
      return rules.map((r) => r.rule);
    },
    get calls() {
      return calls;
    },
    get injected() {
      return calls.filter((c) => c.fault !== undefined || c.latencyMs > 0);
    },
  };

  async function run(request: Request, handle: (request: Request) => Promise<Response>): Promise<Response> {
    const url = new URL(request.url);
    const route = routeOf(request.method, url.pathname);
    const call = {
      operationId: route?.id,
      method: request.method,
      path: url.pathname,
      status: undefined as number | undefined,
      fault: undefined as FakeFault | undefined,
      latencyMs: 0,
      handled: false,
      outcome: 'pending' as FakeCall['outcome'],
    };
    calls.push(call);
    const decide = (fault: FakeFault) => {
      call.fault = fault;
    };
    let held: string[] = [];
    try {
      // 1. Conflicts, at arrival: a write meets the writes already in flight.
      for (const state of rules) {
        if (state.rule.kind !== 'conflict' || !route) continue;
        const keys = await lockKeys(request, route);
        if (!keys.length) continue;
        const limit = state.rule.limit ?? 1;
        const busy = keys.some((key) => (inFlight.get(key) ?? 0) >= limit);
        if (busy && fires(state, route.id)) {
          decide(state.rule);
          call.status = 409;
          call.outcome = 'answered';
          return statusAnswer({ kind: 'status', status: 409 });
        }
        for (const key of keys) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        held = keys;
        break;
      }
      // 2. The other rules, in order: latency adds up; the first status, hang or drop decides.
      let decisive: FakeFault | undefined;
      for (const state of rules) {
        const { rule } = state;
        if (rule.kind === 'conflict' || !fires(state, route?.id)) continue;
        if (rule.kind === 'latency') {
          const [min, max] = typeof rule.ms === 'number' ? [rule.ms, rule.ms] : rule.ms;
          call.latencyMs += max > min ? min + Math.floor(random() * (max - min + 1)) : min;
          continue;
        }
        decisive = rule;
        break;
      }
      if (call.latencyMs > 0) await wait(call.latencyMs, request.signal);
      if (decisive) decide(decisive);
      if (decisive?.kind === 'hang') {
        await wait(undefined, request.signal);
      }
      if (decisive?.kind === 'status') {
        call.status = decisive.status;
        call.outcome = 'answered';
        return statusAnswer(decisive);
      }
      const at = decisive?.kind === 'drop' ? (decisive.at ?? 'request') : undefined;
      if (at === 'request') throw networkError('before the fake read the request');
      const response = await handle(request);
      call.handled = true;
      if (at === 'answer') throw networkError('after the fake handled the request');
      if (at === 'headers' || at === 'body') {
        call.status = response.status;
        call.outcome = 'dropped';
        return await breakBody(response, at === 'body');
      }
      call.status = response.status;
      call.outcome = 'answered';
      return response;
    } catch (error) {
      call.outcome = error instanceof TypeError ? 'dropped' : 'aborted';
      throw error;
    } finally {
      for (const key of held) {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
      }
    }
  }

  return {
    api,
    run,
    reset() {
      load(initial);
      calls = [];
      random = generator(seed);
      inFlight.clear();
      endWaits();
    },
  };
}
