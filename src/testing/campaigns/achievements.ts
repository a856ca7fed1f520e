/**
 * Achievements: a customer's progress in each configured achievement, worked out from the closed
 * sessions the fake keeps (a cancelled or reopened session stops counting at once), as the
 * entries of `getCustomerAchievements`, the records of `getCustomerAchievementHistory`, the
 * `CustomerAchievement` of integration answers and the achievements of the inventory.
 */
import type {
  AchievementProgress,
  AchievementProgressWithDefinition,
  AchievementStatusEntry,
  CustomerAchievement,
} from '../../models/index.js';
import { CONFIGURED } from '../constants.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import type { FakeAchievement } from './types.js';

const NAME = /^[a-zA-Z]\w+$/;

/** One iteration of an achievement for one customer, oldest first. */
export interface ProgressRecord extends AchievementProgress {
  readonly status: 'inprogress' | 'completed';
  readonly startDate: string;
}

/** Refuses achievements that cannot work: a duplicate ID, a bad name or target, an unknown campaign. */
export function checkAchievements(config: ResolvedFakeTalonOptions): void {
  const ids = new Set<number>();
  for (const a of config.achievements) {
    const problem = ids.has(a.id)
      ? 'two achievements have this ID'
      : !NAME.test(a.name)
        ? 'its name must be a letter, then letters, digits or _'
        : !Number.isSafeInteger(a.target) || a.target < 1
          ? 'its target must be a whole number, at least 1'
          : !config.campaigns.some((c) => c.id === a.campaignId)
            ? `its campaign ${a.campaignId} is not one of the campaigns`
            : a.fixedStartDate !== undefined && Number.isNaN(Date.parse(a.fixedStartDate))
              ? 'its fixedStartDate is not a date'
              : undefined;
    if (problem) throw new TypeError(`createFakeTalon: achievement ${a.id}: ${problem}`);
    ids.add(a.id);
  }
}

/** The close times of a profile's closed sessions that count for `achievement`, oldest first. */
function closings(state: FakeTalonState, profileId: string, achievement: FakeAchievement): string[] {
  const from = achievement.fixedStartDate === undefined ? -Infinity : Date.parse(achievement.fixedStartDate);
  const sessions = [...state.sessions.values()].filter(
    (s) =>
      s.profileId === profileId &&
      (s.state === 'closed' || s.state === 'partially_returned') &&
      Date.parse(s.updated) >= from,
  );
  sessions.sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated) || a.id - b.id);
  return sessions.map((s) => s.updated);
}

/**
 * A customer's iterations of an achievement, oldest first: each `target` closed sessions complete
 * one (`on_completion` starts a new one after each; `no_recurrence` stops at the first).
 */
export function progressRecords(
  state: FakeTalonState,
  profileId: string,
  achievement: FakeAchievement,
): ProgressRecord[] {
  const times = closings(state, profileId, achievement);
  const { target } = achievement;
  const records: ProgressRecord[] = [];
  for (let start = 0; start < times.length; start += target) {
    const chunk = times.slice(start, start + target);
    const done = chunk.length === target;
    records.push({
      status: done ? 'completed' : 'inprogress',
      progress: chunk.length,
      startDate: chunk[0]!,
      ...(done ? { completionDate: chunk[target - 1]! } : {}),
    });
    if (done && achievement.recurrencePolicy !== 'on_completion') break;
  }
  return records;
}

/** The customer's current progress: the latest iteration, or `not_started`. */
export function currentProgress(records: readonly ProgressRecord[]): AchievementProgress {
  const last = records[records.length - 1];
  return last ? { ...last } : { status: 'not_started', progress: 0 };
}

/** Whether an achievement has not started yet at `now` (a fixed start in the future). */
export function isScheduled(achievement: FakeAchievement, now: string): boolean {
  return achievement.fixedStartDate !== undefined && Date.parse(achievement.fixedStartDate) > Date.parse(now);
}

function definition(a: FakeAchievement) {
  return {
    name: a.name,
    title: a.title,
    description: a.description ?? a.title,
    target: a.target,
    recurrencePolicy: a.recurrencePolicy ?? 'no_recurrence',
    activationPolicy: a.fixedStartDate === undefined ? 'user_action' : 'fixed_schedule',
    ...(a.fixedStartDate === undefined ? {} : { fixedStartDate: a.fixedStartDate }),
  } as const;
}

/** An achievement with a customer's progress, as `getCustomerAchievements` lists it. */
export function achievementStatusView(
  a: FakeAchievement,
  records: readonly ProgressRecord[],
  now: string,
): AchievementStatusEntry {
  return {
    id: a.id,
    created: CONFIGURED,
    ...definition(a),
    allowRollbackAfterCompletion: false,
    campaignId: a.campaignId,
    status: isScheduled(a, now) ? 'scheduled' : 'active',
    currentProgress: currentProgress(records),
  };
}

/** A profile's achievements with their progress, as integration answers carry them (`achievements`). */
export function customerAchievementViews(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  profileId: string,
): CustomerAchievement[] {
  return config.achievements.map((a) => ({
    id: a.id,
    ...definition(a),
    allowRollbackAfterCompletion: false,
    currentProgress: currentProgress(progressRecords(state, profileId, a)),
  }));
}

/**
 * The achievements a profile has made progress in, with its current progress, as
 * `getCustomerInventory` lists them (`achievements=true`); one not started is left out.
 */
export function inventoryAchievementViews(
  state: FakeTalonState,
  config: ResolvedFakeTalonOptions,
  profileId: string,
): AchievementProgressWithDefinition[] {
  return config.achievements.flatMap((a) => {
    const records = progressRecords(state, profileId, a);
    if (!records.length) return [];
    const { recurrencePolicy, activationPolicy, fixedStartDate, ...named } = definition(a);
    return [
      {
        ...currentProgress(records),
        achievementId: a.id,
        ...named,
        campaignId: a.campaignId,
        achievementRecurrencePolicy: recurrencePolicy,
        achievementActivationPolicy: activationPolicy,
        ...(fixedStartDate === undefined ? {} : { achievementFixedStartDate: fixedStartDate }),
        achievementAllowRollbackAfterCompletion: false,
      },
    ];
  });
}
