/**
 * How the fake's parts see each other: the inventory lists the customer's achievements and
 * loyalty cards, deleting a customer's data unlinks the profile from its cards, and session
 * answers carry the achievements and the returns made before. Calls go through the SDK with response validation on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  apiKey,
  type Client,
  createClient,
  deleteCustomerData,
  generateLoyaltyCard,
  getCustomerInventory,
  getLoyaltyCardBalances,
  linkLoyaltyCardToProfile,
  type Result,
  returnCartItems,
  unlinkLoyaltyCardFromProfile,
  updateCustomerProfileV2,
  updateCustomerSessionV2,
} from '../../src/index.js';
import {
  createFakeTalon,
  FAKE_ACHIEVEMENT_ID,
  FAKE_API_KEY,
  FAKE_LOYALTY_CAMPAIGN_ID,
  FAKE_LOYALTY_CARD_PROGRAM_ID,
  FAKE_LOYALTY_PROGRAM_ID,
  type FakeTalon,
} from '../../src/testing/index.js';

const BASE = 'https://fake.talon.one';
const CARDS = FAKE_LOYALTY_CARD_PROGRAM_ID;
const CART = [
  { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: 2, price: 24.5 },
  { name: 'Grinder', sku: 'GRIND-1', quantity: 1, price: 89 },
]; // 138.00

let clock: Date;
let fake: FakeTalon;
let talon: Client<'apiKey'>;

beforeEach(() => {
  clock = new Date('2026-06-01T10:00:00Z');
  fake = createFakeTalon({ now: () => clock });
  talon = createClient({ baseUrl: BASE, auth: apiKey(FAKE_API_KEY), fetch: fake.fetch, retry: false });
});

function value<T>(result: Result<T, { message: string }>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

function close(id: string, profileId: string, extra: Record<string, unknown> = {}) {
  clock = new Date(clock.getTime() + 60_000);
  return updateCustomerSessionV2(talon, {
    customerSessionId: id,
    body: { customerSession: { profileId, cartItems: CART, state: 'closed', ...extra } },
  });
}

const inventory = (integrationId: string) =>
  getCustomerInventory(talon, { integrationId, loyalty: true, achievements: true });

const card = (loyaltyCardId: string) => ({ loyaltyProgramId: CARDS, loyaltyCardId });

describe('the inventory', () => {
  it('lists the achievements the customer has made progress in, with the progress', async () => {
    value(await updateCustomerProfileV2(talon, { integrationId: 'bob', body: {} }));
    expect(value(await inventory('bob')).achievements).toEqual([]);

    value(await close('o-1', 'ada'));
    const started = clock.toISOString();
    value(await close('o-2', 'ada'));
    expect(value(await inventory('ada')).achievements).toEqual([
      {
        status: 'inprogress',
        progress: 2,
        startDate: started,
        achievementId: FAKE_ACHIEVEMENT_ID,
        name: 'ThreeOrders',
        title: '3 closed orders',
        description: 'Close three orders',
        campaignId: FAKE_LOYALTY_CAMPAIGN_ID,
        target: 3,
        achievementRecurrencePolicy: 'no_recurrence',
        achievementActivationPolicy: 'user_action',
        achievementAllowRollbackAfterCompletion: false,
      },
    ]);
    value(await close('o-3', 'ada'));
    expect(value(await inventory('ada')).achievements?.[0]).toMatchObject({
      status: 'completed',
      progress: 3,
      completionDate: clock.toISOString(),
    });
    // Only when asked for.
    const bare = value(await getCustomerInventory(talon, { integrationId: 'ada', loyalty: true }));
    expect(bare.achievements).toBeUndefined();
  });

  it("lists the customer's loyalty cards with their balances, next to the program ledgers", async () => {
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-ADA-1', customerProfileIds: ['ada'] },
      }),
    );
    value(
      await generateLoyaltyCard(talon, { loyaltyProgramId: CARDS, body: { cardIdentifier: 'CARD-BOB-1' } }),
    );
    value(await close('o-1', 'ada', { loyaltyCards: ['CARD-ADA-1'] }));

    const loyalty = value(await inventory('ada')).loyalty;
    expect(loyalty?.programs[String(FAKE_LOYALTY_PROGRAM_ID)]?.ledger.currentBalance).toBe(138);
    expect(loyalty?.cards).toHaveLength(1);
    expect(loyalty?.cards?.[0]).toMatchObject({
      identifier: 'CARD-ADA-1',
      programID: CARDS,
      status: 'active',
      profiles: [{ integrationId: 'ada' }],
      ledger: { currentBalance: 138 },
    });

    value(await linkLoyaltyCardToProfile(talon, { ...card('CARD-BOB-1'), body: { integrationId: 'ada' } }));
    expect(value(await inventory('ada')).loyalty?.cards?.map((c) => c.identifier)).toEqual([
      'CARD-ADA-1',
      'CARD-BOB-1',
    ]);
    value(
      await unlinkLoyaltyCardFromProfile(talon, { ...card('CARD-ADA-1'), body: { integrationId: 'ada' } }),
    );
    expect(value(await inventory('ada')).loyalty?.cards?.map((c) => c.identifier)).toEqual(['CARD-BOB-1']);
  });
});

describe('deleteCustomerData', () => {
  it('unlinks the deleted profile from its loyalty cards, which keep their points and other profiles', async () => {
    value(
      await generateLoyaltyCard(talon, {
        loyaltyProgramId: CARDS,
        body: { cardIdentifier: 'CARD-SHARED', customerProfileIds: ['ada', 'bob'] },
      }),
    );
    value(await close('o-1', 'ada', { loyaltyCards: ['CARD-SHARED'] }));
    value(await deleteCustomerData(talon, { integrationId: 'ada' }));

    expect(fake.state.loyaltyCards.get('CARD-SHARED')?.profiles.map((p) => p.integrationId)).toEqual(['bob']);
    const balances = value(await getLoyaltyCardBalances(talon, card('CARD-SHARED')));
    expect(balances.profiles?.map((p) => p.integrationId)).toEqual(['bob']);
    expect(balances.balance?.activePoints).toBe(138);
    expect(value(await inventory('bob')).loyalty?.cards?.map((c) => c.identifier)).toEqual(['CARD-SHARED']);
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
