/**
 * How events look in answers: the 26.13 event, the 2021 one (with its ledger entries), and the
 * advanced event of `trackEventV3`/`getEventV3`.
 */
import type { Event, EventV3, LegacyEvent, LegacyLedgerEntry } from '../../models/index.js';
import { ACCOUNT_ID } from '../constants.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Context } from '../route.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import type { FakeEvent } from './types.js';

/** A date far in the future, for points that do not expire. */
const NEVER = '2999-12-31T23:59:59Z';

/** The 2021 ledger entries of an event (a `LegacyEvent` requires them, with `profileId`). */
export function ledgerEntryViews(profile: FakeProfile, event: FakeEvent): LegacyLedgerEntry[] {
  return profile.ledger
    .filter((entry) => entry.sessionId === event.sessionId && entry.created === event.created)
    .map((entry) => ({
      id: entry.id,
      created: entry.created,
      profileId: profile.integrationId,
      accountId: ACCOUNT_ID,
      loyaltyProgramId: entry.programId,
      eventId: event.id,
      amount: entry.amount,
      reason: entry.reason,
      expiryDate: NEVER,
    }));
}

export function eventView(event: FakeEvent, config: ResolvedFakeTalonOptions): Event {
  return {
    id: event.id,
    created: event.created,
    applicationId: config.applicationId,
    ...(event.profileId === undefined ? {} : { profileId: event.profileId }),
    type: event.type,
    attributes: { ...event.attributes },
    ...(event.sessionId === undefined ? {} : { sessionId: event.sessionId }),
    effects: event.effects.map((effect) => ({ ...effect })),
  };
}

export function legacyEventView(
  event: FakeEvent,
  profile: FakeProfile,
  config: ResolvedFakeTalonOptions,
): LegacyEvent {
  const { storeIntegrationId: _s, ledgerEntries: _l, ...rest } = eventView(event, config);
  return { ...rest, ledgerEntries: ledgerEntryViews(profile, event) };
}

/** An advanced event as `getEventV3` (and `advancedEvent` of `trackEventV3`) answers it. */
export function eventV3View(event: FakeEvent, ctx: Context): EventV3 {
  return {
    id: event.id,
    created: event.created,
    applicationId: ctx.config.applicationId,
    ...(event.profileId === undefined ? {} : { profileId: event.profileId }),
    ...(event.storeIntegrationId === undefined ? {} : { storeIntegrationId: event.storeIntegrationId }),
    type: event.type,
    attributes: { ...event.attributes },
    effects: event.effects.map((e) => ({ ...e })),
    ...(event.integrationId === undefined ? {} : { integrationId: event.integrationId }),
    ...(event.connectedSessionId === undefined ? {} : { connectedSessionId: event.connectedSessionId }),
  };
}
