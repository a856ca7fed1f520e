/**
 * The runtime examples under examples/, run here: each handler module is imported directly and
 * called the way its platform calls it, against the fake Talon.One behind a loopback server.
 * The examples import the BUILT package by its name (`talon-fetch`), so `npm run build` must
 * have run (npm test does it first). The browser example is bundled with rollup's JS API and its
 * bundle inspected; running it in Chromium is the runtime matrix's job (test/runtimes).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type RollupOptions, rollup } from 'rollup';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_COUPON_CODE,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalonServer,
  startFakeTalonServer,
} from '../../src/testing/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CART = [
  { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
];

/** Imports an example module by path (a non-literal import: the examples are plain JS without types). */
async function load<T>(relative: string): Promise<T> {
  const built = join(ROOT, 'dist/index.js');
  if (!existsSync(built))
    throw new Error(
      `dist/ is missing: the examples import the built package; run \`npm run build\` first (${built})`,
    );
  return (await import(pathToFileURL(join(ROOT, relative)).href)) as T;
}

type Worker = { default: { fetch(request: Request, env: Record<string, string>): Promise<Response> } };
type Edge = { config: { runtime: string }; default: (req: Request) => Promise<Response> };
type Lambda = {
  handler: (event: {
    body?: string;
    isBase64Encoded?: boolean;
  }) => Promise<{ statusCode: number; body: string }>;
};

let server: FakeTalonServer;

/** Puts data into the fake the way the API would (straight through its fetch handler). */
async function seed(method: string, path: string, body: unknown): Promise<void> {
  const response = await server.fake.fetch(
    new Request(`${server.url}${path}`, {
      method,
      headers: { authorization: `ApiKey-v1 ${FAKE_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
}
beforeAll(async () => {
  server = await startFakeTalonServer(createFakeTalon(), { port: 0 });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.fake.reset();
});

describe('cloudflare-worker', () => {
  const env = () => ({ TALON_BASE_URL: server.url, TALON_API_KEY: FAKE_API_KEY });
  const post = (body: unknown) =>
    new Request('https://shop.example/cart', { method: 'POST', body: JSON.stringify(body) });

  it('prices a cart with the coupon applied', async () => {
    const worker = (await load<Worker>('examples/cloudflare-worker/worker.mjs')).default;
    const response = await worker.fetch(
      post({ sessionId: 'w1', profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE] }),
      env(),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ subtotal: 138, discount: 13.8, total: 124.2 });
    expect(body.effects.map((e: { type: string }) => e.type)).toEqual(['acceptCoupon', 'setDiscount']);
    expect(server.fake.state.sessions.get('w1')?.profileId).toBe('ada');
  });

  it('maps bad input to 400 and Talon.One errors to 502, and routes only POST /cart', async () => {
    const worker = (await load<Worker>('examples/cloudflare-worker/worker.mjs')).default;
    const invalid = await worker.fetch(post({ sessionId: '', cartItems: [] }), env());
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).kind).toBe('validation');
    const denied = await worker.fetch(post({ sessionId: 's' }), { ...env(), TALON_API_KEY: 'wrong' });
    expect(denied.status).toBe(502);
    expect(JSON.stringify(await denied.json())).not.toContain('wrong');
    expect((await worker.fetch(new Request('https://shop.example/'), env())).status).toBe(404);
  });
});

describe('vercel-edge', () => {
  it('declares the edge runtime and answers the wallet of a customer', async () => {
    process.env.TALON_BASE_URL = server.url;
    process.env.TALON_API_KEY = FAKE_API_KEY;
    const edge = await load<Edge>('examples/vercel-edge/api/wallet.mjs');
    expect(edge.config).toEqual({ runtime: 'edge' });
    await seed('POST', `/v1/coupon_reservations/${FAKE_COUPON_CODE}`, { integrationIDs: ['ada'] });
    await seed('POST', '/v1/referrals', {
      campaignId: FAKE_REFERRAL_CAMPAIGN_ID,
      advocateProfileIntegrationId: 'ada',
    });
    const response = await edge.default(new Request('https://shop.example/api/wallet?profileId=ada'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.coupons).toEqual([{ code: FAKE_COUPON_CODE, state: 'active' }]);
    expect(body.referralCodes).toHaveLength(1);
    expect(body.points).toBe(0);
    expect((await edge.default(new Request('https://shop.example/api/wallet?profileId=nobody'))).status).toBe(
      404,
    );
    expect((await edge.default(new Request('https://shop.example/api/wallet'))).status).toBe(400);
  });
});

describe('lambda', () => {
  it('closes the order session and answers the points awarded', async () => {
    process.env.TALON_BASE_URL = server.url;
    process.env.TALON_API_KEY = FAKE_API_KEY;
    const { handler } = await load<Lambda>('examples/lambda/index.mjs');
    await seed('PUT', '/v2/customer_sessions/order-1', {
      customerSession: { profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE] },
    });
    const body = Buffer.from(JSON.stringify({ orderId: 'order-1', profileId: 'ada' })).toString('base64');
    const paid = await handler({ body, isBase64Encoded: true });
    expect(paid.statusCode).toBe(200);
    expect(JSON.parse(paid.body)).toEqual({ orderId: 'order-1', pointsAwarded: 124 });
    expect(server.fake.state.sessions.get('order-1')?.state).toBe('closed');
    // Closing it again is refused by Talon.One (400): a value, mapped to 400, and logged
    // without the API key.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const again = await handler({ body: JSON.stringify({ orderId: 'order-1', profileId: 'ada' }) });
    const lines = [...logged.mock.calls];
    logged.mockRestore();
    expect(again.statusCode).toBe(400);
    expect(lines).toEqual([[expect.stringMatching(/^closing order order-1 failed: .*HTTP 400/)]]);
    expect(JSON.stringify(lines)).not.toContain(FAKE_API_KEY);
    expect((await handler({ body: 'not json' })).statusCode).toBe(400);
  });
});

describe('browser', () => {
  it('bundles with rollup and node-resolve: no node: imports, no testing code, and it runs', async () => {
    const config = (await load<{ default: RollupOptions }>('examples/browser/rollup.config.mjs')).default;
    const warnings: string[] = [];
    const bundle = await rollup({ ...config, onwarn: (w) => warnings.push(`${w.code}: ${w.message}`) });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    expect(output).toHaveLength(1);
    const chunk = output[0];
    const code = chunk.code;
    expect(warnings).toEqual([]);
    expect(chunk.imports).toEqual([]); // everything bundled: no bare or node: imports left
    expect(chunk.dynamicImports).toEqual([]);
    expect(code).not.toMatch(/from\s*['"]node:|import\(\s*['"]node:|require\(\s*['"]node:/);
    expect(code).not.toMatch(/createFakeTalon|startFakeTalonServer|FAKE_API_KEY|fake Talon/);
    expect(code).toContain('updateCustomerSessionV2');

    // Run the bundle (outside a page) against the fake: the same code a browser would run.
    const dir = mkdtempSync(join(tmpdir(), 'talon-browser-'));
    try {
      const file = join(dir, 'app.mjs');
      writeFileSync(file, code);
      const app = (await import(pathToFileURL(file).href)) as {
        previewCart: (config: unknown, cart: unknown) => Promise<Record<string, unknown>>;
      };
      const preview = await app.previewCart(
        { baseUrl: server.url, apiKey: FAKE_API_KEY },
        { sessionId: 'b1', profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE, 'NOPE'] },
      );
      expect(preview).toEqual({
        subtotal: 138,
        discount: 13.8,
        total: 124.2,
        messages: ['acceptCoupon', 'setDiscount', 'NOPE: CouponNotFound'],
      });
      expect(server.fake.state.sessions.size).toBe(0); // dry run
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
