/**
 * The fake Talon.One's customer sessions (updateCustomerSessionV2): state, effects, dry runs,
 * ownership, and what session answers carry (achievements, eligibility, earlier returns).
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, createReferral, returnCartItems, updateCustomerSessionV2 } from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_COUPON_CODE,
  FAKE_LOYALTY_PROGRAM_ID,
  FAKE_REFERRAL_CAMPAIGN_ID,
  type FakeTalon,
} from '../../src/testing/index.js';
import { CART, clientFor, find, httpError, types, value } from './support.js';

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
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

function close(id: string, profileId: string, extra: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 60_000);
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed', ...extra } },
  });
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

describe('session answers', () => {
  it("carry the customer's achievements and campaign eligibility when asked for", async () => {
    value(await close('o-1', 'ada'));
    const ask = (responseContent?: ('achievements' | 'campaignEligibility')[]) =>
      updateCustomerSessionV2(talon, {
        customerSessionId: 'o-2',
        body: { customerSession: { profileId: 'ada' }, ...(responseContent ? { responseContent } : {}) },
      });
    const answer = value(await ask(['achievements', 'campaignEligibility']));
    expect(answer.achievements).toMatchObject([
      { id: FAKE_ACHIEVEMENT_ID, target: 3, currentProgress: { status: 'inprogress', progress: 1 } },
    ]);
    expect(answer.campaignEligibility).toEqual([]);
    const bare = value(await ask());
    expect([bare.achievements, bare.campaignEligibility]).toEqual([undefined, undefined]);
  });

  it('list the returns of the session (previousReturns), oldest first', async () => {
    value(await close('o-1', 'ada'));
    const cancel = (customerSessionId: string) =>
      updateCustomerSessionV2(talon, {
        customerSessionId,
        body: { customerSession: { state: 'cancelled' }, responseContent: ['previousReturns'] },
      });
    const returned = [];
    for (const sku of ['BEANS-1KG', 'GRIND-1'])
      returned.push(
        value(
          await returnCartItems(talon, {
            customerSessionId: 'o-1',
            body: { return: { returnedCartItems: [{ sku, quantity: 1 }] } },
          }),
        ).return,
      );
    const cancelled = value(await cancel('o-1'));
    expect(cancelled.previousReturns).toEqual(returned);
    expect(cancelled.previousReturns?.map((r) => r.returnedCartItems)).toEqual([
      [{ position: 0, quantity: 1, sku: 'BEANS-1KG' }],
      [{ position: 1, quantity: 1, sku: 'GRIND-1' }],
    ]);
    expect(cancelled.previousReturns?.[0]).toMatchObject({
      sessionIntegrationId: 'o-1',
      profileIntegrationId: 'ada',
    });

    // A session without returns: an empty list, and nothing unless asked for.
    value(await close('o-2', 'ada'));
    expect(value(await cancel('o-2')).previousReturns).toEqual([]);
    const plain = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'o-3',
        body: { customerSession: { profileId: 'ada' } },
      }),
    );
    expect(plain.previousReturns).toBeUndefined();
  });
});
