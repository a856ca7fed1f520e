/**
 * How profiles look in answers (26.13 and 2021).
 */
import type { CustomerProfile, LegacyCustomerProfile } from '../../models/index.js';
import { ACCOUNT_ID } from '../constants.js';
import { cents } from '../money.js';
import type { FakeTalonState } from '../types.js';
import type { FakeProfile } from './types.js';

export function profileView(profile: FakeProfile, state: FakeTalonState): CustomerProfile {
  return {
    id: profile.id,
    created: profile.created,
    integrationId: profile.integrationId,
    attributes: { ...profile.attributes },
    accountId: ACCOUNT_ID,
    closedSessions: profile.closedSessions,
    totalSales: cents(profile.totalSales),
    loyaltyMemberships: Object.keys(profile.points).map((id) => ({ loyaltyProgramId: Number(id) })),
    audienceMemberships: profile.audiences.map((id) => ({
      id,
      name: state.audiences.get(id)?.name ?? `Audience ${id}`,
    })),
    lastActivity: profile.lastActivity,
  };
}

export function legacyProfileView(profile: FakeProfile, state: FakeTalonState): LegacyCustomerProfile {
  const { id: _id, sandbox: _sandbox, ...rest } = profileView(profile, state);
  // The 2021 profile requires `attributes` (26.13 made it optional).
  return { ...rest, attributes: { ...profile.attributes } };
}
