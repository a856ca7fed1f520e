/**
 * Events: every update records one (`recordEvent`), custom events (`trackEventV2`) and advanced
 * events (`trackEventV3`) run the campaigns that apply to them, and advanced events are kept under
 * their own `integrationId`. Of the fake's campaigns only loyalty campaigns apply to events (their
 * `eventPoints`); coupon and referral campaigns need a session's codes.
 */
import { type EffectRecord, effect, eventRuleName } from '../campaigns/rules.js';
import { transactionId } from '../ids.js';
import { earn, earningDates } from '../loyalty/ledgers.js';
import { ensureProfile } from '../profiles/profiles.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Context } from '../route.js';
import type { FakeTalonState } from '../types.js';
import type { FakeEvent } from './types.js';

/** Records an event (every update records one, as the API does). */
export function recordEvent(
  ctx: Context,
  type: string,
  profileId: string | undefined,
  sessionId: string | undefined,
  attributes: Record<string, unknown>,
  effects: EffectRecord[],
): FakeEvent {
  const event: FakeEvent = {
    id: ctx.state.nextId++,
    created: ctx.now,
    type,
    profileId: profileId || undefined,
    sessionId,
    attributes: { ...attributes },
    effects: effects.map((e) => ({ ...e })),
  };
  ctx.state.events.push(event);
  return event;
}

/** What tracking an event did. */
export interface EventOutcome {
  readonly event: FakeEvent;
  readonly profile: FakeProfile;
  readonly effects: EffectRecord[];
  /** IDs of the campaigns whose rules fired. */
  readonly triggered: number[];
}

/** An event to track, in the terms both versions share. */
export interface TrackedEvent {
  readonly type: string;
  readonly profileId: string;
  readonly attributes: Record<string, unknown> | undefined;
  readonly storeIntegrationId: string | undefined;
  /** Only these campaigns run (`evaluableCampaignIds`, honoured with `dry=true`); absent: all. */
  readonly evaluable: readonly number[] | undefined;
  readonly integrationId?: string | undefined;
  readonly connectedSessionId?: string | undefined;
  /** Cards the points of card-based programs go to (`loyaltyCards`). */
  readonly loyaltyCards?: readonly string[] | undefined;
}

/** The first active card of `programId` among the event's `loyaltyCards`. */
function eventCard(ctx: Context, programId: number, identifiers: readonly string[] | undefined) {
  for (const identifier of identifiers ?? []) {
    const card = ctx.state.loyaltyCards.get(identifier);
    if (card && card.programId === programId && card.status === 'active') return card;
  }
  return undefined;
}

/** Runs the campaigns on an event, persists what they did, and records the event. */
export function trackEvent(ctx: Context, tracked: TrackedEvent): EventOutcome {
  const { state, config } = ctx;
  const profile = ensureProfile(ctx, tracked.profileId);
  const effects: EffectRecord[] = [];
  const triggered: number[] = [];
  for (const campaign of config.campaigns) {
    if (campaign.type !== 'loyalty') continue;
    if (tracked.evaluable && !tracked.evaluable.includes(campaign.id)) continue;
    const points = campaign.eventPoints ?? {};
    const value = Object.hasOwn(points, tracked.type) ? (points[tracked.type] ?? 0) : 0;
    if (!(value > 0)) continue;
    // As on closing: a card-based program earns on the named card, a profile-based one on the profile.
    const card = campaign.cardBased ? eventCard(ctx, campaign.programId, tracked.loyaltyCards) : undefined;
    if (campaign.cardBased && !card) continue;
    const ruleName = eventRuleName(tracked.type, value);
    const added = effect(
      campaign,
      'addLoyaltyPoints',
      {
        name: ruleName,
        programId: campaign.programId,
        subLedgerId: campaign.subledgerId ?? '',
        value,
        recipientIntegrationId: profile.integrationId,
        transactionUUID: transactionId(state),
        ...earningDates(campaign, new Date(ctx.now)),
        ...(card ? { cardIdentifier: card.identifier } : {}),
      },
      { ruleIndex: 1, ruleName },
    );
    earn(state, '', added, ctx.now, `${campaign.name} (event ${tracked.type})`);
    effects.push(added);
    triggered.push(campaign.id);
  }
  const event = recordEvent(
    ctx,
    tracked.type,
    profile.integrationId,
    undefined,
    tracked.attributes ?? {},
    effects,
  );
  event.storeIntegrationId = tracked.storeIntegrationId;
  event.integrationId = tracked.integrationId;
  event.connectedSessionId = tracked.connectedSessionId;
  return { event, profile, effects, triggered };
}

/** The advanced event with this `integrationId`, if the fake has one. */
export function findAdvancedEvent(state: FakeTalonState, integrationId: string): FakeEvent | undefined {
  return state.events.find((e) => e.integrationId === integrationId);
}
