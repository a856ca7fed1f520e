/**
 * Customer sessions, shared by `updateCustomerSessionV2`, the 2021 `updateCustomerSession` and
 * `trackEvent`: created on first sight, owned by one profile, updated PUT-style (a field left
 * out keeps its value), closed (points, redemptions) and cancelled (rollbacks).
 */
import type { CartItemInput, LegacyCartItemInput } from '../../models/index.js';
import { type Answer, fail } from '../answers.js';
import { applyClose, type Evaluation, evaluate, rollbackClose } from '../campaigns/engine.js';
import type { EffectRecord } from '../campaigns/rules.js';
import { recordEvent } from '../events/events.js';
import type { FakeEvent } from '../events/types.js';
import { ensureProfile } from '../profiles/profiles.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Context } from '../route.js';
import type { FakeCartItem, FakeSession } from './types.js';

/** The placeholder session of a 2021 answer that concerns no session (a profile update). */
export function emptySession(profileId: string, now: string): FakeSession {
  return {
    id: 0,
    integrationId: '',
    profileId,
    created: now,
    updated: now,
    state: 'open',
    cartItems: [],
    couponCodes: [],
    referralCode: undefined,
    attributes: {},
    additionalCosts: {},
    identifiers: [],
    storeIntegrationId: undefined,
    declaredTotal: undefined,
    firstSession: false,
    updateCount: 0,
    closed: undefined,
    loyaltyCards: [],
    returns: [],
  };
}

/** A cart item of a request (either API version), as the SDK's request schema output it. */
export type CartItemUpdate = CartItemInput | LegacyCartItemInput;

/** A session update in the terms both API versions share. Absent fields keep their value. */
export interface SessionUpdate {
  readonly profileId?: string | undefined;
  readonly state?: FakeSession['state'] | undefined;
  readonly cartItems?: readonly CartItemUpdate[] | undefined;
  readonly couponCodes?: readonly string[] | undefined;
  readonly referralCode?: string | undefined;
  readonly attributes?: Record<string, unknown> | undefined;
  readonly additionalCosts?: Record<string, { price: number }> | undefined;
  readonly identifiers?: readonly string[] | undefined;
  readonly storeIntegrationId?: string | undefined;
  readonly loyaltyCards?: readonly string[] | undefined;
  readonly declaredTotal?: number | undefined;
}

/** What an update did. */
export interface SessionOutcome {
  readonly session: FakeSession;
  readonly profile: FakeProfile | undefined;
  readonly effects: EffectRecord[];
  readonly evaluation: Evaluation | undefined;
  readonly event: FakeEvent;
}

/** Finds or creates a session for `profileId`, refusing one that another profile owns. */
export function openSession(
  ctx: Context,
  integrationId: string,
  profileId: string | undefined,
): FakeSession | Answer {
  const { state, now } = ctx;
  const existing = state.sessions.get(integrationId);
  if (existing) {
    if (profileId && existing.profileId && existing.profileId !== profileId)
      return fail(
        400,
        `The customer session ${JSON.stringify(integrationId)} belongs to another customer profile`,
        [{ title: 'Session belongs to another profile', pointer: '/profileId' }],
      );
    if (profileId && !existing.profileId) existing.profileId = profileId;
    return existing;
  }
  const owner = profileId ?? '';
  let firstSession = true;
  if (owner) for (const s of state.sessions.values()) if (s.profileId === owner) firstSession = false;
  const session: FakeSession = {
    ...emptySession(owner, now),
    id: state.nextId++,
    integrationId,
    firstSession,
  };
  state.sessions.set(integrationId, session);
  return session;
}

/**
 * Applies one update to a session and runs the campaigns. Answers a 400 for a session of another
 * profile and for state changes the API refuses (changing a closed or cancelled session, setting
 * `partially_returned` by an update).
 */
export function updateSession(
  ctx: Context,
  integrationId: string,
  update: SessionUpdate,
  when: Date,
  eventType: string,
): SessionOutcome | Answer {
  const { state, config, now } = ctx;
  const before = state.sessions.get(integrationId);
  const target = update.state;
  if (target === 'partially_returned')
    return fail(400, 'A session becomes partially_returned by returning cart items, not by an update', [
      { title: 'Invalid state transition', pointer: '/state' },
    ]);
  if (before?.state === 'cancelled')
    return fail(400, `The customer session ${JSON.stringify(integrationId)} is cancelled and cannot change`, [
      { title: 'Invalid state transition', pointer: '/state' },
    ]);
  if ((before?.state === 'closed' || before?.state === 'partially_returned') && target !== 'cancelled')
    return fail(
      400,
      `The customer session ${JSON.stringify(integrationId)} is ${before.state}: the only change allowed is state cancelled`,
      [{ title: 'Invalid state transition', pointer: '/state' }],
    );
  const opened = openSession(ctx, integrationId, update.profileId);
  if ('status' in opened) return opened;
  const session = opened;
  const profile = session.profileId ? ensureProfile(ctx, session.profileId) : undefined;
  session.updateCount++;
  session.updated = now;

  let effects: EffectRecord[];
  let evaluation: Evaluation | undefined;
  if (session.state === 'closed' || session.state === 'partially_returned') {
    // closed → cancelled: roll back what closing did.
    effects = rollbackClose(state, config, session, profile, now);
    session.state = 'cancelled';
  } else {
    if (update.cartItems !== undefined)
      session.cartItems = update.cartItems.map((item, position) => ({ ...item, position }) as FakeCartItem);
    if (update.couponCodes !== undefined) session.couponCodes = [...update.couponCodes];
    if (update.referralCode !== undefined) session.referralCode = update.referralCode || undefined;
    if (update.attributes !== undefined) session.attributes = { ...session.attributes, ...update.attributes };
    if (update.additionalCosts !== undefined) session.additionalCosts = { ...update.additionalCosts };
    if (update.identifiers !== undefined) session.identifiers = [...update.identifiers];
    if (update.storeIntegrationId !== undefined) session.storeIntegrationId = update.storeIntegrationId;
    if (update.loyaltyCards !== undefined) session.loyaltyCards = [...update.loyaltyCards];
    if (update.declaredTotal !== undefined) session.declaredTotal = update.declaredTotal;
    if (target === 'cancelled') {
      effects = [];
      session.state = 'cancelled';
    } else {
      const closing = target === 'closed';
      evaluation = evaluate(state, config, session, closing, when);
      effects = evaluation.effects;
      if (closing) {
        applyClose(state, config, session, profile, evaluation, now);
        session.state = 'closed';
      }
    }
  }
  const event = recordEvent(ctx, eventType, session.profileId, integrationId, {}, effects);
  return { session, profile, effects, evaluation, event };
}
