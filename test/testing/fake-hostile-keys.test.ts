/**
 * Keys the caller chooses are data, never property names of the fake's objects: profile IDs,
 * session IDs, coupon codes, subledger IDs, card identifiers, event IDs and types, SKUs and
 * catalog attribute names such as `constructor`, `__proto__`, `toString` or `hasOwnProperty` are
 * kept in Maps (or written as own properties of answers), so they neither read a prototype's
 * member nor replace an answer's prototype. Requests go straight at the fake and answers are read
 * as raw JSON, so that nothing in between can drop or repair a key.
 */
import { describe, expect, it } from 'vitest';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_CAMPAIGNS,
  FAKE_CATALOG_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  type FakeCampaign,
  type FakeTalon,
} from '../../src/testing/index.js';

const BASE = 'https://fake.talon.one';
const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const PROGRAM = 77;

/** The default campaigns, a coupon whose code is `key`, and a loyalty program that books into subledger `key`. */
function campaigns(key: string): FakeCampaign[] {
  return [
    ...FAKE_CAMPAIGNS,
    { type: 'coupon', id: 50, name: 'Hostile coupon', percentOff: 20, coupons: [key] },
    {
      type: 'loyalty',
      id: 51,
      name: 'Subledger points',
      programId: PROGRAM,
      programName: 'Subledger program',
      pointsPerUnit: 1,
      subledgerId: key,
      eventPoints: { [key]: 5 },
    },
  ];
}

interface Raw {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: raw JSON, read field by field below.
  readonly body: any;
}

async function send(fake: FakeTalon, method: string, path: string, body?: unknown): Promise<Raw> {
  const response = await fake.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { authorization: `ApiKey-v1 ${FAKE_API_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const own = (object: object, key: string) => Object.hasOwn(object, key);

describe.each(KEYS)('the key %j', (key) => {
  const id = encodeURIComponent(key);

  it('as a profile ID and a session ID: created, read back, redemptions counted, deleted', async () => {
    const fake = createFakeTalon({ campaigns: campaigns(key) });
    const close = await send(fake, 'PUT', `/v2/customer_sessions/${id}`, {
      customerSession: {
        profileId: key,
        cartItems: [{ sku: 'A', quantity: 1, price: 100 }],
        couponCodes: ['SUMMER10'],
        state: 'closed',
      },
      responseContent: ['customerSession', 'customerProfile', 'coupons'],
    });
    expect(close.status).toBe(200);
    expect(close.body.customerSession).toMatchObject({ integrationId: key, profileId: key, state: 'closed' });
    expect(close.body.customerProfile).toMatchObject({
      integrationId: key,
      closedSessions: 1,
      totalSales: 90,
    });
    expect(close.body.coupons).toEqual([
      expect.objectContaining({ value: 'SUMMER10', profileRedemptionCount: 1 }),
    ]);
    expect(fake.state.sessions.get(key)?.state).toBe('closed');
    expect(fake.state.profiles.get(key)?.integrationId).toBe(key);

    const session = await send(fake, 'GET', `/v2/customer_sessions/${id}`);
    expect(session.body.customerSession.integrationId).toBe(key);
    const profile = await send(fake, 'PUT', `/v2/customer_profiles/${id}`, {
      attributes: {},
      responseContent: ['customerProfile'],
    });
    expect(profile.body.customerProfile).toMatchObject({ integrationId: key, closedSessions: 1 });
    const inventory = await send(fake, 'GET', `/v1/customer_profiles/${id}/inventory?profile=true`);
    expect(inventory.body.profile.integrationId).toBe(key);

    // Cancelling takes the redemption back: the count is a number all along.
    const cancel = await send(fake, 'PUT', `/v2/customer_sessions/${id}`, {
      customerSession: { state: 'cancelled' },
      responseContent: ['coupons'],
    });
    expect(cancel.status).toBe(200);
    expect(fake.state.coupons.get('SUMMER10')?.usageCounter).toBe(0);
    expect((await send(fake, 'DELETE', `/v1/customer_data/${id}`)).status).toBe(204);
    expect(fake.state.profiles.has(key)).toBe(false);
    expect((await send(fake, 'GET', `/v1/customer_profiles/${id}/inventory`)).status).toBe(404);
  });

  it('as a coupon code: reserved, listed, redeemed and counted per profile', async () => {
    const fake = createFakeTalon({ campaigns: campaigns(key) });
    const reserved = await send(fake, 'POST', `/v1/coupon_reservations/${id}`, { integrationIDs: ['ada'] });
    expect(reserved.status).toBe(201);
    expect(reserved.body.value).toBe(key);
    const customers = await send(fake, 'GET', `/v1/coupon_reservations/customerprofiles/${id}`);
    expect(customers.body.data.map((p: { integrationId: string }) => p.integrationId)).toEqual(['ada']);
    const closed = await send(fake, 'PUT', '/v2/customer_sessions/s1', {
      customerSession: {
        profileId: 'ada',
        cartItems: [{ sku: 'A', quantity: 1, price: 100 }],
        couponCodes: [key],
        state: 'closed',
      },
      responseContent: ['coupons'],
    });
    expect(closed.body.effects.map((e: { effectType: string }) => e.effectType)).toContain('acceptCoupon');
    expect(closed.body.coupons).toEqual([expect.objectContaining({ value: key, profileRedemptionCount: 1 })]);
    expect(
      (await send(fake, 'DELETE', `/v1/coupon_reservations/${id}`, { integrationIDs: ['ada'] })).status,
    ).toBe(204);
  });

  it('as a subledger ID: points booked there, balances answer it as an own key', async () => {
    const fake = createFakeTalon({ campaigns: campaigns(key) });
    await send(fake, 'PUT', '/v2/customer_sessions/s1', {
      customerSession: {
        profileId: 'ada',
        cartItems: [{ sku: 'A', quantity: 2, price: 10 }],
        state: 'closed',
      },
    });
    for (const query of ['', `?subledgerId=${id}`]) {
      const balances = await send(
        fake,
        'GET',
        `/v1/loyalty_programs/${PROGRAM}/profile/ada/balances${query}`,
      );
      expect(balances.status, query).toBe(200);
      expect(own(balances.body.subledgerBalances, key), query).toBe(true);
      expect(balances.body.subledgerBalances[key].activePoints, query).toBe(20);
    }
    const transactions = await send(
      fake,
      'GET',
      `/v1/loyalty_programs/${PROGRAM}/profile/ada/transactions?subledgerId=${id}`,
    );
    expect(transactions.body.data).toEqual([expect.objectContaining({ subledgerId: key, amount: 20 })]);
    const inventory = await send(fake, 'GET', '/v1/customer_profiles/ada/inventory?loyalty=true');
    const subLedgers = inventory.body.loyalty.programs[String(PROGRAM)].subLedgers;
    expect(own(subLedgers, key)).toBe(true);
    expect(subLedgers[key].currentBalance).toBe(20);
    // An event type that is a key of a plain object: the campaign's own eventPoints only.
    const event = await send(fake, 'POST', '/v2/events?silent=no', {
      profileId: 'ada',
      type: key,
      attributes: {},
    });
    expect(event.status).toBe(200);
    expect(event.body.effects.map((e: { props: { value: number } }) => e.props.value)).toEqual([5]);
    const other = await send(fake, 'POST', '/v2/events?silent=no', {
      profileId: 'ada',
      type: key === 'toString' ? 'valueOf' : 'toString',
      attributes: {},
    });
    expect(other.body.effects).toEqual([]);
  });

  it('as a card identifier and a linked profile: the card answers with its balances', async () => {
    const fake = createFakeTalon({ campaigns: campaigns(key) });
    const cards = `/v1/loyalty_programs/${FAKE_LOYALTY_CARD_PROGRAM_ID}/cards`;
    const card = await send(fake, 'POST', cards, { cardIdentifier: key, customerProfileIds: [key] });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ identifier: key, profiles: [{ integrationId: key }] });
    await send(fake, 'PUT', '/v2/customer_sessions/s1', {
      customerSession: {
        profileId: key,
        cartItems: [{ sku: 'A', quantity: 3, price: 10 }],
        loyaltyCards: [key],
        state: 'closed',
      },
    });
    const balances = await send(fake, 'GET', `${cards}/${id}/balances?subledgerId=${id}`);
    expect(balances.status).toBe(200);
    expect(own(balances.body.subledgerBalances, key)).toBe(true);
    const main = await send(fake, 'GET', `${cards}/${id}/balances`);
    expect(main.body.balance.activePoints).toBe(30);
    const unlinked = await send(
      fake,
      'POST',
      `/v2/loyalty_programs/${FAKE_LOYALTY_CARD_PROGRAM_ID}/cards/${id}/unlink_profile`,
      {
        integrationId: key,
      },
    );
    expect(unlinked.body.profiles).toEqual([]);
  });

  it('as an advanced event ID, an audience integration ID, a SKU and a catalog attribute', async () => {
    const fake = createFakeTalon({ campaigns: campaigns(key) });
    const tracked = await send(fake, 'POST', '/v3/events?silent=no', {
      profileId: 'ada',
      type: 'visit',
      integrationId: key,
      attributes: {},
      responseContent: ['advancedEvent'],
    });
    expect(tracked.body.advancedEvent.integrationId).toBe(key);
    expect((await send(fake, 'GET', `/v3/events/${id}`)).body.integrationId).toBe(key);
    expect(
      (await send(fake, 'POST', '/v3/events', { profileId: 'ada', type: 'visit', integrationId: key }))
        .status,
    ).toBe(409);

    const audience = { name: 'Hostile', integration: 'mparticle', integrationId: key };
    expect((await send(fake, 'POST', '/v2/audiences', audience)).status).toBe(201);
    expect((await send(fake, 'POST', '/v2/audiences', audience)).status).toBe(409);

    const sync = (actions: unknown[]) =>
      send(fake, 'PUT', `/v1/catalogs/${FAKE_CATALOG_ID}/sync`, { actions });
    expect(
      (await sync([{ type: 'ADD', payload: { sku: key, price: 5, attributes: { color: 'red' } } }])).status,
    ).toBe(200);
    expect(
      (await sync([{ type: 'ADD', payload: { sku: 'plain', price: 7, attributes: { color: 'red' } } }]))
        .status,
    ).toBe(200);
    expect(fake.state.catalogs.get(FAKE_CATALOG_ID)?.items.get(key)?.price).toBe(5);
    // A filter on an attribute no item has matches no item, whatever the name.
    await sync([
      {
        type: 'PATCH_MANY',
        payload: {
          price: 1,
          filters: [{ attr: key, op: 'IN', value: ['function Object() { [native code] }'] }],
        },
      },
    ]);
    await sync([{ type: 'REMOVE_MANY', payload: { filters: [{ attr: key, op: 'GE', value: 0 }] } }]);
    const items = fake.state.catalogs.get(FAKE_CATALOG_ID)?.items;
    expect([...(items?.values() ?? [])].map((i) => [i.sku, i.price])).toEqual([
      [key, 5],
      ['plain', 7],
    ]);
    const prices = await send(fake, 'POST', '/v1/best_prior_price', {
      skus: [key],
      timeframeEndDate: new Date(Date.now() + 60_000).toISOString(),
      timeframeEndDateType: 'strict',
      timeframe: '30',
    });
    expect(prices.body).toEqual([expect.objectContaining({ sku: key, price: 5 })]);
  });
});
