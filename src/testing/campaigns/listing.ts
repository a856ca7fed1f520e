/**
 * The campaign listing of `integrationGetAllCampaigns`: the configured campaigns that run at the
 * fake's clock, filtered by IDs, start and end windows, store and audience, in ID order.
 */
import { millis } from '../query.js';
import type { ResolvedFakeTalonOptions } from '../types.js';
import type { FakeCampaign } from './types.js';

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
