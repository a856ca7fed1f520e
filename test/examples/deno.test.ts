/**
 * examples/deno under Node: its `deno serve` handler called with a Request, against the fake
 * Talon.One, with a stand-in for `Deno.env`. Deno itself imports the package through
 * `npm:talon-fetch` in the runtime matrix (test/runtimes); here `talon-fetch` resolves to the
 * built package by its name, so `npm run build` must have run (npm test does it first).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_COUPON_CODE,
  type FakeTalonServer,
  startFakeTalonServer,
} from '../../src/testing/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
type Handler = { default: { fetch(request: Request): Promise<Response> } };

let server: FakeTalonServer;
beforeAll(async () => {
  server = await startFakeTalonServer(createFakeTalon(), { port: 0 });
  const env: Record<string, string> = { TALON_BASE_URL: server.url, TALON_API_KEY: FAKE_API_KEY };
  (globalThis as { Deno?: unknown }).Deno = { env: { get: (name: string) => env[name] } };
});
afterAll(async () => {
  delete (globalThis as { Deno?: unknown }).Deno;
  await server?.close();
});

describe('examples/deno', () => {
  it('deno.json maps talon-fetch to npm:talon-fetch', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'examples/deno/deno.json'), 'utf8'));
    expect(config.imports).toEqual({ 'talon-fetch': 'npm:talon-fetch' });
  });

  it("answers a customer's coupons, 404 for an unknown one, 400 without profileId", async () => {
    const handler = ((await import(pathToFileURL(join(ROOT, 'examples/deno/main.js')).href)) as Handler)
      .default;
    // Reserve the coupon for ada, and create her profile.
    const reserve = await server.fake.fetch(
      new Request(`${server.url}/v1/coupon_reservations/${FAKE_COUPON_CODE}`, {
        method: 'POST',
        headers: { authorization: `ApiKey-v1 ${FAKE_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ integrationIDs: ['ada'] }),
      }),
    );
    expect(reserve.status).toBeLessThan(300);
    const profile = await server.fake.fetch(
      new Request(`${server.url}/v2/customer_profiles/ada`, {
        method: 'PUT',
        headers: { authorization: `ApiKey-v1 ${FAKE_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ attributes: {} }),
      }),
    );
    expect(profile.status).toBe(200);
    const ok = await handler.fetch(new Request('http://localhost:8000/?profileId=ada'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ coupons: [FAKE_COUPON_CODE], referrals: [] });
    expect((await handler.fetch(new Request('http://localhost:8000/?profileId=nobody'))).status).toBe(404);
    expect((await handler.fetch(new Request('http://localhost:8000/'))).status).toBe(400);
  });
});
