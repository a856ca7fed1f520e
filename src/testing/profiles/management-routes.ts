/**
 * The Management API's customer profile reads: one profile by its internal ID, and every profile
 * page by page (`…/no_total`), from the profiles the Integration side keeps.
 */
import type { GetCustomerProfilesValue, GetCustomerProfileValue } from '../../management/endpoints/index.js';
import { notFound, ok } from '../answers.js';
import { page, pathId, QueryReader } from '../query.js';
import type { Call, Route } from '../route.js';
import { profileView } from './views.js';

export const getCustomerProfile: Route = {
  id: 'getCustomerProfile',
  method: 'GET',
  path: '/v1/customers/{customerId}',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const id = pathId(call.path, 'customerId');
    if (typeof id !== 'number') return id;
    const profile = [...call.state.profiles.values()].find((p) => p.id === id);
    if (!profile) return notFound(`Customer profile ${id}`);
    return ok<GetCustomerProfileValue>(200, profileView(profile, call.state));
  },
};

export const getCustomerProfiles: Route = {
  id: 'getCustomerProfiles',
  method: 'GET',
  path: '/v1/customers/no_total',
  auth: 'managementKey',
  flags: ['sandbox'],
  handle(call: Call<undefined>) {
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    if (q.problem) return q.problem;
    const profiles = [...call.state.profiles.values()];
    return ok<GetCustomerProfilesValue>(200, {
      hasMore: skip + pageSize < profiles.length,
      data: page(profiles, skip, pageSize).map((p) => profileView(p, call.state)),
    });
  },
};
