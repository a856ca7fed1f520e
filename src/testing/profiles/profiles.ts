/**
 * Customer profiles: created on first sight as the API does (`ensureProfile`), and the stand-in
 * profile of anonymous sessions in 2021 answers.
 */
import type { Context } from '../route.js';
import type { FakeProfile } from './types.js';

function newProfile(id: number, integrationId: string, now: string): FakeProfile {
  return {
    id,
    integrationId,
    created: now,
    lastActivity: now,
    attributes: {},
    closedSessions: 0,
    totalSales: 0,
    audiences: [],
    points: {},
    ledger: [],
    joined: {},
  };
}

/** Finds a profile, creating it on first sight as the API does. */
export function ensureProfile(ctx: Context, integrationId: string): FakeProfile {
  const { state, now } = ctx;
  let profile = state.profiles.get(integrationId);
  if (!profile) {
    profile = newProfile(state.nextId++, integrationId, now);
    state.profiles.set(integrationId, profile);
  }
  profile.lastActivity = now;
  return profile;
}

/** A stand-in for anonymous sessions, whose answers still need a profile (2021 API). */
export function anonymousProfile(now: string): FakeProfile {
  return newProfile(0, '', now);
}
