/**
 * Soak: 10,000 calls of real endpoints at concurrency 100 against a loopback server that runs
 * the fake Talon.One (src/testing) behind node:http, with 5 % of the answers faulted at random
 * (a reset, a 503, an answer slower than the timeout, garbage JSON). Every call must answer
 * with a Result; the outcome counts must add up to 10,000; the heap after a forced GC must not
 * grow by more than HEAP_BOUND between the warmed-up state and the end; no socket or timer may
 * be left behind.
 *
 * Run with `npm run test:soak` (test/soak/vitest.config.ts gives the fork `--expose-gc`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiKey,
  createClient,
  getCustomerInventory,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from '../../src/index.js';
import { createFakeTalon, FAKE_API_KEY, FAKE_COUPON_CODE } from '../../src/testing/index.js';
import { type FaultServer, json, reset, startFaultServer, wait } from '../faults/server.js';
import { ERROR_KINDS, rejectionGuard, trackHandles } from '../faults/support.js';

/** 10,000 (SOAK_CALLS overrides it, for longer runs by hand). */
const CALLS = Number(process.env.SOAK_CALLS ?? 10_000);
const CONCURRENCY = 100;
const FAULT_RATE = 0.05;
/**
 * Per-attempt timeout. Server and client share one thread here, so at concurrency 100 an
 * answer takes ~0.5 s on a 2-core box; 3 s keeps timeouts for the injected slow answers only.
 */
const TIMEOUT = 3000;
/** Sessions and profiles are reused (the fake's state plateaus after the warm-up). */
const IDS = 200;
const WARMUP = 1000;
/**
 * Heap growth allowed after forced GC, from the warmed-up state to the end. Measured: a flat
 * heap of 19-23 MB over 40,000 calls (checkpoints every 3,000 calls within ±1.5 MB of the
 * warm figure; growth after 10,000 calls 0-2.6 MB in six runs). 8 MB is three
 * times that and still catches a leak of 0.9 kB per call (9,000 calls after the warm-up).
 */
const HEAP_BOUND_MB = 8;

/** A small seeded PRNG (mulberry32), so a run can be replayed with SOAK_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const random = prng(seed);
const faults = { reset: 0, unavailable: 0, slow: 0, garbage: 0, none: 0 };
const fake = createFakeTalon();
const guard = rejectionGuard();
let server: FaultServer;

/** Hands the request to the fake Talon.One and writes its answer back. */
async function forward(req: IncomingMessage, res: ServerResponse, body: string, path: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  const answer = await fake.fetch(
    new Request(`http://fake.talon.one${path}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    }),
  );
  const bytes = new Uint8Array(await answer.arrayBuffer());
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    out[name] = value;
  });
  out['content-length'] = String(bytes.byteLength);
  res.writeHead(answer.status, out);
  res.end(bytes);
}

async function soakMode(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { seen: { body: string; path: string } },
) {
  const roll = random();
  if (roll >= FAULT_RATE) {
    faults.none += 1;
    return forward(req, res, ctx.seen.body, ctx.seen.path);
  }
  const which = Math.floor((roll / FAULT_RATE) * 4);
  if (which === 0) {
    faults.reset += 1;
    return reset(req);
  }
  if (which === 1) {
    faults.unavailable += 1;
    return json(res, 503, { message: 'service unavailable', errors: [], StatusCode: 503 });
  }
  if (which === 2) {
    faults.slow += 1;
    if (await wait(res, TIMEOUT + 1000)) return forward(req, res, ctx.seen.body, ctx.seen.path);
    return;
  }
  faults.garbage += 1;
  const garbage = '{"effects": [ {"garb\u0000';
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(garbage)),
  });
  res.end(garbage);
}

beforeAll(async () => {
  guard.install();
  server = await startFaultServer({ soak: (req, res, ctx) => soakMode(req, res, ctx) });
});

afterAll(async () => {
  guard.uninstall();
  await server.close();
});

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The heap after forced GC, less the logs kept on purpose: the fake's event log (one entry per
 * session update) and the fault server's request log are emptied first.
 */
function heapMB(): number {
  fake.state.events.length = 0;
  server.requests.length = 0;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function call(client: ReturnType<typeof createClient<'apiKey'>>, i: number) {
  const id = `soak-${Math.floor(i / 10) % IDS}`;
  const pick = i % 10;
  if (pick < 5)
    return updateCustomerSessionV2(client, {
      customerSessionId: `session-${id}`,
      body: {
        customerSession: {
          profileId: id,
          couponCodes: [FAKE_COUPON_CODE],
          cartItems: [
            { name: 'Espresso', sku: 'esp-1', quantity: 2, price: 3.5 },
            { name: 'Croissant', sku: 'cro-1', quantity: 1, price: 2.2 },
          ],
        },
      },
    });
  if (pick < 8)
    return updateCustomerProfileV2(client, {
      integrationId: id,
      body: { attributes: { Name: `Customer ${id}`, visits: i } },
    });
  return getCustomerInventory(client, { integrationId: id, coupons: true, loyalty: true });
}

/** `kind` plus status or problem: 'ok', 'http 404', 'response not-json', 'timeout'… */
function outcome(result: unknown): string {
  const r = result as { ok?: boolean; error?: { kind?: string; status?: number; problem?: string } };
  if (r?.ok === true) return 'ok';
  if (r?.ok !== false || !r.error || !(ERROR_KINDS as readonly unknown[]).includes(r.error.kind))
    return `NOT A RESULT: ${String(JSON.stringify(result)).slice(0, 100)}`;
  const { kind, status, problem } = r.error;
  return kind === 'http' ? `http ${status}` : kind === 'response' ? `response ${problem}` : String(kind);
}

async function runCalls(from: number, to: number, counts: Map<string, number>) {
  const client = createClient({ baseUrl: server.base('soak'), auth: apiKey(FAKE_API_KEY), timeout: TIMEOUT });
  let next = from;
  const lane = async () => {
    while (next < to) {
      const i = next++;
      let result: unknown;
      try {
        result = await call(client, i);
      } catch (error) {
        result = { thrown: String(error) };
      }
      const key = outcome(result);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

it(`${CALLS} calls at concurrency ${CONCURRENCY} with ${FAULT_RATE * 100} % faults: a Result each, flat heap, nothing left behind`, async () => {
  expect(gc, 'run with --expose-gc (npm run test:soak)').toBeTypeOf('function');
  const handles = trackHandles();
  const started = performance.now();
  const counts = new Map<string, number>();
  const heapStart = heapMB();
  await runCalls(0, WARMUP, counts);
  const heapWarm = heapMB();
  const checkpoints: number[] = [];
  for (let from = WARMUP; from < CALLS; from += 3000) {
    await runCalls(from, Math.min(CALLS, from + 3000), counts);
    checkpoints.push(Number(heapMB().toFixed(1)));
  }
  const heapEnd = heapMB();
  const seconds = (performance.now() - started) / 1000;

  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const report = {
    seed,
    seconds: Number(seconds.toFixed(1)),
    callsPerSecond: Math.round(CALLS / seconds),
    outcomes: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])),
    faultsInjected: faults,
    attemptsServed: server.stats('soak').hits,
    heapMB: {
      start: Number(heapStart.toFixed(1)),
      warm: Number(heapWarm.toFixed(1)),
      end: Number(heapEnd.toFixed(1)),
    },
    heapGrowthMB: Number((heapEnd - heapWarm).toFixed(1)),
    heapCheckpointsMB: checkpoints,
  };
  console.log(`soak: ${JSON.stringify(report)}`);

  guard.check();
  expect([...counts.keys()].filter((k) => k.startsWith('NOT A RESULT'))).toEqual([]);
  expect(total).toBe(CALLS);
  // Faults did happen, and most calls still succeeded (retries absorb resets and 503s).
  expect(faults.reset + faults.unavailable + faults.slow + faults.garbage).toBeGreaterThan(
    CALLS * FAULT_RATE * 0.5,
  );
  expect(counts.get('ok') ?? 0).toBeGreaterThan(CALLS * 0.9);
  expect(heapEnd - heapWarm).toBeLessThan(HEAP_BOUND_MB);
  expect(await server.settle(5000)).toBe(0);
  expect(await handles.leftover(5000)).toEqual([]);
});
