/**
 * The audience operations: creating, renaming and deleting audiences, their memberships and their
 * members' attributes.
 */
import type * as v from 'valibot';
import type { CreateAudienceV2Value, UpdateAudienceV2Value } from '../../endpoints/index.js';
import {
  AttributeQueryInputSchema,
  CustomerProfileAudienceRequestInputSchema,
  NewAudienceInputSchema,
  UpdateAudienceInputSchema,
} from '../../models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { ensureProfile } from '../profiles/profiles.js';
import { pathId } from '../query.js';
import type { Body, Call, OperationId, Route } from '../route.js';
import { audienceView, createAudience, members, removeMembers, sameIntegration } from './audiences.js';
import type { FakeAudience } from './types.js';

/**
 * An operation on the audience its path names (`audienceId`): a 400 for an ID that is not a
 * number, a 404 for an audience that does not exist, else what `act` answers.
 */
function audienceRoute<B>(
  id: OperationId,
  method: 'PUT' | 'DELETE',
  path: string,
  schema: v.GenericSchema | undefined,
  act: (call: Call<B>, audience: FakeAudience) => Answer,
): Route {
  return {
    id,
    method,
    path,
    ...(schema ? { body: schema } : {}),
    apiKeyOnly: true,
    handle(call: Call<B>) {
      const audienceId = pathId(call.path, 'audienceId');
      if (typeof audienceId !== 'number') return audienceId;
      const audience = call.state.audiences.get(audienceId);
      return audience ? act(call, audience) : notFound(`Audience ${audienceId}`);
    },
  };
}

export const createAudienceV2: Route = {
  id: 'createAudienceV2',
  method: 'POST',
  path: '/v2/audiences',
  body: NewAudienceInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof NewAudienceInputSchema>>) {
    if (sameIntegration(call.state, call.body))
      return fail(
        409,
        `An audience with the integrationId ${JSON.stringify(call.body.integrationId)} exists already`,
        [{ title: 'Audience exists', pointer: '/integrationId' }],
      );
    return ok<CreateAudienceV2Value>(201, audienceView(createAudience(call, call.body)));
  },
};

export const updateAudienceV2 = audienceRoute<Body<typeof UpdateAudienceInputSchema>>(
  'updateAudienceV2',
  'PUT',
  '/v2/audiences/{audienceId}',
  UpdateAudienceInputSchema,
  (call, audience) => {
    const { name, subscribedApplicationsIds } = call.body;
    const renamed: FakeAudience = {
      ...audience,
      name,
      ...(subscribedApplicationsIds ? { subscribedApplicationsIds: [...subscribedApplicationsIds] } : {}),
    };
    call.state.audiences.set(audience.id, renamed);
    return ok<UpdateAudienceV2Value>(200, audienceView(renamed));
  },
);

export const deleteAudienceV2 = audienceRoute(
  'deleteAudienceV2',
  'DELETE',
  '/v2/audiences/{audienceId}',
  undefined,
  (call, audience) => {
    removeMembers(call.state, audience.id);
    call.state.audiences.delete(audience.id);
    return { status: 204 };
  },
);

export const deleteAudienceMembershipsV2 = audienceRoute(
  'deleteAudienceMembershipsV2',
  'DELETE',
  '/v2/audiences/{audienceId}/memberships',
  undefined,
  (call, audience) => {
    removeMembers(call.state, audience.id);
    return { status: 204 };
  },
);

export const updateAudienceCustomersAttributes = audienceRoute<Body<typeof AttributeQueryInputSchema>>(
  'updateAudienceCustomersAttributes',
  'PUT',
  '/v2/audience_customers/{audienceId}/attributes',
  AttributeQueryInputSchema,
  (call, audience) => {
    for (const profile of members(call.state, audience.id))
      profile.attributes = { ...profile.attributes, ...call.body };
    return { status: 204 };
  },
);

export const updateCustomerProfileAudiences: Route = {
  id: 'updateCustomerProfileAudiences',
  method: 'POST',
  path: '/v2/customer_audiences',
  body: CustomerProfileAudienceRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof CustomerProfileAudienceRequestInputSchema>>) {
    const items = call.body.data ?? [];
    const unknown = items.find((item) => !call.state.audiences.has(item.audienceId));
    if (unknown) return notFound(`Audience ${unknown.audienceId}`);
    for (const item of items) {
      const profile = ensureProfile(call, item.profileIntegrationId);
      const rest = profile.audiences.filter((id) => id !== item.audienceId);
      profile.audiences = item.action === 'add' ? [...rest, item.audienceId] : rest;
    }
    return { status: 204 };
  },
};
