/**
 * The fake Talon.One as a whole (src/testing: the handler, auth, the route table, msw and the
 * loopback server): authentication, request checks, the operations it implements against the spec,
 * the three ways to use it, the README example and the package entry. The domains have their own
 * files beside this one (sessions, profiles, coupons-referrals, loyalty, cards, ...).
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  type Client,
  contentSignature,
  createClient,
  createReferral,
  deleteCustomerData,
  getCustomerInventory,
  operationIds,
  updateCustomerProfile,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_COUPON_CODE,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalon,
  fakeTalonHandlers,
  startFakeTalonServer,
} from '../../src/testing/index.js';
import { ROUTES } from '../../src/testing/operations.js';
import { describeWithSpec, operationsOf } from '../support/spec.js';
import { BASE, CART, clientFor, find, httpError, types, value } from './support.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

let fake: FakeTalon;
let talon: Client<'apiKey'>;

beforeEach(() => {
  fake = createFakeTalon({ now: () => new Date('2026-06-01T10:00:00Z') });
  talon = clientFor(fake);
});

function openCart(id: string, profileId: string, extra: Record<string, unknown> = {}, dry?: boolean) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    ...(dry === undefined ? {} : { dry }),
    body: {
      customerSession: { profileId, cartItems: CART, ...extra },
      responseContent: ['customerSession', 'customerProfile', 'coupons', 'triggeredCampaigns', 'loyalty'],
    },
  });
}

function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body }),
    }),
  );
}

function hmacMd5(body: string): string {
  return createHmac('md5', Buffer.from(FAKE_APPLICATION_KEY, 'hex')).update(body).digest('hex');
}

describe('authentication', () => {
  it('answers 401 with the API error body without credentials or with a wrong key', async () => {
    const missing = await raw('DELETE', '/v1/customer_data/ada', undefined, {});
    expect(missing.status).toBe(401);
    const body = await missing.json();
    expect(body).toMatchObject({ StatusCode: 401, errors: [{ title: 'Unauthorized' }] });
    expect(body.message).toMatch(/Missing credentials/);

    const wrong = createClient({
      baseUrl: BASE,
      auth: apiKey('not-the-key'),
      fetch: fake.fetch,
      retry: false,
    });
    const error = httpError(
      await updateCustomerSessionV2(wrong, { customerSessionId: 'c', body: { customerSession: {} } }),
      401,
    );
    expect(error.documented).toBe(true);
    expect(error.body).toMatchObject({ StatusCode: 401, message: expect.stringMatching(/Invalid API key/) });
    expect(JSON.stringify(error.body)).not.toContain('not-the-key');
  });

  it('verifies Content-Signature (HMAC-MD5 of the exact body bytes) on the 2021 operations only', async () => {
    const body = JSON.stringify({ profileId: 'ada', type: 'viewed', attributes: {}, sessionId: 's-1' });
    const good = `signer=${FAKE_APPLICATION_ID}; signature=${hmacMd5(body)}`;
    expect((await raw('POST', '/v1/events', body, { 'content-signature': good })).status).toBe(201);
    const tampered = await raw('POST', '/v1/events', body.replace('ada', 'eve'), {
      'content-signature': good,
    });
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).message).toMatch(/does not match/);
    const wrongSigner = `signer=7; signature=${hmacMd5(body)}`;
    expect((await raw('POST', '/v1/events', body, { 'content-signature': wrongSigner })).status).toBe(401);

    // 26.13 lists only the API key, on V1 paths too: a correct signature is refused there.
    const signedRequests: [string, string, string | undefined][] = [
      ['PUT', '/v2/customer_sessions/x', JSON.stringify({ customerSession: {} })],
      [
        'POST',
        '/v1/referrals',
        JSON.stringify({ campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' }),
      ],
      ['DELETE', '/v1/customer_data/ada', undefined],
      ['GET', '/v1/customer_profiles/ada/inventory', undefined],
    ];
    for (const [method, path, text] of signedRequests) {
      const refused = await raw(method, path, text, {
        'content-signature': `signer=${FAKE_APPLICATION_ID}; signature=${hmacMd5(text ?? '')}`,
      });
      expect(refused.status, `${method} ${path}`).toBe(401);
      expect((await refused.json()).message).toMatch(/accepts only an API key/);
    }
    expect(fake.state.referrals.size).toBe(0);

    const otherKey = createClient({
      baseUrl: BASE,
      auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: 'abcdef' }),
      fetch: fake.fetch,
      retry: false,
    });
    httpError(await updateCustomerProfile(otherKey, { integrationId: 'ada', body: {} }), 401);
  });

  it('accepts the key and application given in the options', async () => {
    const custom = createFakeTalon({ apiKey: 'k-1', applicationId: 5, applicationKey: '00ff' });
    const ok = createClient({ baseUrl: BASE, auth: apiKey('k-1'), fetch: custom.fetch });
    value(await updateCustomerProfileV2(ok, { integrationId: 'a', body: {} }));
    const sig = createClient({
      baseUrl: BASE,
      auth: contentSignature({ applicationId: 5, applicationKey: '00ff' }),
      fetch: custom.fetch,
    });
    value(await updateCustomerProfile(sig, { integrationId: 'a', body: {} }));
    const old = createClient({
      baseUrl: BASE,
      auth: apiKey(FAKE_API_KEY),
      fetch: custom.fetch,
      retry: false,
    });
    httpError(await deleteCustomerData(old, { integrationId: 'a' }), 401);
  });
});

describe('request checks', () => {
  const auth = { authorization: `ApiKey-v1 ${FAKE_API_KEY}` };

  it('checks bodies with the SDK request schemas: 400 with pointers', async () => {
    const bad = JSON.stringify({ customerSession: { cartItems: [{ sku: 'X', quantity: 0 }] } });
    const response = await raw('PUT', '/v2/customer_sessions/s', bad, auth);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.StatusCode).toBe(400);
    expect(body.errors[0].source.pointer).toBe('/customerSession/cartItems/0/quantity');
    // Additional costs are checked by the SDK's request schemas too (a map of { price: number }).
    for (const [costs, pointer] of [
      [
        { customerSession: { additionalCosts: { shipping: { price: 'nine' } } } },
        '/customerSession/additionalCosts/shipping/price',
      ],
      [
        { customerSession: { additionalCosts: { shipping: { price: 9, prize: 1 } } } },
        '/customerSession/additionalCosts/shipping/prize',
      ],
      [
        { customerSession: { cartItems: [{ sku: 'X', quantity: 1, additionalCosts: { wrap: 2 } }] } },
        '/customerSession/cartItems/0/additionalCosts/wrap',
      ],
    ] as const) {
      const refused = await raw('PUT', '/v2/customer_sessions/s', JSON.stringify(costs), auth);
      expect(refused.status).toBe(400);
      expect((await refused.json()).errors[0].source.pointer).toBe(pointer);
    }
    expect((await raw('PUT', '/v2/customer_sessions/s', '{not json', auth)).status).toBe(400);
    expect((await raw('POST', '/v1/referrals', '', auth)).status).toBe(400);
    expect((await raw('POST', '/v1/events', JSON.stringify({ type: 't' }), auth)).status).toBe(400);
    expect((await raw('PUT', '/v2/customer_profiles?silent=maybe', '{}', auth)).status).toBe(400);
    expect((await raw('GET', '/v1/customer_profiles/a/inventory?profile=yes', undefined, auth)).status).toBe(
      400,
    );
    expect(
      (await raw('PUT', '/v2/customer_sessions/s?now=soon', '{"customerSession":{}}', auth)).status,
    ).toBe(400);
    expect(fake.state.sessions.size).toBe(0);
  });

  it('answers 404 for unknown paths and 405 for a wrong method; decodes path parameters', async () => {
    expect((await raw('GET', '/v1/nothing', undefined, auth)).status).toBe(404);
    expect((await raw('GET', '/v1/referrals', undefined, auth)).status).toBe(405);
    value(await openCart('a/b c', 'ada'));
    expect([...fake.state.sessions.keys()]).toEqual(['a/b c']);
    // A path prefix (a proxy) in front of the API is fine.
    const proxied = createClient({ baseUrl: `${BASE}/talon`, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch });
    value(await getCustomerInventory(proxied, { integrationId: 'ada' }));
  });

  it('reset() forgets everything; the seeded generator makes codes repeatable', async () => {
    const make = () =>
      createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      });
    const first = value(await make()).code;
    fake.reset();
    expect(fake.state.profiles.size).toBe(0);
    expect(value(await make()).code).toBe(first);
  });

  it('refuses unusable options', () => {
    expect(() => createFakeTalon({ applicationKey: 'xyz' })).toThrow(/hex/);
    expect(() =>
      createFakeTalon({
        campaigns: [
          { type: 'referral', id: 1, name: 'a' },
          { type: 'referral', id: 1, name: 'b' },
        ],
      }),
    ).toThrow(/two campaigns/);
  });
});

describeWithSpec('the fake and the SDK operations', (specs) => {
  const spec = new Map([...operationsOf(specs.legacy), ...operationsOf(specs.current)]);
  const legacy = new Set(specs.legacyOperations);
  const auth = { authorization: `ApiKey-v1 ${FAKE_API_KEY}` };

  it('implements operations of the SDK, at their method and path, with their auth schemes', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size, 'no operation twice').toBe(ROUTES.length);
    for (const route of ROUTES) {
      expect(Object.keys(operationIds), route.id).toContain(route.id);
      expect(spec.get(route.id), route.id).toMatchObject({ method: route.method, path: route.path });
      // 26.13 lists only the API key; the three 2021 operations take Content-Signature too.
      expect(route.apiKeyOnly ?? false, route.id).toBe(!legacy.has(route.id));
    }
  });

  it('implements every SDK operation; another path answers 404, another method 405, naming what it has', async () => {
    expect(Object.keys(operationIds).filter((id) => !ROUTES.some((r) => r.id === id))).toEqual([]);
    for (const [method, path, status] of [
      ['GET', '/v1/nothing', 404],
      ['DELETE', '/v1/referrals', 405],
    ] as const) {
      const response = await raw(method, path, undefined, auth);
      expect(response.status, `${method} ${path}`).toBe(status);
      const body = await response.json();
      expect(body.StatusCode).toBe(status);
      expect(body.message).toMatch(/fake Talon\.One (implements only|at)|operation of the fake Talon\.One/);
    }
  });
});

describe('three ways to use it', () => {
  it('as msw handlers', async () => {
    const server = setupServer(
      ...fakeTalonHandlers(fake, `${BASE}/`, { http }),
      http.get('https://other.test/', () => HttpResponse.text('x')),
    );
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const client = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), retry: false });
      const state = value(
        await updateCustomerSessionV2(client, {
          customerSessionId: 'msw-cart',
          body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE] } },
        }),
      );
      expect(types(state.effects)).toEqual(['acceptCoupon', 'setDiscount']);
      expect(fake.state.sessions.has('msw-cart')).toBe(true);
      const wrong = createClient({ baseUrl: BASE, auth: apiKey('nope'), retry: false });
      httpError(await deleteCustomerData(wrong, { integrationId: 'ada' }), 401);
    } finally {
      server.close();
    }
  });

  describe('behind a loopback HTTP server', () => {
    let close: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await close?.();
      close = undefined;
    });

    it('serves a given fake (shared state) and closes keep-alive connections promptly', async () => {
      const server = await startFakeTalonServer(fake, { port: 0 });
      close = server.close;
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.fake).toBe(fake);
      const client = createClient({ baseUrl: server.url, auth: apiKey(FAKE_API_KEY), retry: false });
      const sig = createClient({
        baseUrl: server.url,
        auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: FAKE_APPLICATION_KEY }),
        retry: false,
      });
      value(await openCart('x', 'y')); // through fake.fetch directly: the same state
      const state = value(
        await updateCustomerSessionV2(client, {
          customerSessionId: 'http-cart',
          body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: ['SUMMER10'] } },
        }),
      );
      expect(find(state.effects, 'setDiscount')?.props.value).toBe(13.8);
      value(
        await createReferral(client, {
          body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
        }),
      );
      value(
        await updateCustomerProfile(sig, {
          integrationId: 'ada',
          body: { attributes: { via: 'signature' } },
        }),
      );
      expect(fake.state.profiles.get('ada')?.attributes).toEqual({ via: 'signature' });
      value(await deleteCustomerData(client, { integrationId: 'ada' }));
      httpError(await getCustomerInventory(client, { integrationId: 'ada' }), 404);
      expect(fake.state.sessions.has('x')).toBe(true);
      const started = Date.now();
      await server.close();
      await server.close(); // idempotent
      expect(Date.now() - started).toBeLessThan(1000);
      const after = await updateCustomerProfileV2(client, { integrationId: 'z', body: {} });
      expect(after.ok === false && after.error.kind).toBe('network');
    });

    it('makes its own fake from options', async () => {
      const server = await startFakeTalonServer({ apiKey: 'server-key' });
      close = server.close;
      const client = createClient({ baseUrl: server.url, auth: apiKey('server-key') });
      value(await updateCustomerProfileV2(client, { integrationId: 'a', body: {} }));
      expect(server.fake.state.profiles.has('a')).toBe(true);
    });
  });
});

describe('the README example', () => {
  // "Your code": prices a cart through Talon.One and answers the total after discounts.
  async function checkout(client: Client<'apiKey'>, order: { items: typeof CART; coupon: string }) {
    const result = await updateCustomerSessionV2(client, {
      customerSessionId: 'order-1',
      body: { customerSession: { profileId: 'ada', cartItems: order.items, couponCodes: [order.coupon] } },
    });
    if (!result.ok) throw new Error(result.error.message);
    const subtotal = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    const discount = result.value.effects.reduce(
      (s, e) => s + (e.effectType === 'setDiscount' ? e.props.value : 0),
      0,
    );
    return { total: subtotal - discount };
  }

  it('tests code that takes a client in a few lines', async () => {
    const fake = createFakeTalon();
    const talon = createClient({
      baseUrl: 'https://fake.talon.one',
      auth: apiKey(FAKE_API_KEY),
      fetch: fake.fetch,
    });
    const items = [{ name: 'A', sku: 'A', quantity: 2, price: 50 }];
    expect(await checkout(talon, { items, coupon: 'SUMMER10' })).toMatchObject({ total: 90 });
    expect(fake.state.sessions.size).toBe(1);
  });
});

describe('packaging', () => {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

  it('the root entry never imports the testing code', () => {
    const sources = [
      'src/index.ts',
      'src/client.ts',
      ...readdirSync(join(ROOT, 'src/endpoints')).map((f) => `src/endpoints/${f}`),
    ];
    for (const file of sources) expect(read(file), file).not.toMatch(/testing/);
  });

  it('the testing modules import neither msw nor node: built-ins at the top level', () => {
    for (const file of readdirSync(join(ROOT, 'src/testing')).filter((f) => f.endsWith('.ts'))) {
      const text = read(`src/testing/${file}`);
      expect(text, file).not.toMatch(/^import[^;]*from '(msw|node:)/m);
      expect(text, file).not.toMatch(/import\('node:/);
    }
  });
});
