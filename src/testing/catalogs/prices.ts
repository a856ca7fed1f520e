/**
 * The price history and `bestPriorPrice`: every price a SKU had and when (recorded by catalog syncs),
 * and the lowest price of a SKU in a look-back window.
 */
import type { BestPriorPrice, BestPriorPriceRequestInput } from '../../models/index.js';
import { type Answer, invalidAt as invalid } from '../answers.js';
import type { FakeTalonState } from '../types.js';
import type { FakePriceObservation } from './types.js';

const DAY = 86_400_000;

export function observe(
  state: FakeTalonState,
  catalogId: number,
  sku: string,
  price: number,
  observedAt: string,
  adjustment?: FakePriceObservation['adjustment'],
  contextId?: string,
): void {
  state.priceHistory.push({
    id: state.nextId++,
    sku,
    catalogId,
    price,
    observedAt,
    contextIds: contextId ? [contextId] : [],
    adjustment,
  });
}

function byTime(a: FakePriceObservation, b: FakePriceObservation): number {
  return Date.parse(a.observedAt) - Date.parse(b.observedAt) || a.id - b.id;
}

/** Where the look-back window ends for one SKU's history (observations up to the end date). */
function windowEnd(history: readonly FakePriceObservation[], end: number, type: string): number {
  const current = history[history.length - 1]!;
  const key = (o: FakePriceObservation) => (type === 'price' ? String(o.price) : o.contextIds.join(','));
  if (type === 'strict' || (type === 'sale' && current.contextIds.length === 0)) return end + 1;
  // The start of the current price (or sale context): walk back while it stays the same.
  let k = history.length - 1;
  while (k > 0 && key(history[k - 1]!) === key(current)) k--;
  return Date.parse(history[k]!.observedAt);
}

/**
 * The best prior price of each SKU: the lowest price in force during the `timeframe` days before
 * the window's end (`strict`: `timeframeEndDate`; `price`: the start of the current price; `sale`:
 * the start of the current context), the price already in force when the window opens included.
 * SKUs without history are left out. A 400 for a timeframe that is not a whole number of days.
 */
export function bestPriorPrices(
  state: FakeTalonState,
  body: BestPriorPriceRequestInput & { timeframeEndDate: string },
): BestPriorPrice[] | Answer {
  const days = /^\d+$/.test(body.timeframe) ? Number(body.timeframe) : 0;
  if (!(days >= 1))
    return invalid('/timeframe', 'timeframe must be a whole number of days, at least 1', 'Invalid timeframe');
  const target = body.target;
  if (target?.targetType === 'AUDIENCE' && !state.audiences.has(target.audienceID ?? Number.NaN))
    return invalid(
      '/target/audienceID',
      'An AUDIENCE target needs the ID of an audience that exists',
      'Invalid target',
    );
  const end = Date.parse(body.timeframeEndDate);
  const answers: BestPriorPrice[] = [];
  for (const sku of new Set(body.skus)) {
    const history = state.priceHistory
      .filter((o) => o.sku === sku && Date.parse(o.observedAt) <= end)
      .sort(byTime);
    if (history.length === 0) continue;
    const until = windowEnd(history, end, body.timeframeEndDateType);
    const from = until - days * DAY;
    const before = history.filter((o) => Date.parse(o.observedAt) < until);
    // The price in force when the window opens (the last one set by then), and those set in it.
    const opening = before.filter((o) => Date.parse(o.observedAt) <= from).pop();
    const inside = before.filter((o) => Date.parse(o.observedAt) > from);
    const candidates = opening ? [opening, ...inside] : inside;
    const best = candidates.reduce<FakePriceObservation | undefined>(
      (low, o) => (low === undefined || o.price <= low.price ? o : low),
      undefined,
    );
    if (!best) continue;
    answers.push({
      id: best.id,
      sku,
      observedAt: best.observedAt,
      contextIds: [...best.contextIds],
      contextId: best.contextIds[0] ?? '',
      price: best.price,
      metadata: {
        influencingCampaignDetails: [],
        ...(best.adjustment
          ? {
              adjustmentDetails: {
                referenceId: best.adjustment.referenceId,
                selectedPriceType: best.adjustment.priceType,
                value: best.adjustment.value,
              },
            }
          : {}),
      },
      target: target ? { ...target } : { targetType: 'NONE' },
    });
  }
  return answers;
}
