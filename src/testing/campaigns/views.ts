/**
 * How campaigns look in answers: `triggeredCampaigns` and the listing of `integrationGetAllCampaigns`.
 */
import type { Campaign, IntegrationCampaign, RuleMetadata } from '../../models/index.js';
import { CONFIGURED } from '../constants.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import { eventRuleName, ruleName } from './rules.js';
import type { FakeCampaign } from './types.js';

const FEATURES = { coupon: 'coupons', referral: 'referrals', loyalty: 'loyalty' } as const;

export function campaignView(campaign: FakeCampaign, config: ResolvedFakeTalonOptions): Campaign {
  return {
    id: campaign.id,
    created: CONFIGURED,
    applicationId: config.applicationId,
    userId: 1,
    name: campaign.name,
    description: `A campaign of the fake Talon.One (${campaign.type})`,
    state: 'enabled',
    tags: ['fake'],
    reevaluateOnReturn: false,
    features: [FEATURES[campaign.type]],
    limits: [],
    type: 'advanced',
    frontendState: 'running',
    storesImported: false,
  };
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
