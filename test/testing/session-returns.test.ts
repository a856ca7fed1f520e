/**
 * The fake Talon.One's returns (returnCartItems), reopening a session and reading a session back
 * (getCustomerSession), with what they do to loyalty points.
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  getCustomerSession,
  getLoyaltyBalances,
  getLoyaltyProgramProfileTransactions,
  reopenCustomerSession,
  returnCartItems,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_COUPON_CODE,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeCampaign,
  type FakeTalon,
} from '../../src/testing/index.js';
import { CART, clientFor, findAll, httpError, value } from './support.js';

const PROGRAM = FAKE_LOYALTY_PROGRAM_ID;
let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** A fake (default campaigns unless given) on the test's clock, and a client for it. */
function start(campaigns?: readonly FakeCampaign[]) {
  fake = createFakeTalon({ now: () => clock, ...(campaigns ? { campaigns } : {}) });
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  start();
});

/** Closes a session of `profileId` with `items` (and extra session fields). */
function close(id: string, profileId: string | undefined, extra: Record<string, unknown> = {}, items = CART) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: {
      customerSession: { ...(profileId ? { profileId } : {}), cartItems: items, state: 'closed', ...extra },
      responseContent: ['customerSession', 'loyalty'],
    },
  });
}

async function balance(integrationId = 'ada', extra: Record<string, unknown> = {}) {
  return value(await getLoyaltyBalances(talon, { loyaltyProgramId: PROGRAM, integrationId, ...extra }));
}

describe('returns', () => {
  async function closedWithCoupon() {
    const closed = value(await close('order-1', 'ada', { couponCodes: [FAKE_COUPON_CODE] }));
    expect(findAll(closed.effects, 'setDiscount')[0]?.props.value).toBe(13.8);
    expect(findAll(closed.effects, 'addLoyaltyPoints')[0]?.props.value).toBe(124);
  }

  const giveBack = (
    returnedCartItems: { position?: number; sku?: string; quantity?: number }[],
    dry?: boolean,
  ) =>
    returnCartItems(talon, {
      customerSessionId: 'order-1',
      ...(dry === undefined ? {} : { dry }),
      body: {
        return: { returnedCartItems },
        responseContent: ['customerSession', 'loyalty', 'event', 'previousReturns', 'coupons'],
      },
    });

  it('takes back the returned items’ share of the points and the discount', async () => {
    await closedWithCoupon();
    const first = value(await giveBack([{ position: 0, quantity: 1 }]));
    expect(first.effects.map((e) => e.effectType)).toEqual([
      'rollbackDiscount',
      'rollbackAddedLoyaltyPoints',
    ]);
    expect(findAll(first.effects, 'rollbackDiscount')[0]?.props).toMatchObject({
      value: 2.45,
      cartItemPosition: 0,
    });
    expect(findAll(first.effects, 'rollbackAddedLoyaltyPoints')[0]?.props).toMatchObject({
      value: 22,
      programId: PROGRAM,
      recipientIntegrationId: 'ada',
      cartItemPosition: 0,
    });
    expect(first.customerSession?.state).toBe('partially_returned');
    expect(first.customerSession?.cartItems?.[0]).toMatchObject({
      returnedQuantity: 1,
      remainingQuantity: 1,
    });
    expect(first.return).toMatchObject({
      sessionIntegrationId: 'order-1',
      profileIntegrationId: 'ada',
      returnedCartItems: [{ position: 0, quantity: 1, sku: 'BEANS-1KG' }],
    });
    expect(first.event?.type).toBe('talon_session_partially_returned');
    expect(first.previousReturns).toEqual([]);
    expect(first.coupons?.map((c) => c.value)).toEqual([FAKE_COUPON_CODE]);
    expect(first.loyalty?.programs[String(PROGRAM)]?.ledger.currentBalance).toBe(102);

    const second = value(await giveBack([{ sku: 'GRIND-1' }]));
    expect(findAll(second.effects, 'rollbackDiscount')[0]?.props.value).toBe(8.9);
    expect(findAll(second.effects, 'rollbackAddedLoyaltyPoints')[0]?.props.value).toBe(80);
    expect(second.previousReturns).toHaveLength(1);
    // The last unit: what is left comes back, to the cent and to the point.
    const last = value(await giveBack([{ sku: 'BEANS-1KG' }]));
    expect(findAll(last.effects, 'rollbackDiscount')[0]?.props.value).toBe(2.45);
    expect(findAll(last.effects, 'rollbackAddedLoyaltyPoints')[0]?.props.value).toBe(22);
    expect((await balance()).balance?.activePoints).toBe(0);
    const log = value(
      await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
    );
    expect(log.data.map((t) => [t.type, t.amount])).toEqual([
      ['subtraction', -22],
      ['subtraction', -80],
      ['subtraction', -22],
      ['addition', 124],
    ]);
    expect(fake.state.profiles.get('ada')?.totalSales).toBe(0);
  });

  it('refuses what cannot be returned; dry=true persists nothing; cancelling rolls back only the rest', async () => {
    await closedWithCoupon();
    for (const [items, pointer] of [
      [[{ position: 0, quantity: 3 }], '/return/returnedCartItems/0/quantity'],
      [[{ position: 5 }], '/return/returnedCartItems/0/position'],
      [[{ sku: 'NOPE' }], '/return/returnedCartItems/0/sku'],
      [[{ position: 1, sku: 'BEANS-1KG' }], '/return/returnedCartItems/0/sku'],
      [[{ quantity: 1 }], '/return/returnedCartItems/0'],
      [
        [
          { sku: 'BEANS-1KG', quantity: 1 },
          { position: 0, quantity: 2 },
        ],
        '/return/returnedCartItems/1/quantity',
      ],
      [[], '/return/returnedCartItems'],
    ] as const) {
      const error = httpError(await giveBack([...items]), 400);
      expect(error.documented).toBe(true);
      expect(error.body.errors?.[0]?.source).toEqual({ pointer });
    }
    const dry = value(await giveBack([{ position: 1 }], true));
    expect(findAll(dry.effects, 'rollbackAddedLoyaltyPoints')[0]?.props.value).toBe(80);
    expect(fake.state.sessions.get('order-1')?.state).toBe('closed');
    expect((await balance()).balance?.activePoints).toBe(124);

    value(await giveBack([{ position: 1 }]));
    const update = await updateCustomerSessionV2(talon, {
      customerSessionId: 'order-1',
      body: { customerSession: { cartItems: CART } },
    });
    expect(httpError(update, 400).body.message).toMatch(/partially_returned/);
    const cancelled = value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'order-1',
        body: { customerSession: { state: 'cancelled' } },
      }),
    );
    expect(findAll(cancelled.effects, 'rollbackDiscount')[0]?.props.value).toBe(4.9);
    expect(findAll(cancelled.effects, 'rollbackAddedLoyaltyPoints')[0]?.props.value).toBe(44);
    expect(findAll(cancelled.effects, 'rollbackCoupon')).toHaveLength(1);
    expect((await balance()).balance?.activePoints).toBe(0);

    httpError(await giveBack([{ position: 0 }]), 400); // cancelled
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'open-1',
        body: { customerSession: { profileId: 'ada' } },
      }),
    );
    const open = await returnCartItems(talon, {
      customerSessionId: 'open-1',
      body: { return: { returnedCartItems: [] } },
    });
    expect(httpError(open, 400).body.message).toMatch(/only a closed session/);
    httpError(
      await returnCartItems(talon, {
        customerSessionId: 'nope',
        body: { return: { returnedCartItems: [] } },
      }),
      404,
    );
  });
});

describe('reopening a session', () => {
  it('answers the rollback effects, and the session can change and close again', async () => {
    value(await close('order-1', 'ada', { couponCodes: [FAKE_COUPON_CODE] }));
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(1);
    const reopened = value(await reopenCustomerSession(talon, { customerSessionId: 'order-1' }));
    expect(reopened.effects.map((e) => e.effectType).sort()).toEqual([
      'rollbackAddedLoyaltyPoints',
      'rollbackCoupon',
      'rollbackDiscount',
    ]);
    expect(findAll(reopened.effects, 'rollbackAddedLoyaltyPoints')[0]?.props.value).toBe(124);
    expect(fake.state.sessions.get('order-1')?.state).toBe('open');
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(0);
    expect(fake.state.events.at(-1)?.type).toBe('talon_session_reopened');
    expect((await balance()).balance?.activePoints).toBe(0);

    const again = value(await close('order-1', 'ada', {}, [CART[1]!]));
    expect(findAll(again.effects, 'addLoyaltyPoints')[0]?.props.value).toBe(80);
    expect(again.customerSession?.state).toBe('closed');
    expect(fake.state.coupons.get(FAKE_COUPON_CODE)?.usageCounter).toBe(1);
    expect((await balance()).balance?.activePoints).toBe(80);
    const log = value(
      await getLoyaltyProgramProfileTransactions(talon, { loyaltyProgramId: PROGRAM, integrationId: 'ada' }),
    );
    expect(log.data.map((t) => t.amount)).toEqual([80, -124, 124]);

    const open = await reopenCustomerSession(talon, { customerSessionId: 'order-1' }).then(() =>
      reopenCustomerSession(talon, { customerSessionId: 'order-1' }),
    );
    expect(httpError(open, 400).body.message).toMatch(/only a closed session/);
    httpError(await reopenCustomerSession(talon, { customerSessionId: 'nope' }), 404);
  });
});

describe('getCustomerSession', () => {
  it('reads a stored session with its current effects; 404 for an unknown one', async () => {
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-1',
        body: { customerSession: { profileId: 'ada', cartItems: CART, couponCodes: [FAKE_COUPON_CODE] } },
      }),
    );
    const read = value(await getCustomerSession(talon, { customerSessionId: 'cart-1' }));
    expect(read.customerSession).toMatchObject({
      integrationId: 'cart-1',
      profileId: 'ada',
      state: 'open',
      total: 138,
    });
    expect(read.effects?.map((e) => e.effectType)).toEqual(['acceptCoupon', 'setDiscount']);
    const missing = httpError(await getCustomerSession(talon, { customerSessionId: 'nope' }), 404);
    expect(missing.body.message).toMatch(/not found/);
  });
});
