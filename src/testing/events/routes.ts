/**
 * The event operations: custom events (`trackEventV2`), advanced events (`trackEventV3`, `getEventV3`)
 * and the 2021 `trackEvent`.
 */
import type * as v from 'valibot';
import type {
  GetEventV3Value,
  TrackEventV2Value,
  TrackEventV3Value,
  TrackEventValue,
} from '../../endpoints/index.js';
import type { IntegrationResponse } from '../../models/index.js';
import {
  IntegrationEventV2RequestInputSchema,
  IntegrationEventV3RequestInputSchema,
  NewEventInputSchema,
} from '../../models/schemas.js';
import { type Answer, fail, notFound, ok } from '../answers.js';
import { customerAchievementViews } from '../campaigns/achievements.js';
import { campaignView } from '../campaigns/views.js';
import { loyaltyView } from '../loyalty/views.js';
import { anonymousProfile, ensureProfile } from '../profiles/profiles.js';
import { legacyProfileView, profileView } from '../profiles/views.js';
import { type Body, type Call, type Context, isDry, type Route } from '../route.js';
import { openSession } from '../sessions/sessions.js';
import { legacySessionView } from '../sessions/views.js';
import {
  type EventOutcome,
  findAdvancedEvent,
  recordEvent,
  type TrackedEvent,
  trackEvent as track,
} from './events.js';
import { eventV3View, eventView, legacyEventView } from './views.js';

/** `forceCompleteEvaluation` works only with `dry=true`, as the API documents. */
function forceWithoutDry(query: URLSearchParams): Answer | undefined {
  if (query.get('forceCompleteEvaluation') !== 'true' || isDry(query)) return undefined;
  return fail(400, 'Query parameter forceCompleteEvaluation requires dry=true', [
    { title: 'Invalid query parameter', parameter: 'forceCompleteEvaluation' },
  ]);
}

/** The parts of an event answer that both versions share, as `responseContent` asks for them. */
function eventAnswer(call: Context, outcome: EventOutcome, content: readonly string[] | undefined) {
  const { state, config } = call;
  const wants = (part: string) => content?.includes(part) ?? false;
  const { profile } = outcome;
  const triggered = outcome.triggered.flatMap((id) => {
    const campaign = config.campaigns.find((c) => c.id === id);
    return campaign ? [campaignView(campaign, config)] : [];
  });
  const body: IntegrationResponse = { effects: outcome.effects, createdCoupons: [], createdReferrals: [] };
  if (wants('customerProfile')) body.customerProfile = profileView(profile, state);
  if (wants('triggeredCampaigns')) body.triggeredCampaigns = triggered;
  if (wants('loyalty')) body.loyalty = loyaltyView(profile, config);
  if (wants('awardedGiveaways')) body.awardedGiveaways = [];
  if (wants('ruleFailureReasons')) body.ruleFailureReasons = [];
  if (wants('campaignEligibility')) body.campaignEligibility = [];
  if (wants('achievements'))
    body.achievements = customerAchievementViews(state, config, profile.integrationId);
  return body;
}

/** What both versions' event bodies share. */
interface EventBody {
  readonly type: string;
  readonly profileId?: string | undefined;
  readonly attributes?: Record<string, unknown> | undefined;
  readonly storeIntegrationId?: string | undefined;
  readonly evaluableCampaignIds?: number[] | undefined;
  readonly loyaltyCards?: string[] | undefined;
  readonly responseContent?: readonly string[] | undefined;
}

/**
 * An event operation: refuses what `check` refuses, tracks the event (honouring `dry`, `silent`
 * and `evaluableCampaignIds` with `dry=true`), then lets `finish` add its own answer parts.
 */
function eventRoute<B extends EventBody>(
  id: 'trackEventV2' | 'trackEventV3',
  path: string,
  schema: v.GenericSchema,
  hooks: {
    check: (call: Call<B>) => Answer | undefined;
    extra?: (body: B) => Partial<TrackedEvent>;
    finish: (call: Call<B>, answer: IntegrationResponse, outcome: EventOutcome) => Answer;
  },
): Route {
  return {
    id,
    method: 'POST',
    path,
    body: schema,
    apiKeyOnly: true,
    flags: ['dry', 'forceCompleteEvaluation'],
    silent: true,
    dry: isDry,
    handle(call: Call<B>) {
      const refused = forceWithoutDry(call.query) ?? hooks.check(call);
      if (refused) return refused;
      const { body } = call;
      const outcome = track(call, {
        type: body.type,
        profileId: body.profileId ?? '',
        attributes: body.attributes,
        storeIntegrationId: body.storeIntegrationId,
        evaluable: isDry(call.query) ? body.evaluableCampaignIds : undefined,
        loyaltyCards: body.loyaltyCards,
        ...hooks.extra?.(body),
      });
      if (call.query.get('silent') !== 'no') return { status: 204 };
      return hooks.finish(call, eventAnswer(call, outcome, body.responseContent), outcome);
    },
  };
}

type V2Body = Body<typeof IntegrationEventV2RequestInputSchema>;

type V3Body = Body<typeof IntegrationEventV3RequestInputSchema>;

export const trackEventV2 = eventRoute<V2Body>(
  'trackEventV2',
  '/v2/events',
  IntegrationEventV2RequestInputSchema,
  {
    // The API documents profileId as required although the schema leaves it optional.
    check: ({ body }) =>
      body.profileId
        ? undefined
        : fail(400, 'profileId is required to track an event', [
            { title: 'Missing profileId', pointer: '/profileId' },
          ]),
    finish(call, answer: TrackEventV2Value & object, { event }) {
      if (call.body.responseContent?.includes('event'))
        answer.event = {
          ...eventView(event, call.config),
          ...(event.storeIntegrationId === undefined ? {} : { storeIntegrationId: event.storeIntegrationId }),
        };
      return ok<TrackEventV2Value>(200, answer);
    },
  },
);

export const trackEventV3 = eventRoute<V3Body>(
  'trackEventV3',
  '/v3/events',
  IntegrationEventV3RequestInputSchema,
  {
    check({ body, state }) {
      if (findAdvancedEvent(state, body.integrationId))
        return fail(
          409,
          `An advanced event with the integrationId ${JSON.stringify(body.integrationId)} exists already`,
          [{ title: 'Advanced event exists', pointer: '/integrationId' }],
        );
      if (body.connectedSessionId === undefined) return undefined;
      const session = state.sessions.get(body.connectedSessionId);
      if (session?.state === 'closed' && (!session.profileId || session.profileId === body.profileId))
        return undefined;
      return fail(
        400,
        `connectedSessionId must name a closed session of the profile ${JSON.stringify(body.profileId)}`,
        [{ title: 'Invalid connected session', pointer: '/connectedSessionId' }],
      );
    },
    extra: (body) => ({ integrationId: body.integrationId, connectedSessionId: body.connectedSessionId }),
    finish(call, answer: TrackEventV3Value & object, { event }) {
      if (call.body.responseContent?.includes('advancedEvent'))
        answer.advancedEvent = eventV3View(event, call);
      return ok<TrackEventV3Value>(200, answer);
    },
  },
);

export const getEventV3: Route = {
  id: 'getEventV3',
  method: 'GET',
  path: '/v3/events/{integrationId}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const id = call.path.integrationId!;
    const event = findAdvancedEvent(call.state, id);
    if (!event) return notFound(`Advanced event ${JSON.stringify(id)}`);
    return ok<GetEventV3Value>(200, eventV3View(event, call));
  },
};

export const trackEvent: Route = {
  id: 'trackEvent',
  method: 'POST',
  path: '/v1/events',
  body: NewEventInputSchema,
  dry: isDry,
  handle(call: Call<Body<typeof NewEventInputSchema>>) {
    const { body, state, config, now } = call;
    const session = openSession(call, body.sessionId, body.profileId);
    if ('status' in session) return session;
    const owner = session.profileId;
    const profile = owner ? ensureProfile(call, owner) : anonymousProfile(now);
    const event = recordEvent(call, body.type, owner, body.sessionId, body.attributes, []);
    return ok<TrackEventValue>(201, {
      session: legacySessionView(session, config, {}),
      profile: legacyProfileView(profile, state),
      event: legacyEventView(event, profile, config),
    });
  },
};
