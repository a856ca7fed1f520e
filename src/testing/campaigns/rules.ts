/**
 * The one rule of each campaign of the fake: its ruleset ID and name, the effects it makes, and
 * finding a campaign of a type.
 */
import type { EffectBase, EffectOf, KnownEffectType } from '../../models/index.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import type { FakeCampaign } from './types.js';

/** An effect as the API sends it, typed with the SDK's own effect types. */
export type EffectRecord = EffectOf<KnownEffectType>;

/** The ID of the ruleset of a campaign (one rule per campaign in the fake). */
export function rulesetId(campaign: FakeCampaign): number {
  return campaign.id * 100 + 1;
}

/** The name of a campaign's (only) rule, as effects and campaign answers carry it. */
export function ruleName(campaign: FakeCampaign): string {
  switch (campaign.type) {
    case 'coupon':
      return `${campaign.percentOff}% off with a coupon`;
    case 'referral':
      return campaign.percentOff ? `${campaign.percentOff}% off for referred friends` : 'Accept referrals';
    case 'loyalty':
      return `${campaign.pointsPerUnit} point(s) per unit spent`;
  }
}

/** The name of the rule of a loyalty campaign that rewards an event type. */
export function eventRuleName(type: string, points: number): string {
  return `${points} point(s) for the event ${type}`;
}

/** Builds an effect of `campaign` (or of no campaign, for codes that match none). */
export function effect<T extends KnownEffectType>(
  campaign: FakeCampaign | undefined,
  effectType: T,
  props: EffectOf<T>['props'],
  extra: Partial<EffectBase> = {},
): EffectOf<T> {
  return {
    campaignId: campaign?.id ?? 0,
    rulesetId: campaign ? rulesetId(campaign) : 0,
    ruleIndex: 0,
    ruleName: campaign ? ruleName(campaign) : '',
    ...extra,
    effectType,
    props,
  } as EffectOf<T>;
}

export function findCampaign<T extends FakeCampaign['type']>(
  config: ResolvedFakeTalonOptions,
  id: number,
  type: T,
): Extract<FakeCampaign, { type: T }> | undefined {
  return config.campaigns.find(
    (c): c is Extract<FakeCampaign, { type: T }> => c.id === id && c.type === type,
  );
}
