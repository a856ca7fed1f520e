/**
 * The pagination helpers with the Management API's list shapes (checked in the 26.13 spec: 45
 * operations take pageSize/skip; their answers carry `hasMore` only (the `…WithoutTotalCount`
 * variants, getLoyaltyCards …), `totalResultSize` only (getCampaigns, getApplications …), or both
 * as optional fields (listCollections, getAudiences …)). Small hand-written operations stand in
 * for the generated ones: they take a Management client and answer pages of an in-memory list,
 * recording the skip/pageSize of every call.
 */

import { describe, expect, it } from 'vitest';
import type { TalonError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/options.js';
import { ok, type Result } from '../../src/core/result.js';
import {
  createClient as createManagementClient,
  type ManagementClient,
} from '../../src/management/client.js';
import { managementKey } from '../../src/management/managementKey.js';
import { collectItems, paginate, paginateItems } from '../../src/pagination.js';

const talon = createManagementClient({ baseUrl: 'https://acme.talon.one', auth: managementKey('m') });
const meta = { status: 200, headers: new Headers(), attempts: 1 };

interface Coupon {
  readonly id: number;
  readonly value: string;
}
type Paging = {
  applicationId: number;
  campaignId: number;
  pageSize?: number | undefined;
  skip?: number | undefined;
};

const COUPONS: Coupon[] = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, value: `C-${i + 1}` }));

/** An operation over COUPONS answering `shape(page, skip, size)`; `calls` records what was asked. */
function listOperation<V>(shape: (page: Coupon[] | null, skip: number, size: number) => V) {
  const calls: { skip: number | undefined; pageSize: number | undefined }[] = [];
  const operation = async (
    _client: ManagementClient,
    params: Paging,
    _options?: CallOptions,
  ): Promise<Result<V, TalonError>> => {
    calls.push({ skip: params.skip, pageSize: params.pageSize });
    const skip = params.skip ?? 0;
    const size = params.pageSize ?? 1000;
    const page = COUPONS.slice(skip, skip + size);
    return ok(shape(page, skip, size), meta);
  };
  return { operation, calls };
}

const params = { applicationId: 1, campaignId: 2, pageSize: 3 };

describe('Management list shapes', () => {
  it('hasMore only (…WithoutTotalCount): walks to the page that says hasMore false', async () => {
    const { operation: getCouponsWithoutTotalCount, calls } = listOperation((page, skip) => ({
      data: page ?? [],
      hasMore: skip + (page?.length ?? 0) < COUPONS.length,
    }));
    const all = await collectItems(getCouponsWithoutTotalCount, talon, params);
    expect(all.ok && all.value.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls).toEqual([
      { skip: 0, pageSize: 3 },
      { skip: 3, pageSize: 3 },
      { skip: 6, pageSize: 3 },
    ]);
  });

  it('totalResultSize only: stops once skip + data.length reaches the total, no extra request', async () => {
    const { operation: getCampaigns, calls } = listOperation((page) => ({
      data: page ?? [],
      totalResultSize: COUPONS.length,
    }));
    const pages: number[][] = [];
    for await (const page of paginate(getCampaigns, talon, params)) {
      if (!page.ok) throw new Error(page.error.message);
      pages.push(page.value.data.map((c) => c.id));
    }
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(calls.map((c) => c.skip)).toEqual([0, 3, 6]);
  });

  it('totalResultSize on a full last page: no request past the total', async () => {
    const { operation: getApplications, calls } = listOperation((page) => ({
      data: page ?? [],
      totalResultSize: 6,
    }));
    const all = await collectItems(getApplications, talon, params);
    expect(all.ok && all.value).toHaveLength(6);
    expect(calls.map((c) => c.skip)).toEqual([0, 3]);
  });

  it('both optional, answered with hasMore only', async () => {
    const { operation: listCollections, calls } = listOperation(
      (page, skip): { data: Coupon[]; hasMore?: boolean; totalResultSize?: number } => ({
        data: page ?? [],
        hasMore: skip + (page?.length ?? 0) < COUPONS.length,
      }),
    );
    const ids: number[] = [];
    for await (const item of paginateItems(listCollections, talon, params))
      if (item.ok) ids.push(item.value.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls).toHaveLength(3);
  });

  it('both optional, answered with neither: a page shorter than pageSize ends the walk', async () => {
    const { operation: getAudiences, calls } = listOperation(
      (page): { data: Coupon[]; hasMore?: boolean; totalResultSize?: number } => ({ data: page ?? [] }),
    );
    const all = await collectItems(getAudiences, talon, params);
    expect(all.ok && all.value).toHaveLength(7);
    expect(calls.map((c) => c.skip)).toEqual([0, 3, 6]);
  });

  it('data null (the Go backend for an empty list) ends the walk as an empty page', async () => {
    const { operation: getLoyaltyCards, calls } = listOperation(() => ({
      data: null as unknown as Coupon[],
      hasMore: true,
    }));
    const all = await collectItems(getLoyaltyCards, talon, params);
    expect(all).toMatchObject({ ok: true, value: [] });
    expect(calls).toHaveLength(1);
  });

  it('maxItems lowers the last pageSize on a Management list too', async () => {
    const { operation: getReferralsWithoutTotalCount, calls } = listOperation((page, skip) => ({
      data: page ?? [],
      hasMore: skip + (page?.length ?? 0) < COUPONS.length,
    }));
    const all = await collectItems(getReferralsWithoutTotalCount, talon, params, { maxItems: 5 });
    expect(all.ok && all.value.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([
      { skip: 0, pageSize: 3 },
      { skip: 3, pageSize: 2 },
    ]);
  });
});
