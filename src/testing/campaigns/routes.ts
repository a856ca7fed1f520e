/**
 * The campaign listing and achievement operations.
 */
import type {
  GetCustomerAchievementHistoryValue,
  GetCustomerAchievementsValue,
  IntegrationGetAllCampaignsValue,
} from '../../endpoints/index.js';
import { notFound, ok } from '../answers.js';
import { page, pathId, QueryReader } from '../query.js';
import type { Call, Route } from '../route.js';
import { achievementStatusView, currentProgress, isScheduled, progressRecords } from './achievements.js';
import { runningCampaigns } from './listing.js';
import { integrationCampaignView } from './views.js';

export const integrationGetAllCampaigns: Route = {
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

export const getCustomerAchievements: Route = {
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

export const getCustomerAchievementHistory: Route = {
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
