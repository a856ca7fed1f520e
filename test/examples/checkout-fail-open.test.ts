/**
 * examples/checkout-fail-open: the fail-open pricing handler against the fake Talon.One's faults
 * on a loopback server. It must sell at the discounted price when Talon.One answers (even after a
 * 409 of parallel updates), and at full price with one log line (no API key in it) when it fails:
 * 503 until the retries run out, a hang past the budget, a dropped connection, the caller aborting.
 * Imports the built package like the other examples (`npm run build` first; npm test does it).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  FAKE_API_KEY,
  FAKE_COUPON_CODE,
  type FakeTalonServer,
  startFakeTalonServer,
} from '../../src/testing/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Price {
  subtotal: number;
  discount: number;
  total: number;
  discounted: boolean;
  reason?: string;
}
type Module = {
  priceCart(
    order: unknown,
    options: {
      baseUrl: string;
      apiKey: string;
      budgetMs?: number;
      signal?: AbortSignal;
      log?: (line: string) => void;
    },
  ): Promise<Price>;
  handler(request: Request, env: Record<string, string>): Promise<Response>;
};

let server: FakeTalonServer;
let example: Module;
let lines: string[];
const ORDER = {
  sessionId: 'cart-1',
  profileId: 'ada',
  items: [{ sku: 'MUG', quantity: 2, price: 10 }],
  couponCodes: [FAKE_COUPON_CODE],
};
// Generous for a loaded CI machine (two shared cores): only the hang runs into it.
const BUDGET = 2_000;
const price = (extra: { signal?: AbortSignal } = {}) =>
  example.priceCart(ORDER, {
    baseUrl: server.url,
    apiKey: FAKE_API_KEY,
    budgetMs: BUDGET,
    log: (line) => lines.push(line),
    ...extra,
  });

beforeAll(async () => {
  const built = join(ROOT, 'dist/index.js');
  if (!existsSync(built)) throw new Error(`dist/ is missing: run \`npm run build\` first (${built})`);
  example = (await import(
    pathToFileURL(join(ROOT, 'examples/checkout-fail-open/handler.mjs')).href
  )) as Module;
  server = await startFakeTalonServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.fake.reset();
  lines = [];
});

/** Full price, one log line naming the reason, no key in it. */
function expectFullPrice(result: Price, reason: string): void {
  expect(result).toEqual({ subtotal: 20, discount: 0, total: 20, discounted: false, reason });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`Talon.One failed (${reason}), selling at full price`);
  expect(lines[0]).not.toContain(FAKE_API_KEY);
}

it('prices the cart with the discount when Talon.One answers', async () => {
  expect(await price()).toEqual({ subtotal: 20, discount: 2, total: 18, discounted: true });
  expect(lines).toEqual([]);
});

it('a 409 of parallel updates, then success: the opt-in 409 retry gets the discount', async () => {
  server.fake.faults.add({ kind: 'status', status: 409, times: 1 });
  expect(await price()).toMatchObject({ total: 18, discounted: true });
  expect(server.fake.faults.calls.map((c) => c.status)).toEqual([409, 200]);
});

it('503 until the retries are exhausted: full price', async () => {
  server.fake.faults.add({ kind: 'status', status: 503 });
  expectFullPrice(await price(), 'http 503');
  expect(server.fake.faults.calls).toHaveLength(3);
});

it('a hang past the budget: full price once the budget runs out', async () => {
  server.fake.faults.add({ kind: 'hang' });
  expectFullPrice(await price(), 'timeout');
});

it('a dropped connection on every attempt: full price', async () => {
  server.fake.faults.add({ kind: 'drop' });
  expectFullPrice(await price(), 'network');
  expect(server.fake.faults.calls.every((c) => c.outcome === 'dropped')).toBe(true);
});

it('the caller aborting (its request went away): full price', async () => {
  server.fake.faults.add({ kind: 'latency', ms: 5_000 });
  const controller = new AbortController();
  const pending = price({ signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  expectFullPrice(await pending, 'aborted');
});

it('as a Fetch API handler', async () => {
  const response = await example.handler(
    new Request('https://shop.example/price', { method: 'POST', body: JSON.stringify(ORDER) }),
    { TALON_BASE_URL: server.url, TALON_API_KEY: FAKE_API_KEY },
  );
  expect(await response.json()).toMatchObject({ total: 18, discounted: true });
  const bad = await example.handler(
    new Request('https://shop.example/price', { method: 'POST', body: '{' }),
    {},
  );
  expect(bad.status).toBe(400);
});
