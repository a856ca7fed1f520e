/**
 * The Management API's session reads: one customer session of the fake's Application by its
 * internal ID, and the sessions page by page with the listing's filters (profile, state,
 * integrationId, coupon, referral, store), from the sessions the Integration side keeps.
 */
import type {
  GetApplicationSessionsValue,
  GetApplicationSessionValue,
} from '../../management/endpoints/index.js';
import type { ApplicationSession } from '../../management/models/types.js';
import { notFound, ok } from '../answers.js';
import { cents } from '../money.js';
import { otherApplication, page, pathId, QueryReader } from '../query.js';
import type { Call, Route } from '../route.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import type { FakeSession } from './types.js';
import { cartItemView, sessionTotals } from './views.js';

/** A session as the Management API shows it: its coupon and referral, and the discounts closing gave. */
function applicationSessionView(
  session: FakeSession,
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
): ApplicationSession {
  const discounts: Record<string, number> = {};
  for (const d of session.closed?.discounts ?? [])
    discounts[d.name] = cents((discounts[d.name] ?? 0) + d.value);
  const profile = state.profiles.get(session.profileId);
  return {
    id: session.id,
    created: session.created,
    integrationId: session.integrationId,
    applicationId: config.applicationId,
    ...(profile ? { profileId: profile.id } : {}),
    profileintegrationid: session.profileId,
    ...(session.storeIntegrationId === undefined ? {} : { storeIntegrationId: session.storeIntegrationId }),
    coupon: session.couponCodes.join(','),
    referral: session.referralCode ?? '',
    state: session.state,
    cartItems: session.cartItems.map(cartItemView),
    discounts,
    totalDiscounts: cents(Object.values(discounts).reduce((sum, value) => sum + value, 0)),
    total: sessionTotals(session).total,
    attributes: { ...session.attributes },
  };
}

export const getApplicationSession: Route = {
  id: 'getApplicationSession',
  method: 'GET',
  path: '/v1/applications/{applicationId}/sessions/{sessionId}',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const refused = otherApplication(call.path, call.config.applicationId);
    if (refused) return refused;
    const id = pathId(call.path, 'sessionId');
    if (typeof id !== 'number') return id;
    const session = [...call.state.sessions.values()].find((s) => s.id === id);
    if (!session) return notFound(`Customer session ${id}`);
    return ok<GetApplicationSessionValue>(200, applicationSessionView(session, call.state, call.config));
  },
};

export const getApplicationSessions: Route = {
  id: 'getApplicationSessions',
  method: 'GET',
  path: '/v1/applications/{applicationId}/sessions',
  auth: 'managementKey',
  handle(call: Call<undefined>) {
    const refused = otherApplication(call.path, call.config.applicationId);
    if (refused) return refused;
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    if (q.problem) return q.problem;
    const get = (name: string) => call.query.get(name) ?? undefined;
    const [profile, state, integrationId, coupon, referral, store] = [
      'profile',
      'state',
      'integrationId',
      'coupon',
      'referral',
      'storeIntegrationId',
    ].map(get);
    const sessions = [...call.state.sessions.values()].filter(
      (s) =>
        (profile === undefined || s.profileId === profile) &&
        (state === undefined || s.state === state) &&
        (integrationId === undefined || s.integrationId === integrationId) &&
        (coupon === undefined || s.couponCodes.some((c) => c.toLowerCase() === coupon.toLowerCase())) &&
        (referral === undefined || s.referralCode === referral) &&
        (store === undefined || s.storeIntegrationId === store),
    );
    return ok<GetApplicationSessionsValue>(200, {
      hasMore: skip + pageSize < sessions.length,
      data: page(sessions, skip, pageSize).map((s) => applicationSessionView(s, call.state, call.config)),
    });
  },
};
