/**
 * The pagination helpers against msw: the skip/pageSize sent on each request, every stop rule,
 * the bounds, errors and aborts ending the walk, and nothing sent that was not needed.
 */
import { HttpResponse, http } from 'msw';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { type Client, createClient } from '../../src/client.js';
import type { TalonError } from '../../src/core/errors.js';
import type { Operation } from '../../src/core/operation.js';
import type { CallOptions } from '../../src/core/options.js';
import { send } from '../../src/core/request.js';
import type { Result } from '../../src/core/result.js';
import { collectItems, DEFAULT_COLLECT_MAX_ITEMS, paginate, paginateItems } from '../../src/pagination.js';
import { useMockServer } from '../support/msw.js';

const { server, seen } = useMockServer();
const BASE = 'https://talon.test';
const talon = createClient({ baseUrl: BASE, auth: apiKey('k'), retry: { backoffLimit: 10 } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

// --- a hasMore-style operation (like getLoyaltyCardTransactions) -------------------------------

interface Tx {
  id: number;
  amount: number;
}
type TxPage = { data: Tx[]; hasMore: boolean };
type TxParams = {
  loyaltyProgramId: number;
  loyaltyCardId: string;
  pageSize?: number | undefined;
  skip?: number | undefined;
};
const paging = {
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  skip: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
};
const TxSchema = v.looseObject({ id: v.number(), amount: v.number() });
const txOp: Operation<TxPage, { 404: { message: string } }> = {
  id: 'getLoyaltyCardTransactions',
  method: 'GET',
  path: '/v1/loyalty_programs/{loyaltyProgramId}/cards/{loyaltyCardId}/transactions',
  params: v.object({
    loyaltyProgramId: v.number(),
    loyaltyCardId: v.pipe(v.string(), v.minLength(1)),
    ...paging,
  }),
  query: ['pageSize', 'skip'],
  response: v.looseObject({
    data: v.pipe(
      v.nullable(v.array(TxSchema)),
      v.transform((d) => d ?? []),
    ),
    hasMore: v.boolean(),
  }),
  errors: { 404: v.looseObject({ message: v.string() }) },
};
function getLoyaltyCardTransactions(
  client: Client<'apiKey'>,
  params: TxParams,
  options?: CallOptions,
): Promise<Result<TxPage, TalonError<{ 404: { message: string } }>>> {
  return send(client, txOp, params, options);
}

// --- a totalResultSize-style operation (like getCustomerAchievements) ---------------------------

interface Achievement {
  achievementId: number;
}
type AchievementPage = { data: Achievement[]; totalResultSize: number };
const achievementsOp: Operation<AchievementPage> = {
  id: 'getCustomerAchievements',
  method: 'GET',
  path: '/v1/customer_profiles/{integrationId}/achievements',
  params: v.object({ integrationId: v.pipe(v.string(), v.minLength(1)), ...paging }),
  query: ['pageSize', 'skip'],
  response: v.looseObject({
    data: v.array(v.looseObject({ achievementId: v.number() })),
    totalResultSize: v.number(),
  }),
};
function getCustomerAchievements(
  client: Client,
  params: { integrationId: string; pageSize?: number; skip?: number },
  options?: CallOptions,
): Promise<Result<AchievementPage, TalonError>> {
  return send(client, achievementsOp, params, options);
}

// --- mock servers -------------------------------------------------------------------------------

const TX_ROUTE = `${BASE}/v1/loyalty_programs/:programId/cards/:cardId/transactions`;
const txs = (n: number): Tx[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, amount: 10 * (i + 1) }));

interface Serve {
  /** Page size when the request names none (the API's default). */
  readonly defaultSize?: number;
  /** Answer this status (with an error body) for the request with this skip. */
  readonly failAt?: { readonly skip: number; readonly status: number };
  /** How to answer instead of `{ data, hasMore }`. */
  readonly shape?: (data: Tx[], hasMore: boolean) => Record<string, unknown>;
  /** Ignore the pageSize asked for (a server that always answers its default). */
  readonly ignorePageSize?: boolean;
}

/** Serves `total` transactions, paged by skip/pageSize like the API. */
function serveTx(total: number, serve: Serve = {}) {
  const all = txs(total);
  server.use(
    http.get(TX_ROUTE, ({ request }) => {
      const url = new URL(request.url);
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const asked = url.searchParams.get('pageSize');
      const size = asked === null || serve.ignorePageSize ? (serve.defaultSize ?? 50) : Number(asked);
      if (serve.failAt?.skip === skip)
        return HttpResponse.json({ message: 'boom' }, { status: serve.failAt.status });
      const data = all.slice(skip, skip + size);
      const hasMore = skip + data.length < total;
      return HttpResponse.json((serve.shape?.(data, hasMore) ?? { data, hasMore }) as Record<string, never>);
    }),
  );
}

/** The (skip, pageSize) query of every request seen, `pageSize` null when not sent. */
const queries = () =>
  seen.map((r) => [r.url.searchParams.get('skip'), r.url.searchParams.get('pageSize')] as const);

const card = { loyaltyProgramId: 7, loyaltyCardId: 'card-1' };
const noRetry = { retry: { limit: 0 } } as const;

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The ids of each page's data, or the error kind for a failed page. */
const shape = (
  pages: Result<{ data: readonly { id?: number; achievementId?: number }[] }, { kind: string }>[],
) => pages.map((p) => (p.ok ? p.value.data.map((x) => x.id ?? x.achievementId) : p.error.kind));

// --- tests --------------------------------------------------------------------------------------

describe('paginate: walking pages', () => {
  it('walks several hasMore pages, advancing skip by the items received', async () => {
    serveTx(7);
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 3 }));
    expect(shape(pages)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pages.map((p) => p.ok && p.value.hasMore)).toEqual([true, true, false]);
    expect(pages.every((p) => p.ok && p.response.status === 200 && p.response.attempts === 1)).toBe(true);
    expect(queries()).toEqual([
      ['0', '3'],
      ['3', '3'],
      ['6', '3'],
    ]);
    expect(seen[0]?.url.pathname).toBe('/v1/loyalty_programs/7/cards/card-1/transactions');
  });

  it('starts at params.skip and, without a pageSize, does not send one', async () => {
    serveTx(10, { defaultSize: 4 });
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, skip: 1 }));
    expect(shape(pages)).toEqual([[2, 3, 4, 5], [6, 7, 8, 9], [10]]);
    expect(queries()).toEqual([
      ['1', null],
      ['5', null],
      ['9', null],
    ]);
  });

  it('advances skip by the items received, not by the pageSize asked for (a server capping pages)', async () => {
    serveTx(10, { defaultSize: 4, ignorePageSize: true });
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 10 }));
    expect(shape(pages)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ]);
    expect(queries()).toEqual([
      ['0', '10'],
      ['4', '10'],
      ['8', '10'],
    ]);
  });

  it('stops on totalResultSize without asking for the empty page past the end', async () => {
    const achievements = Array.from({ length: 6 }, (_, i) => ({ achievementId: 100 + i }));
    server.use(
      http.get(`${BASE}/v1/customer_profiles/:id/achievements`, ({ request }) => {
        const url = new URL(request.url);
        const skip = Number(url.searchParams.get('skip'));
        const size = Number(url.searchParams.get('pageSize'));
        return HttpResponse.json({ data: achievements.slice(skip, skip + size), totalResultSize: 6 });
      }),
    );
    const exact = await all(paginate(getCustomerAchievements, talon, { integrationId: 'u1', pageSize: 3 }));
    expect(shape(exact)).toEqual([
      [100, 101, 102],
      [103, 104, 105],
    ]);
    expect(queries()).toEqual([
      ['0', '3'],
      ['3', '3'],
    ]);
    seen.length = 0;
    const uneven = await all(paginate(getCustomerAchievements, talon, { integrationId: 'u1', pageSize: 4 }));
    expect(shape(uneven)).toEqual([
      [100, 101, 102, 103],
      [104, 105],
    ]);
    expect(queries()).toEqual([
      ['0', '4'],
      ['4', '4'],
    ]);
  });

  it('yields one empty page and stops when the first page is empty, even if hasMore says true', async () => {
    serveTx(0);
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 5 }));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ ok: true, value: { data: [], hasMore: false } });
    expect(seen).toHaveLength(1);

    seen.length = 0;
    serveTx(0, { shape: (data) => ({ data, hasMore: true }) });
    // maxPages only so that a regression fails fast instead of walking forever.
    const lying = await all(
      paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 5 }, { maxPages: 5 }),
    );
    expect(lying).toHaveLength(1);
    expect(lying[0]).toMatchObject({ ok: true, value: { data: [], hasMore: true } });
    expect(seen).toHaveLength(1);
  });

  it('treats a null data page as empty: yields data [] and stops', async () => {
    serveTx(20, { shape: () => ({ data: null, hasMore: true }) });
    // validateResponse: false hands the raw JSON over, so the helper itself must cope with null.
    const pages = await all(
      paginate(
        getLoyaltyCardTransactions,
        talon,
        { ...card, pageSize: 5 },
        { validateResponse: false, maxPages: 5 },
      ),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ ok: true, value: { data: [], hasMore: true } });
    expect(seen).toHaveLength(1);
    // Through the schema (null turned into []) it is the same.
    seen.length = 0;
    expect(shape(await all(paginate(getLoyaltyCardTransactions, talon, card, { maxPages: 5 })))).toEqual([
      [],
    ]);
    expect(seen).toHaveLength(1);
  });

  it('without hasMore or totalResultSize, stops on a page shorter than the pageSize asked for', async () => {
    serveTx(5, { defaultSize: 4, shape: (data) => ({ data }) });
    const raw = { validateResponse: false, maxPages: 5 };
    const sized = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 3 }, raw));
    expect(shape(sized)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(queries()).toEqual([
      ['0', '3'],
      ['3', '3'],
    ]);
    // With no pageSize asked for, only the empty page tells the end.
    seen.length = 0;
    const unsized = await all(paginate(getLoyaltyCardTransactions, talon, card, raw));
    expect(shape(unsized)).toEqual([[1, 2, 3, 4], [5], []]);
    expect(queries()).toEqual([
      ['0', null],
      ['4', null],
      ['5', null],
    ]);
  });

  it('passes the call options to every request and sends nothing before iteration starts', async () => {
    serveTx(4);
    const pages = paginate(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 2 },
      { headers: { 'x-trace': 't-1' }, maxPages: 5 },
    );
    await settle();
    expect(seen).toHaveLength(0);
    expect(shape(await all(pages))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(seen.map((r) => r.headers.get('x-trace'))).toEqual(['t-1', 't-1']);
  });

  it('sends no further request when the consumer breaks', async () => {
    serveTx(100);
    for await (const page of paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 10 })) {
      expect(page.ok).toBe(true);
      break;
    }
    await settle();
    expect(seen).toHaveLength(1);
  });
});

describe('paginate: errors end the walk', () => {
  it('yields pages 1-2, then the HTTP 500 of page 3, then ends (no retry, no 4th request)', async () => {
    serveTx(100, { failAt: { skip: 4, status: 500 } });
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 2 }, noRetry));
    expect(pages).toHaveLength(3);
    expect(shape(pages)).toEqual([[1, 2], [3, 4], 'http']);
    expect(pages[2]).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 500, operation: 'getLoyaltyCardTransactions', attempts: 1 },
    });
    await settle();
    expect(queries()).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
  });

  it('ends with the documented error of the operation', async () => {
    serveTx(10, { failAt: { skip: 0, status: 404 } });
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, card));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    if (page?.ok !== false || page.error.kind !== 'http' || !page.error.documented)
      throw new Error('not a 404');
    expect(page.error.status).toBe(404);
    expect(page.error.body).toEqual({ message: 'boom' });
  });

  it('ends with the aborted error when the signal fires mid-walk, sending nothing more', async () => {
    serveTx(100);
    const controller = new AbortController();
    const pages: Result<TxPage, { kind: string; operation?: string }>[] = [];
    for await (const page of paginate(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 2 },
      { signal: controller.signal },
    )) {
      pages.push(page);
      if (pages.length === 2) controller.abort();
    }
    expect(shape(pages)).toEqual([[1, 2], [3, 4], 'aborted']);
    expect(pages[2]).toMatchObject({
      ok: false,
      error: { kind: 'aborted', operation: 'getLoyaltyCardTransactions' },
    });
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('ends at once with the aborted error for an already-aborted signal', async () => {
    serveTx(100);
    const pages = await all(
      paginate(getLoyaltyCardTransactions, talon, card, { signal: AbortSignal.abort(), maxPages: 3 }),
    );
    expect(shape(pages)).toEqual(['aborted']);
    await settle();
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['maxPages', 0],
    ['maxPages', -1],
    ['maxPages', 1.5],
    ['maxPages', '3'],
    ['maxPages', Number.NaN],
    ['maxItems', 0],
    ['maxItems', Number.POSITIVE_INFINITY],
    ['maxItems', null],
  ])('yields one config error for %s = %s and sends nothing', async (field, value) => {
    serveTx(100);
    const options = { [field]: value } as unknown as CallOptions;
    const pages = await all(paginate(getLoyaltyCardTransactions, talon, card, options));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      ok: false,
      error: { kind: 'config', field: `options.${field}`, operation: 'getLoyaltyCardTransactions' },
    });
    await settle();
    expect(seen).toHaveLength(0);
  });

  it('yields a validation error for a bad skip or pageSize, and the config error of a bad call option', async () => {
    serveTx(100);
    const badSkip = await all(paginate(getLoyaltyCardTransactions, talon, { ...card, skip: -1 }));
    expect(badSkip).toMatchObject([{ ok: false, error: { kind: 'validation', issues: [{ path: 'skip' }] } }]);
    const badSize = await all(
      paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: '5' as unknown as number }),
    );
    expect(badSize).toMatchObject([
      { ok: false, error: { kind: 'validation', issues: [{ path: 'pageSize' }] } },
    ]);
    const badTimeout = await all(paginate(getLoyaltyCardTransactions, talon, card, { timeout: -5 }));
    expect(badTimeout).toMatchObject([{ ok: false, error: { kind: 'config', field: 'options.timeout' } }]);
    await settle();
    expect(seen).toHaveLength(0);
  });

  it('never throws, even when the operation itself throws or rejects', async () => {
    const throwing = (() => {
      throw new Error('kaput');
    }) as unknown as typeof getLoyaltyCardTransactions;
    const rejecting = (() =>
      Promise.reject(new Error('gone'))) as unknown as typeof getLoyaltyCardTransactions;
    const junk = (() => Promise.resolve(undefined)) as unknown as typeof getLoyaltyCardTransactions;
    for (const op of [throwing, rejecting, junk]) {
      const pages = await all(paginate(op, talon, card));
      expect(pages).toMatchObject([{ ok: false, error: { kind: 'network', attempts: 0 } }]);
      expect(pages[0]?.ok === false && pages[0].error.message).toMatch(/internal error/);
    }
  });
});

describe('paginate: bounds', () => {
  it('stops after maxPages pages', async () => {
    serveTx(100);
    const pages = await all(
      paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 2 }, { maxPages: 3 }),
    );
    expect(shape(pages)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    await settle();
    expect(queries()).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
  });

  it('stops at maxItems, asking the last request for only the items still needed', async () => {
    serveTx(100);
    const pages = await all(
      paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 3 }, { maxItems: 7 }),
    );
    expect(shape(pages)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    await settle();
    expect(queries()).toEqual([
      ['0', '3'],
      ['3', '3'],
      ['6', '1'],
    ]);
  });

  it('trims the page that passes maxItems and stops', async () => {
    // No pageSize: the API's default (4) comes back, 3 are kept.
    serveTx(100, { defaultSize: 4 });
    const one = await all(paginate(getLoyaltyCardTransactions, talon, card, { maxItems: 3 }));
    expect(shape(one)).toEqual([[1, 2, 3]]);
    expect(one[0]).toMatchObject({ ok: true, value: { hasMore: true } });
    expect(queries()).toEqual([['0', null]]);

    // The page size learned from the first page bounds the last request: 4, then 2 asked for.
    seen.length = 0;
    const two = await all(paginate(getLoyaltyCardTransactions, talon, card, { maxItems: 6 }));
    expect(shape(two)).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
    expect(queries()).toEqual([
      ['0', null],
      ['4', '2'],
    ]);

    // A server that ignores pageSize: the extra items are trimmed all the same.
    seen.length = 0;
    serveTx(100, { defaultSize: 5, ignorePageSize: true });
    const ignored = await all(
      paginate(getLoyaltyCardTransactions, talon, { ...card, pageSize: 5 }, { maxItems: 7 }),
    );
    expect(shape(ignored)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7],
    ]);
    expect(queries()).toEqual([
      ['0', '5'],
      ['5', '2'],
    ]);
  });
});

describe('paginateItems', () => {
  it('yields every item of 3 pages in order, each with its page response', async () => {
    serveTx(7);
    const items = await all(paginateItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 3 }));
    expect(items.map((r) => r.ok && r.value)).toEqual(txs(7));
    expect(items.every((r) => r.ok && r.response.status === 200)).toBe(true);
    expect(queries()).toEqual([
      ['0', '3'],
      ['3', '3'],
      ['6', '3'],
    ]);
  });

  it('yields the items before a failed page, then one error, then ends', async () => {
    serveTx(100, { failAt: { skip: 6, status: 500 } });
    const items = await all(
      paginateItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 3 }, noRetry),
    );
    expect(items).toHaveLength(7);
    expect(items.slice(0, 6).map((r) => r.ok && r.value.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(items[6]).toMatchObject({ ok: false, error: { kind: 'http', status: 500 } });
    await settle();
    expect(seen).toHaveLength(3);
  });

  it('honours maxItems and stops requesting', async () => {
    serveTx(100);
    const items = await all(
      paginateItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 4 }, { maxItems: 5 }),
    );
    expect(items.map((r) => r.ok && r.value.id)).toEqual([1, 2, 3, 4, 5]);
    await settle();
    expect(queries()).toEqual([
      ['0', '4'],
      ['4', '1'],
    ]);
  });
});

describe('collectItems', () => {
  it('collects every item, with the last page response', async () => {
    serveTx(5);
    const result = await collectItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 2 });
    expect(result).toMatchObject({ ok: true, value: txs(5), response: { status: 200 } });
    expect(seen).toHaveLength(3);
  });

  it('keeps the items fetched before an error', async () => {
    serveTx(100, { failAt: { skip: 4, status: 500 } });
    const result = await collectItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 2 }, noRetry);
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 500 }, items: txs(4) });
    expect(seen).toHaveLength(3);
  });

  it('says nothing of a bound when it collected every item', async () => {
    serveTx(5);
    const result = await collectItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 2 });
    expect(result.ok && 'stoppedAt' in result).toBe(false);
    // A bound that the last page meets exactly is no stop either.
    const exact = await collectItems(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 2 },
      { maxItems: 5 },
    );
    expect(exact).toMatchObject({ ok: true, value: txs(5) });
    expect(exact.ok && 'stoppedAt' in exact).toBe(false);
  });

  it(`stops at ${DEFAULT_COLLECT_MAX_ITEMS} items by default, and says so`, async () => {
    serveTx(25_000);
    const result = await collectItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 1000 });
    expect(result).toMatchObject({ ok: true, stoppedAt: 'defaultMaxItems' });
    expect(result.ok && result.value).toEqual(txs(DEFAULT_COLLECT_MAX_ITEMS));
    expect(seen).toHaveLength(10);
  });

  it('stops at the default bound even when the API ignores pageSize', async () => {
    serveTx(20_000, { ignorePageSize: true, defaultSize: 3000 });
    const result = await collectItems(getLoyaltyCardTransactions, talon, card);
    expect(result).toMatchObject({ ok: true, stoppedAt: 'defaultMaxItems' });
    expect(result.ok && result.value.length).toBe(DEFAULT_COLLECT_MAX_ITEMS);
    expect(seen).toHaveLength(4);
  });

  it('collects exactly the default bound without stoppedAt when that is all there is', async () => {
    serveTx(DEFAULT_COLLECT_MAX_ITEMS);
    const result = await collectItems(getLoyaltyCardTransactions, talon, { ...card, pageSize: 1000 });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.value.length).toBe(DEFAULT_COLLECT_MAX_ITEMS);
    expect(result.ok && 'stoppedAt' in result).toBe(false);
  });

  it('takes the caller’s maxItems or maxPages instead of the default, and names it', async () => {
    serveTx(12_000);
    const more = await collectItems(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 1000 },
      { maxItems: 11_500 },
    );
    expect(more).toMatchObject({ ok: true, stoppedAt: 'maxItems' });
    expect(more.ok && more.value.length).toBe(11_500);
    seen.length = 0;
    const pages = await collectItems(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 2 },
      { maxPages: 3 },
    );
    expect(pages).toMatchObject({ ok: true, value: txs(6), stoppedAt: 'maxPages' });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    const all = await collectItems(
      getLoyaltyCardTransactions,
      talon,
      { ...card, pageSize: 1000 },
      { maxItems: Number.MAX_SAFE_INTEGER },
    );
    expect(all.ok && all.value.length).toBe(12_000);
    expect(all.ok && 'stoppedAt' in all).toBe(false);
  });

  it('still answers a bad options value with a config error', async () => {
    const result = await collectItems(getLoyaltyCardTransactions, talon, card, 'x' as never);
    expect(result).toMatchObject({ ok: false, error: { kind: 'config', field: 'options' }, items: [] });
    expect(seen).toHaveLength(0);
  });
});
