/**
 * `createFakeTalon`: the fake Talon.One as one fetch handler with state. It authenticates,
 * routes, checks the query and the body with the SDK's request schemas, runs the operation (on a
 * copy of the state when `dry=true`) and answers like the API, errors included. Fault rules
 * (faults.ts) run in front of it, hostile input is refused at the door (door.ts). It rejects only
 * where a real fetch would: a `drop` fault (TypeError) or the caller's signal.
 */
import { safeParse } from 'valibot';
import { fromHex } from '../auth/hex.js';
import { type Answer, fail, invalidBody, toResponse } from './answers.js';
import { authenticate, authenticateManagement } from './auth.js';
import { checkAchievements } from './campaigns/achievements.js';
import { checkSchedules } from './campaigns/listing.js';
import { checkCatalogs, seedCatalogs } from './catalogs/catalogs.js';
import {
  FAKE_ACHIEVEMENTS,
  FAKE_API_KEY,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_AUDIENCES,
  FAKE_CAMPAIGNS,
  FAKE_CATALOGS,
  FAKE_MANAGEMENT_KEY,
} from './constants.js';
import { seedCoupons } from './coupons/coupons.js';
import { inspect, refuseMethod } from './door.js';
import { createFaultEngine, type RouteOf } from './faults.js';
import { createIdempotencyStore } from './idempotency.js';
import { EVERY_ROUTE as ROUTES } from './operations.js';
import type { Route } from './route.js';
import type { FakeTalon, FakeTalonOptions, FakeTalonState, ResolvedFakeTalonOptions } from './types.js';

function resolve(options: FakeTalonOptions | undefined): ResolvedFakeTalonOptions {
  const config: ResolvedFakeTalonOptions = {
    apiKey: options?.apiKey ?? FAKE_API_KEY,
    managementKey: options?.managementKey ?? FAKE_MANAGEMENT_KEY,
    applicationId: options?.applicationId ?? FAKE_APPLICATION_ID,
    applicationKey: options?.applicationKey ?? FAKE_APPLICATION_KEY,
    campaigns: options?.campaigns ?? FAKE_CAMPAIGNS,
    audiences: options?.audiences ?? FAKE_AUDIENCES,
    // The default achievement only where its campaign runs (other campaigns: none).
    achievements:
      options?.achievements ??
      FAKE_ACHIEVEMENTS.filter((a) =>
        (options?.campaigns ?? FAKE_CAMPAIGNS).some((c) => c.id === a.campaignId),
      ),
    catalogs: options?.catalogs ?? FAKE_CATALOGS,
    now: options?.now ?? (() => new Date()),
    faults: options?.faults ?? [],
    faultSeed: options?.faultSeed ?? 1,
  };
  if (!fromHex(config.applicationKey))
    throw new TypeError('createFakeTalon: applicationKey must be a hex string');
  const ids = new Set<number>();
  for (const campaign of config.campaigns) {
    if (ids.has(campaign.id))
      throw new TypeError(`createFakeTalon: two campaigns have the ID ${campaign.id}`);
    ids.add(campaign.id);
  }
  checkSchedules(config);
  checkAchievements(config);
  checkCatalogs(config);
  return config;
}

function initialState(config: ResolvedFakeTalonOptions): FakeTalonState {
  const state: FakeTalonState = {
    profiles: new Map(),
    sessions: new Map(),
    coupons: new Map(),
    referrals: new Map(),
    events: [],
    audiences: new Map(config.audiences.map((a) => [a.id, { ...a }])),
    catalogs: new Map(),
    priceHistory: [],
    loyaltyCards: new Map(),
    nextId: 1000,
    seed: 20_240_601,
  };
  seedCoupons(state, config);
  seedCatalogs(state, config);
  return state;
}

/** Matches a path template against the end of a pathname (a proxy prefix before it is allowed). */
function match(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split('/').slice(1);
  if (segments.length < parts.length) return undefined;
  const tail = segments.slice(segments.length - parts.length);
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const given = tail[i]!;
    if (part.startsWith('{')) {
      if (given === '') return undefined;
      params[part.slice(1, -1)] = given;
    } else if (part !== given) return undefined;
  }
  return params;
}

/** The operation a request goes to, with its raw path parameters (the fault rules' router). */
const routeOf: RouteOf = (method, pathname) => {
  const segments = pathname.split('/').slice(1);
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = match(route.path, segments);
    if (params) return { id: route.id, params };
  }
  return undefined;
};

function checkQuery(route: Route, query: URLSearchParams): Answer | undefined {
  for (const flag of route.flags ?? []) {
    const value = query.get(flag);
    if (value !== null && value !== 'true' && value !== 'false')
      return fail(400, `Query parameter ${flag} must be true or false`, [
        { title: 'Invalid query parameter', parameter: flag },
      ]);
  }
  if (route.silent) {
    const value = query.get('silent');
    if (value !== null && value !== 'yes' && value !== 'no')
      return fail(400, 'Query parameter silent must be yes or no', [
        { title: 'Invalid query parameter', parameter: 'silent' },
      ]);
  }
  return undefined;
}

async function answer(
  request: Request,
  config: ResolvedFakeTalonOptions,
  live: () => FakeTalonState,
): Promise<Answer> {
  const url = new URL(request.url);
  const segments = url.pathname.split('/').slice(1);
  const bytes = new Uint8Array(await request.arrayBuffer());
  let found: { route: Route; params: Record<string, string> } | undefined;
  const atPath: Route[] = [];
  for (const route of ROUTES) {
    const params = match(route.path, segments);
    if (!params) continue;
    atPath.push(route);
    if (route.method === request.method) {
      found = { route, params };
      break;
    }
  }
  // Credentials first, as the API does: a wrong key gets a 401 wherever it goes.
  const denied =
    found?.route.auth === 'managementKey'
      ? authenticateManagement(request.headers, config)
      : authenticate(request.headers, bytes, found?.route.apiKeyOnly ?? false, config);
  if (denied) return denied;
  // The SDK has more operations than the fake implements: say so rather than pretend the API
  // has no such path.
  if (!found)
    return atPath.length
      ? fail(
          405,
          `Method ${request.method} is not allowed on ${url.pathname}: the fake Talon.One implements only ${atPath
            .map((r) => `${r.method} (${r.id})`)
            .join(', ')} there`,
        )
      : fail(
          404,
          `No operation of the fake Talon.One at ${request.method} ${url.pathname}: it implements the ${ROUTES.filter((r) => !r.auth).length} operations of the Integration API (${ROUTES.filter(
            (r) => !r.auth,
          )
            .map((r) => r.id)
            .join(', ')}) and answers every Management API operation`,
        );
  const { route } = found;
  const path: Record<string, string> = {};
  for (const [name, raw] of Object.entries(found.params)) {
    try {
      path[name] = decodeURIComponent(raw);
    } catch {
      return fail(400, `Path parameter ${name} is not valid percent-encoding`, [
        { title: 'Invalid path parameter', parameter: name },
      ]);
    }
  }
  const badQuery = checkQuery(route, url.searchParams);
  if (badQuery) return badQuery;
  const clock = config.now();
  let when = clock;
  const at = url.searchParams.get('now');
  if (route.id === 'updateCustomerSessionV2' && at !== null) {
    const parsed = Date.parse(at);
    if (Number.isNaN(parsed))
      return fail(400, 'Query parameter now must be an RFC 3339 date-time', [
        { title: 'Invalid query parameter', parameter: 'now' },
      ]);
    when = new Date(parsed);
  }
  let body: unknown;
  if (route.body) {
    const text = new TextDecoder().decode(bytes);
    if (text.trim() === '') return fail(400, 'Request body is missing: this operation takes a JSON body');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(400, 'Request body is not valid JSON');
    }
    const checked = safeParse(route.body, json);
    if (!checked.success) return invalidBody(checked.issues);
    body = checked.output;
  }
  // dry=true: run on a copy and throw it away, so nothing persists.
  const state = route.dry?.(url.searchParams) ? structuredClone(live()) : live();
  return route.handle({
    state,
    config,
    now: clock.toISOString(),
    path,
    query: url.searchParams,
    body,
    when,
  });
}

/**
 * Creates a fake Talon.One Integration API: a `fetch` handler that implements every operation of
 * the SDK (the 39 of Integration API 26.13 and the three 2021 ones; any other request answers 404,
 * or 405 for another method of a known path) with state: profiles, sessions and their returns,
 * events, audiences, coupons and reservations, referrals, loyalty ledgers per profile and program,
 * loyalty cards, achievements, catalogs and their price history.
 *
 * Its campaigns have real effects: a coupon for a percentage off (`SUMMER10`: 10 %), a referral
 * campaign, loyalty points on closing a session (pending, awaiting activation or expiring where a
 * campaign says so; on the session's loyalty card for a card-based program) and for tracked
 * events. Returns and reopening take back what closing did. Not simulated: spending points,
 * giveaways, coupon and referral campaigns on events, budgets (see the package's `testing` README).
 *
 * Faults on demand (`options.faults`, `fake.faults.add(rule)`): error statuses, latency, hangs,
 * dropped connections and 409s for overlapping writes, each recorded in `fake.faults.calls`.
 *
 * `Idempotency-Key` is honoured where Talon.One documents it (returnCartItems,
 * reopenCustomerSession, trackEventV2, updateCustomerProfileV2, updateCustomerProfilesV2,
 * updateCustomerSessionV2): the same key and the same request within 24 hours of the fake's clock
 * get the first answer back and nothing is applied again; the same key with a different request
 * answers 422. `reset()` forgets the keys.
 *
 * ```ts
 * const fake = createFakeTalon();
 * const talon = createClient({ baseUrl: 'https://fake.talon.one', auth: apiKey(FAKE_API_KEY), fetch: fake.fetch });
 * ```
 *
 * Requests are checked like the API checks them: credentials (401), the query and the body
 * against the SDK's own request schemas (400 with JSON pointers), unknown profiles, sessions,
 * coupons, programs, cards, events, audiences and catalogs (404), a taken `integrationId` (409);
 * hostile input (TRACE, URLs, bodies or JSON nesting over `FAKE_LIMITS`, numbers out of a
 * double's range) gets a 4xx at the door. The returned `fetch` rejects only for a `drop` fault
 * (a `TypeError`, like fetch) or when the caller's signal aborts a latency or hang fault.
 *
 * @throws {TypeError} when the options cannot work: a non-hex application key; two campaigns,
 * achievements or catalogs with one ID; a campaign date that is not a date; an achievement with a
 * bad name or target or of an unknown campaign; a catalog item with a duplicate SKU or a bad price;
 * a fault rule that cannot work (unknown kind or operation, bad numbers).
 */
export function createFakeTalon(options?: FakeTalonOptions): FakeTalon {
  const config = resolve(options);
  let state = initialState(config);
  const faults = createFaultEngine(
    config.faults,
    config.faultSeed,
    routeOf,
    ROUTES.map((r) => r.id),
  );
  const keys = createIdempotencyStore(config.now);
  const answerOf = async (request: Request): Promise<Response> => {
    try {
      return toResponse((await inspect(request)) ?? (await answer(request, config, () => state)));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return toResponse(fail(500, `The fake Talon.One failed: ${detail}`));
    }
  };
  // Behind the fault rules: an Idempotency-Key repeat is answered from the store (./idempotency.ts).
  const handle = (request: Request) =>
    keys.run(request, routeOf(request.method, new URL(request.url).pathname)?.id, answerOf);
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    let request: Request;
    try {
      request =
        input instanceof Request && !(init && ('method' in init || 'headers' in init || 'body' in init))
          ? input
          : new Request(input, init);
    } catch (error) {
      // A method a Request cannot carry (TRACE…) or a URL it cannot parse: a 4xx at the door.
      const refused = refuseMethod(init?.method ?? (input instanceof Request ? input.method : 'GET'));
      const detail = error instanceof Error ? error.message : String(error);
      return toResponse(refused ?? fail(400, `The request cannot be read: ${detail}`));
    }
    return faults.run(request, handle);
  };
  return {
    fetch,
    get state() {
      return state;
    },
    faults: faults.api,
    reset() {
      state = initialState(config);
      faults.reset();
      keys.clear();
    },
    config,
  };
}
