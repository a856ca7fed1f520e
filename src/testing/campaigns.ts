/**
 * The campaign listing of `integrationGetAllCampaigns`: the configured campaigns that run at the
 * fake's clock, filtered by IDs, start and end windows, store and audience, in ID order.
 */
import type { IntegrationCampaign, RuleMetadata } from '../models/index.js';
import { ruleName } from './engine.js';
import { eventRuleName } from './events.js';
import { millis } from './query.js';
import type { FakeCampaign, ResolvedFakeTalonOptions } from './types.js';
import { campaignView } from './views.js';

/** The filters of `integrationGetAllCampaigns`; dates are epoch milliseconds. */
export interface CampaignFilter {
  readonly ids?: readonly number[] | undefined;
  readonly startAfter?: number | undefined;
  readonly startBefore?: number | undefined;
  readonly endAfter?: number | undefined;
  readonly endBefore?: number | undefined;
  readonly storeId?: number | undefined;
  readonly audienceId?: number | undefined;
}

/** Refuses campaign schedules that are not dates. */
export function checkSchedules(config: ResolvedFakeTalonOptions): void {
  for (const c of config.campaigns)
    for (const date of [c.startTime, c.endTime])
      if (date !== undefined && Number.isNaN(Date.parse(date)))
        throw new TypeError(`createFakeTalon: campaign ${c.id}: ${JSON.stringify(date)} is not a date`);
}

/**
 * The campaigns running at `now` that pass the filters, by ID. A campaign without a start has
 * started before any date; one without an end ends after any date.
 */
export function runningCampaigns(
  config: ResolvedFakeTalonOptions,
  now: number,
  f: CampaignFilter,
): FakeCampaign[] {
  return config.campaigns
    .filter((c) => {
      const start = millis(c.startTime, -Infinity);
      const end = millis(c.endTime, Infinity);
      return (
        start <= now &&
        now < end &&
        (f.ids === undefined || f.ids.includes(c.id)) &&
        (f.startAfter === undefined || start >= f.startAfter) &&
        (f.startBefore === undefined || start <= f.startBefore) &&
        (f.endAfter === undefined || end >= f.endAfter) &&
        (f.endBefore === undefined || end <= f.endBefore) &&
        (f.storeId === undefined || (c.storeIds ?? []).includes(f.storeId)) &&
        (f.audienceId === undefined || (c.audienceIds ?? []).includes(f.audienceId))
      );
    })
    .sort((a, b) => a.id - b.id);
}

/** A campaign as `integrationGetAllCampaigns` lists it: its rules, links and features. */
export function integrationCampaignView(
  campaign: FakeCampaign,
  config: ResolvedFakeTalonOptions,
): IntegrationCampaign {
  const base = campaignView(campaign, config);
  const rules: RuleMetadata[] = [{ title: ruleName(campaign) }];
  if (campaign.type === 'loyalty')
    for (const [type, points] of Object.entries(campaign.eventPoints ?? {}))
      rules.push({ title: eventRuleName(type, points) });
  const achievements = config.achievements.filter((a) => a.campaignId === campaign.id);
  for (const a of achievements) rules.push({ title: `Progress in ${a.title}` });
  return {
    id: campaign.id,
    applicationId: config.applicationId,
    name: campaign.name,
    ...(base.description == null ? {} : { description: base.description }),
    ...(campaign.startTime === undefined ? {} : { startTime: campaign.startTime }),
    ...(campaign.endTime === undefined ? {} : { endTime: campaign.endTime }),
    state: 'enabled',
    tags: [...base.tags],
    features: achievements.length ? [...base.features, 'achievements'] : [...base.features],
    rules,
    linkedStoreIds: [...(campaign.storeIds ?? [])],
    linkedAudienceIds: [...(campaign.audienceIds ?? [])],
  };
}
