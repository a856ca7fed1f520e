/**
 * The fake Talon.One's events: custom events (trackEventV2) and advanced events (trackEventV3,
 * getEventV3).
 * Calls go through the SDK with response validation on, so an answer that does not fit the SDK's
 * response schemas fails as a `response` error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  deleteCustomerData,
  generateLoyaltyCard,
  getEventV3,
  getLoyaltyBalances,
  trackEventV2,
  trackEventV3,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_COUPON_CAMPAIGN_ID,
  FAKE_EVENT_TYPE,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeTalon,
  type FakeTalonOptions,
} from '../../src/testing/index.js';
import { clientFor, DAY, httpErrorBody, raw, value } from './support.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const CART = [{ name: 'Beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 }];

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

/** The date `n` days after 2026-01-01 (the fake's clock is set to such dates). */
function day(n: number): Date {
  return new Date(START + n * DAY);
}

function makeFake(options: FakeTalonOptions = {}): void {
  fake = createFakeTalon({ now: () => clock, ...options });
  talon = clientFor(fake);
}

beforeEach(() => {
  clock = day(151); // 2026-06-01
  makeFake();
});

function closeOrder(id: string, profileId: string) {
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed' } },
  });
}

describe('custom events (trackEventV2)', () => {
  it('runs the loyalty campaign on the event: points, effects and the parts asked for', async () => {
    const answer = value(
      await trackEventV2(talon, {
        silent: 'no',
        body: {
          profileId: 'ada',
          type: FAKE_EVENT_TYPE,
          attributes: { channel: 'email' },
          storeIntegrationId: 'store-1',
          responseContent: ['customerProfile', 'triggeredCampaigns', 'loyalty', 'event', 'achievements'],
        },
      }),
    );
    expect(answer?.effects).toHaveLength(1);
    expect(answer?.effects[0]).toMatchObject({
      effectType: 'addLoyaltyPoints',
      campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
      props: { value: 50, programId: FAKE_LOYALTY_PROGRAM_ID, recipientIntegrationId: 'ada' },
    });
    expect(answer?.triggeredCampaigns?.map((c) => c.id)).toEqual([FAKE_LOYALTY_CAMPAIGN_ID]);
    expect(answer?.customerProfile?.integrationId).toBe('ada');
    expect(answer?.loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(50);
    expect(answer?.event).toMatchObject({
      type: FAKE_EVENT_TYPE,
      profileId: 'ada',
      storeIntegrationId: 'store-1',
      attributes: { channel: 'email' },
    });
    expect(answer?.achievements?.map((a) => [a.id, a.currentProgress?.status])).toEqual([
      [FAKE_ACHIEVEMENT_ID, 'not_started'],
    ]);
    // Only the parts asked for.
    expect(answer?.ruleFailureReasons).toBeUndefined();
    // State: the event with its effects, the points on the profile's ledger.
    const event = fake.state.events.at(-1);
    expect(event).toMatchObject({ type: FAKE_EVENT_TYPE, profileId: 'ada', storeIntegrationId: 'store-1' });
    expect(event?.effects).toHaveLength(1);
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(50);
    const balances = value(
      await getLoyaltyBalances(talon, { loyaltyProgramId: FAKE_LOYALTY_PROGRAM_ID, integrationId: 'ada' }),
    );
    expect(balances.balance?.activePoints).toBe(50);
  });

  it('answers 204 when silent (the default); an event no campaign rewards gets no effects', async () => {
    expect(
      value(await trackEventV2(talon, { body: { profileId: 'bob', type: 'app_opened' } })),
    ).toBeUndefined();
    expect(fake.state.events.map((e) => e.type)).toEqual(['app_opened']);
    expect(fake.state.profiles.has('bob')).toBe(true);
    const answer = value(
      await trackEventV2(talon, { silent: 'no', body: { profileId: 'bob', type: 'app_opened' } }),
    );
    expect(answer).toEqual({ effects: [], createdCoupons: [], createdReferrals: [] });
    expect(fake.state.profiles.get('bob')?.points[FAKE_LOYALTY_PROGRAM_ID] ?? 0).toBe(0);
  });

  it('dry=true answers the effects and persists nothing; evaluableCampaignIds narrows a dry run', async () => {
    const dry = value(
      await trackEventV2(talon, {
        silent: 'no',
        dry: true,
        body: { profileId: 'ada', type: FAKE_EVENT_TYPE },
      }),
    );
    expect(dry?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    expect(fake.state.events).toHaveLength(0);
    expect(fake.state.profiles.size).toBe(0);
    const narrowed = value(
      await trackEventV2(talon, {
        silent: 'no',
        dry: true,
        forceCompleteEvaluation: true,
        body: { profileId: 'ada', type: FAKE_EVENT_TYPE, evaluableCampaignIds: [FAKE_COUPON_CAMPAIGN_ID] },
      }),
    );
    expect(narrowed?.effects).toEqual([]);
  });

  it('earns the event points of a card-based program on the card the event names', async () => {
    makeFake({
      campaigns: [
        {
          type: 'loyalty',
          id: 30,
          name: 'Card scans',
          programId: 31,
          programName: 'Card',
          pointsPerUnit: 1,
          cardBased: true,
          eventPoints: { scan: 5 },
        },
      ],
    });
    const card = value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: 31, body: { cardIdentifier: 'CARD-0001' } }),
    );
    const track = (loyaltyCards?: string[]) =>
      trackEventV2(talon, {
        silent: 'no',
        body: { profileId: 'ada', type: 'scan', ...(loyaltyCards ? { loyaltyCards } : {}) },
      });
    expect(value(await track())?.effects).toEqual([]);
    const earned = value(await track([card.identifier]))?.effects[0];
    expect(earned).toMatchObject({
      effectType: 'addLoyaltyPoints',
      props: { value: 5, cardIdentifier: 'CARD-0001' },
    });
    expect(fake.state.loyaltyCards.get('CARD-0001')?.ledger.map((e) => e.amount)).toEqual([5]);
    expect(fake.state.profiles.get('ada')?.ledger).toEqual([]);
  });

  it('refuses a missing profileId, a bad body and forceCompleteEvaluation without dry with 400', async () => {
    const noProfile = httpErrorBody(await trackEventV2(talon, { body: { type: FAKE_EVENT_TYPE } }), 400);
    expect(noProfile.errors[0]?.source.pointer).toBe('/profileId');
    const forced = httpErrorBody(
      await trackEventV2(talon, { forceCompleteEvaluation: true, body: { profileId: 'ada', type: 't' } }),
      400,
    );
    expect(forced.errors[0]?.source.parameter).toBe('forceCompleteEvaluation');
    const bad = await raw(fake, 'POST', '/v2/events', { profileId: 'ada', type: 't', attributes: 'none' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].source.pointer).toBe('/attributes');
    expect(fake.state.events).toHaveLength(0);
  });
});

describe('advanced events (trackEventV3, getEventV3)', () => {
  const track = (integrationId: string, extra: Record<string, unknown> = {}, dry?: boolean) =>
    trackEventV3(talon, {
      silent: 'no',
      ...(dry === undefined ? {} : { dry }),
      body: {
        integrationId,
        profileId: 'ada',
        type: FAKE_EVENT_TYPE,
        attributes: { source: 'app' },
        responseContent: ['advancedEvent', 'loyalty'],
        ...extra,
      },
    });

  it('stores an event under its integrationId, reads it back, and counts it once', async () => {
    const first = value(await track('evt-1'));
    expect(first?.advancedEvent).toMatchObject({
      integrationId: 'evt-1',
      profileId: 'ada',
      type: FAKE_EVENT_TYPE,
      attributes: { source: 'app' },
    });
    expect(first?.effects.map((e) => e.effectType)).toEqual(['addLoyaltyPoints']);
    const read = value(await getEventV3(talon, { integrationId: 'evt-1' }));
    expect(read).toMatchObject({
      integrationId: 'evt-1',
      id: first?.advancedEvent?.id,
      type: FAKE_EVENT_TYPE,
    });
    expect(read.effects).toHaveLength(1);
    // The same integrationId again: 409, nothing recorded, no points twice.
    const again = await track('evt-1');
    if (again.ok) throw new Error('expected 409');
    expect(again.error).toMatchObject({ kind: 'http', status: 409, documented: true });
    expect(fake.state.events.filter((e) => e.integrationId === 'evt-1')).toHaveLength(1);
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(50);
    // Another integrationId counts again.
    value(await track('evt-2'));
    expect(fake.state.profiles.get('ada')?.points[FAKE_LOYALTY_PROGRAM_ID]).toBe(100);
  });

  it('answers 404 for an unknown event, and for one whose profile was deleted', async () => {
    httpErrorBody(await getEventV3(talon, { integrationId: 'nope' }), 404);
    value(await track('evt-1'));
    value(await deleteCustomerData(talon, { integrationId: 'ada' }));
    httpErrorBody(await getEventV3(talon, { integrationId: 'evt-1' }), 404);
  });

  it('dry=true stores nothing; silent (the default) answers 204', async () => {
    value(await track('evt-dry', {}, true));
    httpErrorBody(await getEventV3(talon, { integrationId: 'evt-dry' }), 404);
    expect(
      value(await trackEventV3(talon, { body: { integrationId: 'evt-q', profileId: 'ada', type: 'x' } })),
    ).toBeUndefined();
    expect(value(await getEventV3(talon, { integrationId: 'evt-q' })).type).toBe('x');
  });

  it('connects a closed session of the profile; refuses an open or unknown one with 400', async () => {
    value(await closeOrder('order-1', 'ada'));
    value(
      await updateCustomerSessionV2(talon, {
        customerSessionId: 'cart-open',
        body: { customerSession: { profileId: 'ada', cartItems: CART } },
      }),
    );
    const linked = value(await track('evt-c', { connectedSessionId: 'order-1' }));
    expect(linked?.advancedEvent?.connectedSessionId).toBe('order-1');
    expect(value(await getEventV3(talon, { integrationId: 'evt-c' })).connectedSessionId).toBe('order-1');
    for (const session of ['cart-open', 'nowhere']) {
      const body = httpErrorBody(await track(`evt-${session}`, { connectedSessionId: session }), 400);
      expect(body.errors[0]?.source.pointer).toBe('/connectedSessionId');
    }
    const missing = await raw(fake, 'POST', '/v3/events', { profileId: 'ada', type: 't' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0].source.pointer).toBe('/integrationId');
  });
});
