/**
 * Audiences: created, renamed and deleted through the integration API; their members are the
 * profiles whose `audiences` list their ID (the existing `updateCustomerProfileAudiences` and
 * `audiencesChanges` of `updateCustomerProfileV2` add and remove them).
 */
import type { Audience, NewAudienceInput } from '../../models/index.js';
import { ACCOUNT_ID, CONFIGURED } from '../constants.js';
import type { FakeProfile } from '../profiles/types.js';
import type { Context } from '../route.js';
import type { FakeTalonState } from '../types.js';
import type { FakeAudience } from './types.js';

/** An audience as the API answers it. */
export function audienceView(audience: FakeAudience): Audience {
  const view: Record<string, unknown> = { accountId: ACCOUNT_ID, created: CONFIGURED };
  for (const [key, value] of Object.entries(audience)) if (value !== undefined) view[key] = value;
  if (audience.subscribedApplicationsIds)
    view.subscribedApplicationsIds = [...audience.subscribedApplicationsIds];
  // Every field of a FakeAudience is a field of the Audience answer, with the same type.
  return view as unknown as Audience;
}

/** The audience of another platform with this `integrationId` (per `integration`), if any. */
export function sameIntegration(state: FakeTalonState, body: NewAudienceInput): FakeAudience | undefined {
  if (body.integrationId === undefined) return undefined;
  return [...state.audiences.values()].find(
    (a) => a.integrationId === body.integrationId && a.integration === body.integration,
  );
}

/** Creates an audience from a `createAudienceV2` body. */
export function createAudience(ctx: Context, body: NewAudienceInput): FakeAudience {
  const { lastUpdate, ...fields } = body;
  const audience: FakeAudience = {
    ...fields,
    id: ctx.state.nextId++,
    created: ctx.now,
    ...(lastUpdate === undefined
      ? {}
      : { lastUpdate: lastUpdate instanceof Date ? lastUpdate.toISOString() : lastUpdate }),
  };
  ctx.state.audiences.set(audience.id, audience);
  return audience;
}

/** The profiles in an audience. */
export function members(state: FakeTalonState, audienceId: number): FakeProfile[] {
  return [...state.profiles.values()].filter((p) => p.audiences.includes(audienceId));
}

/** Removes every profile from an audience. */
export function removeMembers(state: FakeTalonState, audienceId: number): void {
  for (const profile of members(state, audienceId))
    profile.audiences = profile.audiences.filter((id) => id !== audienceId);
}
