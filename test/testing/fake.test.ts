/**
 * The fake Talon.One (src/testing): state, effects, error answers, auth, dry, silent, session
 * ownership, and the three ways to use it. Almost every call goes through the SDK with response
 * validation on, so a 2xx answer that does not fit the SDK's response schemas fails the test as
 * a `response` error; error answers are checked to parse as the documented error bodies.
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
  createCouponReservation,
  createReferral,
  createReferralsForMultipleAdvocates,
  deleteCouponReservation,
  deleteCustomerData,
  type Effect,
  getCustomerInventory,
  getReservedCustomers,
  operationIds,
  type Result,
  trackEvent,
  updateCustomerProfile,
  updateCustomerProfileAudiences,
  updateCustomerProfilesV2,
  updateCustomerProfileV2,
  updateCustomerSession,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_API_KEY,
  FAKE_APPLICATION_ID,
  FAKE_APPLICATION_KEY,
  FAKE_COUPON_CODE,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalon,
  fakeTalonHandlers,
  startFakeTalonServer,
} from '../../src/testing/index.js';
import { ROUTES } from '../../src/testing/operations.js';
import { describeWithSpec, operationsOf } from '../support/spec.js';

const BASE = 'https://fake.talon.one';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CART = [
  { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
]; // 138.00

let fake: FakeTalon;
let talon: Client<'apiKey'>;
let signed: Client<'contentSignature'>;

beforeEach(() => {
  fake = createFakeTalon({ now: () => new Date('2026-06-01T10:00:00Z') });
  talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
  signed = createClient({
    baseUrl: BASE,
    auth: contentSignature({ applicationId: FAKE_APPLICATION_ID, applicationKey: FAKE_APPLICATION_KEY }),
    fetch: fake.fetch,
    retry: false,
  });
});

/** The value of a successful result; fails with the error's message otherwise. */
function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result, which must be a documented HTTP status error. */
function httpError(result: Result<unknown, { kind: string; message: string }>, status: number) {
  if (result.ok) throw new Error(`expected HTTP ${status}, got ok`);
  const error = result.error as { kind: string; status?: number; documented?: boolean; body?: unknown };
  expect(error.kind, result.error.message).toBe('http');
  expect(error.status).toBe(status);
  return error as {
    documented: boolean;
    body: { message?: string; errors?: unknown[]; StatusCode?: number };
  };
}

function types(effects: readonly Effect[] | readonly Record<string, unknown>[]): string[] {
  return effects.map((e) => String(e.effectType));
}

function find<T extends Effect['effectType']>(effects: readonly Effect[], type: T) {
  return effects.find((e) => e.effectType === type) as Extract<Effect, { effectType: T }> | undefined;
}

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

describe('customer sessions (V2)', () => {
  it('answers real effects: a coupon for 10 % off, a rejected unknown code', async () => {
    const state = value(await openCart('cart-1', 'ada', { couponCodes: [FAKE_COUPON_CODE, 'NOPE-404'] }));
    expect(types(state.effects)).toEqual(['acceptCoupon', 'setDiscount', 'rejectCoupon']);
    expect(find(state.effects, 'acceptCoupon')?.props.value).toBe(FAKE_COUPON_CODE);
    expect(find(state.effects, 'setDiscount')?.props.value).toBe(13.8);
    expect(find(state.effects, 'rejectCoupon')?.props).toMatchObject({
      value: 'NOPE-404',
      rejectionReason: 'CouponNotFound',
    });
    expect(state.customerSession).toMatchObject({
      integrationId: 'cart-1',
      profileId: 'ada',
      state: 'open',
      cartItemTotal: 138,
      total: 138,
      firstSession: true,
    });
    expect(state.customerProfile?.integrationId).toBe('ada');
    expect(state.coupons?.map((c) => c.value)).toEqual([FAKE_COUPON_CODE]);
    expect(state.triggeredCampaigns?.map((c) => c.name)).toEqual(['Summer sale']);
    expect(state.createdCoupons).toEqual([]);
    // Only what responseContent asks for, as the API does.
    const bare = value(
      await updateCustomerSessionV2(talon, { customerSessionId: 'cart-1', body: { customerSession: {} } }),
    );
    expect(bare.customerSession).toBeUndefined();
    expect(bare.customerProfile).toBeUndefined();
    expect(fake.state.sessions.get('cart-1')?.updateCount).toBe(2);
  });

  it('creates profiles and sessions on first sight and keeps fields left out (PUT semantics)', async () => {
    value(await openCart('cart-2', 'bob', { couponCodes: ['summer10'] }));
    expect(fake.state.profiles.has('bob')).toBe(true);
    const again = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-2',
        body: { customerSession: { attributes: { note: 'x' } } },
      }),
    );
    expect(types(again.effects)).toEqual(['acceptCoupon', 'setDiscount']);
    const cleared = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-2',
        body: { customerSession: { couponCodes: [] } },
      }),
    );
    expect(cleared.effects).toEqual([]);
    expect(fake.state.sessions.get('cart-2')?.attributes).toEqual({ note: 'x' });
  });

  it('refuses a session that belongs to another profile with 400', async () => {
    value(await openCart('cart-3', 'ada'));
    const error = httpError(await openCart('cart-3', 'mallory'), 400);
    expect(error.documented).toBe(true);
    expect(error.body.message).toMatch(/belongs to another customer profile/);
    expect(fake.state.sessions.get('cart-3')?.profileId).toBe('ada');
    // An anonymous session can be claimed.
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'anon',
        body: { customerSession: { cartItems: CART } },
      }),
    );
    value(await openCart('anon', 'carol'));
    expect(fake.state.sessions.get('anon')?.profileId).toBe('carol');
  });

  it('adds loyalty points on closing, persists redemptions, and rolls them back on cancel', async () => {
    value(await openCart('cart-4', 'ada', { couponCodes: [FAKE_COUPON_CODE] }));
    const closed = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-4',
        body: { customerSession: { state: 'closed' }, responseContent: ['loyalty', 'customerProfile'] },
      }),
    );
    const points = find(closed.effects, 'addLoyaltyPoints');
    expect(points?.props).toMatchObject({
      value: 124,
      programId: FAKE_LOYALTY_PROGRAM_ID,
      recipientIntegrationId: 'ada',
    });
    expect(points?.props.transactionUUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(closed.loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(124);
    expect(closed.customerProfile).toMatchObject({ closedSessions: 1, totalSales: 124.2 });
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(1);

    const changed = httpError(await openCart('cart-4', 'ada'), 400);
    expect(changed.body.message).toMatch(/closed/);

    const cancelled = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-4',
        body: { customerSession: { state: 'cancelled' } },
      }),
    );
    expect(types(cancelled.effects).sort()).toEqual([
      'rollbackAddedLoyaltyPoints',
      'rollbackCoupon',
      'rollbackDiscount',
    ]);
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(0);
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(0);
    httpError(await openCart('cart-4', 'ada'), 400);
  });

  it('dry=true computes effects but persists nothing', async () => {
    const dry = value(
      await openCart('cart-dry', 'dora', { couponCodes: [FAKE_COUPON_CODE], state: 'closed' }, true),
    );
    expect(types(dry.effects)).toEqual(['acceptCoupon', 'setDiscount', 'addLoyaltyPoints']);
    expect(dry.customerSession?.state).toBe('closed');
    expect(fake.state.sessions.size).toBe(0);
    expect(fake.state.profiles.size).toBe(0);
    expect(fake.state.events).toEqual([]);
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(0);
  });

  it('evaluates as at the `now` query parameter', async () => {
    const referral = value(
      await createReferral(talon, {
        body: {
          campaignId: FAKE_REFERRAL_CAMPAIGN_ID,
          advocateProfileIntegrationId: 'ada',
          expiryDate: '2026-07-01T00:00:00Z',
        },
      }),
    );
    const later = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-now',
        now: '2026-08-01T00:00:00Z',
        body: { customerSession: { profileId: 'bob', referralCode: referral.code } },
      }),
    );
    expect(find(later.effects, 'rejectReferral')?.props.rejectionReason).toBe('ReferralExpired');
  });
});

describe('coupons and reservations', () => {
  it('reserves, lists and releases a coupon; a mandatory reservation gates redemption', async () => {
    const before = value(await openCart('cart-vip', 'vip', { couponCodes: ['VIP25-ONLY'] }));
    expect(find(before.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponReservationRequired');

    const coupon = value(
      await createCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['vip'] } }),
    );
    expect(coupon).toMatchObject({
      value: 'VIP25-ONLY',
      reservationCounter: 1,
      isReservationMandatory: true,
    });
    const reserved = value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' }));
    expect(reserved.data.map((p) => p.integrationId)).toEqual(['vip']);

    const after = value(await openCart('cart-vip', 'vip', { couponCodes: ['VIP25-ONLY'] }));
    expect(types(after.effects)).toEqual(['acceptCoupon', 'setDiscount']);
    const inventory = value(await getCustomerInventory(talon, { integrationId: 'vip', coupons: true }));
    expect(inventory.coupons?.map((c) => c.value)).toEqual(['VIP25-ONLY']);

    value(
      await deleteCouponReservation(talon, { couponValue: 'VIP25-ONLY', body: { integrationIDs: ['vip'] } }),
    );
    expect(value(await getReservedCustomers(talon, { couponValue: 'VIP25-ONLY' })).totalResultSize).toBe(0);
  });

  it('answers 404 for a coupon that does not exist', async () => {
    const body = { integrationIDs: ['ada'] };
    expect(
      httpError(await createCouponReservation(talon, { couponValue: 'NOPE', body }), 404).documented,
    ).toBe(true);
    expect(
      httpError(await deleteCouponReservation(talon, { couponValue: 'NOPE', body }), 404).documented,
    ).toBe(true);
    expect(httpError(await getReservedCustomers(talon, { couponValue: 'NOPE' }), 404).body.StatusCode).toBe(
      404,
    );
  });

  it('honours usage limits and one coupon per campaign', async () => {
    const limited = createFakeTalon({
      campaigns: [
        {
          type: 'coupon',
          id: 9,
          name: 'Half',
          percentOff: 50,
          coupons: [{ value: 'ONCE', usageLimit: 1 }, 'TWICE'],
        },
      ],
    });
    const client = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: limited.fetch });
    const both = value(
      await updateCustomerSessionV2(client, {
        customerSessionId: 's1',
        body: {
          customerSession: {
            profileId: 'a',
            cartItems: CART,
            couponCodes: ['ONCE', 'TWICE'],
            state: 'closed',
          },
        },
      }),
    );
    expect(types(both.effects)).toEqual(['acceptCoupon', 'setDiscount', 'rejectCoupon']);
    expect(find(both.effects, 'setDiscount')?.props.value).toBe(69);
    expect(find(both.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponRejectedByCondition');
    const used = value(
      await updateCustomerSessionV2(client, {
        customerSessionId: 's2',
        body: { customerSession: { profileId: 'b', cartItems: CART, couponCodes: ['once'] } },
      }),
    );
    expect(find(used.effects, 'rejectCoupon')?.props.rejectionReason).toBe('CouponLimitReached');
  });
});

describe('referrals', () => {
  it('creates a referral whose code gives the friend acceptReferral and a discount', async () => {
    const referral = value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    expect(referral.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const friend = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'friend-cart',
        body: {
          customerSession: { profileId: 'bob', cartItems: CART, referralCode: referral.code },
          responseContent: ['referral'],
        },
      }),
    );
    expect(types(friend.effects)).toEqual(['acceptReferral', 'setDiscount']);
    expect(find(friend.effects, 'setDiscount')?.props.value).toBe(6.9);
    expect(friend.referral?.code).toBe(referral.code);

    const self = value(await openCart('self-cart', 'ada', { referralCode: referral.code }));
    expect(find(self.effects, 'rejectReferral')?.props.rejectionReason).toBe(
      'ReferralRecipientIdSameAsAdvocate',
    );
    const unknown = value(await openCart('x-cart', 'bob', { referralCode: 'NOPE-NOPE' }));
    expect(find(unknown.effects, 'rejectReferral')?.props.rejectionReason).toBe('ReferralNotFound');

    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'friend-cart',
        body: { customerSession: { state: 'closed' } },
      }),
    );
    const inventory = value(await getCustomerInventory(talon, { integrationId: 'ada', referrals: true }));
    expect(inventory.referrals?.[0]).toMatchObject({
      code: referral.code,
      usageCounter: 1,
      referredCustomers: ['bob'],
    });
  });

  it('refuses a campaign that is not a referral campaign with 400', async () => {
    const error = httpError(
      await createReferral(talon, { body: { campaignId: 1, advocateProfileIntegrationId: 'ada' } }),
      400,
    );
    expect(error.documented).toBe(true);
    expect(error.body.message).toMatch(/not a running referral campaign/);
  });

  it('creates referrals for several advocates: 204 when silent (the default), the referrals with silent=no', async () => {
    const body = {
      campaignId: FAKE_REFERRAL_CAMPAIGN_ID,
      usageLimit: 3,
      advocateProfileIntegrationIds: ['a1', 'a2'],
      referralPattern: 'FRIEND-###',
    };
    const quiet = await createReferralsForMultipleAdvocates(talon, { body });
    expect(value(quiet)).toBeUndefined();
    expect(quiet.ok && quiet.response.status).toBe(204);
    expect(fake.state.referrals.size).toBe(2);
    const yes = await createReferralsForMultipleAdvocates(talon, { silent: 'yes', body });
    expect(yes.ok && yes.response.status).toBe(204);
    const loud = value(await createReferralsForMultipleAdvocates(talon, { silent: 'no', body }));
    expect(loud?.totalResultSize).toBe(2);
    expect(loud?.data.map((r) => r.advocateProfileIntegrationId)).toEqual(['a1', 'a2']);
    for (const r of loud?.data ?? []) expect(r.code).toMatch(/^FRIEND-[A-Z0-9]{3}$/);
  });
});

describe('customer profiles, audiences, inventory, deletion', () => {
  it('updates a profile (V2) with attributes and audiences', async () => {
    const result = value(
      await updateCustomerProfileV2(talon, {
        integrationId: 'ada',
        runRuleEngine: true,
        body: {
          attributes: { Name: 'Ada' },
          audiencesChanges: { adds: [1, 2], deletes: [] },
          responseContent: ['customerProfile', 'loyalty', 'event'],
        },
      }),
    );
    expect(result.customerProfile).toMatchObject({ integrationId: 'ada', attributes: { Name: 'Ada' } });
    expect(result.customerProfile?.audienceMemberships?.map((a) => a.name)).toEqual(['Newsletter', 'VIP']);
    expect(result.event?.type).toBe('talon_profile_updated');
    expect(result.effects).toEqual([]);
    const unknown = httpError(
      await updateCustomerProfileV2(talon, {
        integrationId: 'ada',
        body: { audiencesChanges: { adds: [99], deletes: [] } },
      }),
      400,
    );
    expect(unknown.body.message).toMatch(/Audience 99/);
  });

  it('dry only works with runRuleEngine, as documented', async () => {
    value(
      await updateCustomerProfileV2(talon, {
        integrationId: 'dry-1',
        dry: true,
        runRuleEngine: true,
        body: {},
      }),
    );
    expect(fake.state.profiles.has('dry-1')).toBe(false);
    value(await updateCustomerProfileV2(talon, { integrationId: 'dry-2', dry: true, body: {} }));
    expect(fake.state.profiles.has('dry-2')).toBe(true);
  });

  it('updates profiles in bulk: an empty 204 when silent (the default), the profiles with silent=no', async () => {
    const body = {
      customerProfiles: [{ integrationId: 'p1', attributes: { a: 1 } }, { integrationId: 'p2' }],
    };
    const quiet = await updateCustomerProfilesV2(talon, { body });
    expect(quiet.ok && quiet.response.status).toBe(204);
    expect(value(quiet)).toBeUndefined();
    expect(fake.state.profiles.get('p1')?.attributes).toEqual({ a: 1 });
    const loud = value(await updateCustomerProfilesV2(talon, { silent: 'no', body }));
    expect(loud?.integrationStates?.map((s) => s.customerProfile.integrationId)).toEqual(['p1', 'p2']);
  });

  it('adds profiles to audiences and removes them; an unknown audience is a 404', async () => {
    value(
      await updateCustomerProfileAudiences(talon, {
        body: {
          data: [
            { action: 'add', profileIntegrationId: 'ada', audienceId: 1 },
            { action: 'add', profileIntegrationId: 'ada', audienceId: 2 },
            { action: 'delete', profileIntegrationId: 'ada', audienceId: 1 },
          ],
        },
      }),
    );
    expect(fake.state.profiles.get('ada')?.audiences).toEqual([2]);
    const missing = await updateCustomerProfileAudiences(talon, {
      body: { data: [{ action: 'add', profileIntegrationId: 'ada', audienceId: 77 }] },
    });
    expect(httpError(missing, 404).documented).toBe(true);
  });

  it('builds the inventory from the state, only the parts asked for', async () => {
    value(await openCart('inv', 'ada', { couponCodes: [FAKE_COUPON_CODE], state: 'closed' }));
    value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    const all = value(
      await getCustomerInventory(talon, {
        integrationId: 'ada',
        profile: true,
        loyalty: true,
        referrals: true,
        coupons: true,
        giveaways: true,
        achievements: true,
      }),
    );
    expect(all.profile?.closedSessions).toBe(1);
    expect(all.loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(124);
    expect(all.referrals).toHaveLength(1);
    expect(all.giveaways).toEqual([]);
    const none = value(await getCustomerInventory(talon, { integrationId: 'ada' }));
    expect(none).toEqual({});
    expect(httpError(await getCustomerInventory(talon, { integrationId: 'nobody' }), 404).documented).toBe(
      true,
    );
  });

  it("deletes a customer's data: profile, sessions, events, reservations, referrals", async () => {
    value(await openCart('del', 'ada'));
    value(
      await createCouponReservation(talon, {
        couponValue: FAKE_COUPON_CODE,
        body: { integrationIDs: ['ada', 'bob'] },
      }),
    );
    value(
      await createReferral(talon, {
        body: { campaignId: FAKE_REFERRAL_CAMPAIGN_ID, advocateProfileIntegrationId: 'ada' },
      }),
    );
    const deleted = await deleteCustomerData(talon, { integrationId: 'ada' });
    expect(deleted.ok && deleted.response.status).toBe(204);
    expect(fake.state.profiles.has('ada')).toBe(false);
    expect(fake.state.sessions.has('del')).toBe(false);
    expect(fake.state.events.filter((e) => e.profileId === 'ada')).toEqual([]);
    expect(fake.state.referrals.size).toBe(0);
    expect(
      value(await getReservedCustomers(talon, { couponValue: FAKE_COUPON_CODE })).data.map(
        (p) => p.integrationId,
      ),
    ).toEqual(['bob']);
    httpError(await getCustomerInventory(talon, { integrationId: 'ada', profile: true }), 404);
    httpError(await deleteCustomerData(talon, { integrationId: 'ada' }), 404);
  });
});

describe('the 2021 (V1) operations', () => {
  it('updates a profile and a session, tracks an event, with either auth scheme', async () => {
    for (const client of [talon, signed]) {
      fake.reset();
      const profile = value(
        await updateCustomerProfile(client, { integrationId: 'ada', body: { attributes: { Name: 'Ada' } } }),
      );
      expect(profile.profile).toMatchObject({ integrationId: 'ada', attributes: { Name: 'Ada' } });
      const session = value(
        await updateCustomerSession(client, {
          customerSessionId: 'v1-cart',
          body: { profileId: 'ada', coupon: FAKE_COUPON_CODE, cartItems: CART, state: 'closed' },
        }),
      );
      expect(session.session).toMatchObject({ coupon: FAKE_COUPON_CODE, total: 138, state: 'closed' });
      expect(session.session.discounts).toEqual({ 'Summer sale: 10% off': 13.8 });
      expect(session.event.effects.map((e) => e.effectType)).toEqual([
        'acceptCoupon',
        'setDiscount',
        'addLoyaltyPoints',
      ]);
      expect(session.event.ledgerEntries[0]?.amount).toBe(124);
      expect(session.coupon?.value).toBe(FAKE_COUPON_CODE);
      const event = await trackEvent(client, {
        body: {
          profileId: 'ada',
          type: 'viewed_product',
          attributes: { sku: 'GRIND-1' },
          sessionId: 'v1-cart',
        },
      });
      expect(event.ok && event.response.status).toBe(201);
      expect(value(event).event).toMatchObject({ type: 'viewed_product', attributes: { sku: 'GRIND-1' } });
      expect(fake.state.events.map((e) => e.type)).toEqual([
        'talon_profile_updated',
        'talon_session_updated',
        'viewed_product',
      ]);
    }
  });

  it('dry=true on V1 persists nothing', async () => {
    value(
      await trackEvent(talon, {
        dry: true,
        body: { profileId: 'ada', type: 't', attributes: {}, sessionId: 's' },
      }),
    );
    value(await updateCustomerProfile(talon, { integrationId: 'ada', dry: true, body: {} }));
    expect(fake.state.profiles.size + fake.state.sessions.size + fake.state.events.length).toBe(0);
  });
});

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
