/**
 * The fake's event, audience, campaign-listing, achievement and catalog operations, one handler
 * each, with the SDK's request schemas for their bodies (see operations.ts for the others).
 */
import type * as v from 'valibot';
import type {
  BestPriorPriceValue,
  CreateAudienceV2Value,
  GetCustomerAchievementHistoryValue,
  GetCustomerAchievementsValue,
  GetEventV3Value,
  IntegrationGetAllCampaignsValue,
  SyncCatalogValue,
  TrackEventV2Value,
  TrackEventV3Value,
  UpdateAudienceV2Value,
} from '../endpoints/index.js';
import type { IntegrationResponse } from '../models/index.js';
import {
  AttributeQueryInputSchema,
  BestPriorPriceRequestInputSchema,
  CatalogSyncRequestInputSchema,
  IntegrationEventV2RequestInputSchema,
  IntegrationEventV3RequestInputSchema,
  NewAudienceInputSchema,
  UpdateAudienceInputSchema,
} from '../models/schemas.js';
import {
  achievementStatusView,
  checkAchievements,
  currentProgress,
  customerAchievementViews,
  isScheduled,
  progressRecords,
} from './achievements.js';
import { type Answer, fail, notFound, ok } from './answers.js';
import { audienceView, createAudience, members, removeMembers, sameIntegration } from './audiences.js';
import { checkSchedules, integrationCampaignView, runningCampaigns } from './campaigns.js';
import { bestPriorPrices, catalogView, checkCatalogs, syncCatalog } from './catalog.js';
import {
  type EventOutcome,
  eventV3View,
  findAdvancedEvent,
  type TrackedEvent,
  trackEvent,
} from './events.js';
import type { Call, Route } from './operations.js';
import { page, pathId, QueryReader } from './query.js';
import type { Context } from './sessions.js';
import type { FakeAudience, ResolvedFakeTalonOptions } from './types.js';
import { campaignView, eventView, loyaltyView, profileView } from './views.js';

type Body<S extends v.GenericSchema> = v.InferOutput<S>;

const isDry = (query: URLSearchParams) => query.get('dry') === 'true';

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
      const outcome = trackEvent(call, {
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

const trackEventV2 = eventRoute<V2Body>('trackEventV2', '/v2/events', IntegrationEventV2RequestInputSchema, {
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
});

const trackEventV3 = eventRoute<V3Body>('trackEventV3', '/v3/events', IntegrationEventV3RequestInputSchema, {
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
    if (call.body.responseContent?.includes('advancedEvent')) answer.advancedEvent = eventV3View(event, call);
    return ok<TrackEventV3Value>(200, answer);
  },
});

const getEventV3: Route = {
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

/**
 * An operation on the audience its path names (`audienceId`): a 400 for an ID that is not a
 * number, a 404 for an audience that does not exist, else what `act` answers.
 */
function audienceRoute<B>(
  id: string,
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

const createAudienceV2: Route = {
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

const updateAudienceV2 = audienceRoute<Body<typeof UpdateAudienceInputSchema>>(
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

const deleteAudienceV2 = audienceRoute(
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

const deleteAudienceMembershipsV2 = audienceRoute(
  'deleteAudienceMembershipsV2',
  'DELETE',
  '/v2/audiences/{audienceId}/memberships',
  undefined,
  (call, audience) => {
    removeMembers(call.state, audience.id);
    return { status: 204 };
  },
);

const updateAudienceCustomersAttributes = audienceRoute<Body<typeof AttributeQueryInputSchema>>(
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

const integrationGetAllCampaigns: Route = {
  id: 'integrationGetAllCampaigns',
  method: 'GET',
  path: '/v1/integration/campaigns',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const q = new QueryReader(call.query);
    const pageSize = q.int('pageSize', 1, 1000) ?? 50;
    const skip = q.int('skip', 0) ?? 0;
    const filter = {
      ids: q.ids('campaignIds'),
      startAfter: q.date('startAfter'),
      startBefore: q.date('startBefore'),
      endAfter: q.date('endAfter'),
      endBefore: q.date('endBefore'),
      storeId: q.int('storeId', Number.MIN_SAFE_INTEGER),
      audienceId: q.int('audienceId', Number.MIN_SAFE_INTEGER),
    };
    if (q.problem) return q.problem;
    const all = runningCampaigns(call.config, Date.parse(call.now), filter);
    return ok<IntegrationGetAllCampaignsValue>(200, {
      hasMore: skip + pageSize < all.length,
      data: page(all, skip, pageSize).map((c) => integrationCampaignView(c, call.config)),
    });
  },
};

const getCustomerAchievements: Route = {
  id: 'getCustomerAchievements',
  method: 'GET',
  path: '/v1/customer_profiles/{integrationId}/achievements',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const q = new QueryReader(call.query);
    const campaignIds = q.ids('campaignIds');
    const achievementIds = q.ids('achievementIds');
    const statuses = q.picks('achievementStatus', ['active', 'scheduled'] as const) ?? ['active'];
    const progress = q.picks('currentProgressStatus', ['inprogress', 'completed', 'not_started'] as const);
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    if (q.problem) return q.problem;
    const id = call.path.integrationId!;
    if (!call.state.profiles.has(id)) return notFound(`Customer profile ${JSON.stringify(id)}`);
    const entries = call.config.achievements
      .filter(
        (a) =>
          (campaignIds === undefined || campaignIds.includes(a.campaignId)) &&
          (achievementIds === undefined || achievementIds.includes(a.id)) &&
          statuses.includes(isScheduled(a, call.now) ? 'scheduled' : 'active'),
      )
      .map((a) => achievementStatusView(a, progressRecords(call.state, id, a), call.now))
      .filter((entry) => progress === undefined || progress.some((p) => p === entry.currentProgress?.status));
    return ok<GetCustomerAchievementsValue>(200, {
      totalResultSize: entries.length,
      data: page(entries, skip, pageSize),
    });
  },
};

const getCustomerAchievementHistory: Route = {
  id: 'getCustomerAchievementHistory',
  method: 'GET',
  path: '/v1/customer_profiles/{integrationId}/achievements/{achievementId}',
  apiKeyOnly: true,
  handle(call: Call<undefined>) {
    const achievementId = pathId(call.path, 'achievementId');
    if (typeof achievementId !== 'number') return achievementId;
    const q = new QueryReader(call.query);
    const statuses = q.picks('progressStatus', ['inprogress', 'completed', 'expired'] as const);
    const from = q.date('startDate') ?? -Infinity;
    const to = q.date('endDate') ?? Infinity;
    const pageSize = q.int('pageSize', 1, 1000) ?? 1000;
    const skip = q.int('skip', 0) ?? 0;
    if (q.problem) return q.problem;
    const id = call.path.integrationId!;
    if (!call.state.profiles.has(id)) return notFound(`Customer profile ${JSON.stringify(id)}`);
    const achievement = call.config.achievements.find((a) => a.id === achievementId);
    if (!achievement) return notFound(`Achievement ${achievementId}`);
    const records = progressRecords(call.state, id, achievement).filter((r) => {
      const started = Date.parse(r.startDate);
      return (
        (statuses === undefined || statuses.some((s) => s === r.status)) && started >= from && started <= to
      );
    });
    return ok<GetCustomerAchievementHistoryValue>(200, {
      totalResultSize: records.length,
      data: page(records, skip, pageSize).map((r) => currentProgress([r])),
    });
  },
};

const syncCatalogRoute: Route = {
  id: 'syncCatalog',
  method: 'PUT',
  path: '/v1/catalogs/{catalogId}/sync',
  body: CatalogSyncRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof CatalogSyncRequestInputSchema>>) {
    const id = pathId(call.path, 'catalogId');
    if (typeof id !== 'number') return id;
    const catalog = call.state.catalogs.get(id);
    if (!catalog) return notFound(`Catalog ${id}`);
    const problem = syncCatalog(call, catalog, call.body.actions, call.body.version);
    if (problem) return problem;
    return ok<SyncCatalogValue>(200, catalogView(catalog, call.config));
  },
};

const bestPriorPrice: Route = {
  id: 'bestPriorPrice',
  method: 'POST',
  path: '/v1/best_prior_price',
  body: BestPriorPriceRequestInputSchema,
  apiKeyOnly: true,
  handle(call: Call<Body<typeof BestPriorPriceRequestInputSchema>>) {
    const { body } = call;
    // The SDK's request schema turns a Date into its RFC 3339 string.
    const end =
      body.timeframeEndDate instanceof Date ? body.timeframeEndDate.toISOString() : body.timeframeEndDate;
    const prices = bestPriorPrices(call.state, { ...body, timeframeEndDate: end });
    if (!Array.isArray(prices)) return prices;
    return ok<BestPriorPriceValue>(200, prices);
  },
};

/** The event, audience, campaign-listing, achievement and catalog operations of the fake. */
export const MORE_ROUTES: readonly Route[] = [
  trackEventV2,
  trackEventV3,
  getEventV3,
  createAudienceV2,
  updateAudienceV2,
  deleteAudienceV2,
  deleteAudienceMembershipsV2,
  updateAudienceCustomersAttributes,
  integrationGetAllCampaigns,
  getCustomerAchievements,
  getCustomerAchievementHistory,
  syncCatalogRoute,
  bestPriorPrice,
];

/**
 * Refuses options of the operations above that cannot work (achievements, catalogs, campaign
 * schedules).
 *
 * @throws {TypeError} naming the option and what is wrong with it.
 */
export function checkMoreOptions(config: ResolvedFakeTalonOptions): void {
  checkSchedules(config);
  checkAchievements(config);
  checkCatalogs(config);
}
