/**
 * Compile-time: the pagination helpers accept the Management API's list operations (a
 * `ManagementClient` first argument; `hasMore` only, `totalResultSize` only, or both
 * optional), refuse an Integration client for them, and refuse the Management operations that
 * take pageSize/skip but answer one object (getCustomerActivityReport, getCustomerAnalytics).
 */

import { describe, expectTypeOf, test } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { createClient } from '../../src/client.js';
import type { TalonError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/options.js';
import type { Result } from '../../src/core/result.js';
import {
  createClient as createManagementClient,
  type ManagementClient,
} from '../../src/management/client.js';
import { managementKey } from '../../src/management/managementKey.js';
import * as generated from '../../src/management.js';
import { collectItems, paginate, paginateItems } from '../../src/pagination.js';

interface Card {
  readonly id: number;
  readonly identifier: string;
}
type Paging = { pageSize?: number | undefined; skip?: number | undefined };

declare function getLoyaltyCards(
  client: ManagementClient,
  params: { loyaltyProgramId: number } & Paging,
  options?: CallOptions,
): Promise<Result<{ hasMore: boolean; data: Card[] }, TalonError>>;

declare function getCampaigns(
  client: ManagementClient,
  params: { applicationId: number } & Paging,
  options?: CallOptions,
): Promise<Result<{ totalResultSize: number; data: Card[] }, TalonError>>;

declare function listCollections(
  client: ManagementClient,
  params: { applicationId: number; campaignId: number } & Paging,
  options?: CallOptions,
): Promise<Result<{ hasMore?: boolean; totalResultSize?: number; data: Card[] }, TalonError>>;

declare function getCustomerActivityReport(
  client: ManagementClient,
  params: { applicationId: number; customerId: number } & Paging,
  options?: CallOptions,
): Promise<Result<{ name: string; customerId: number }, TalonError>>;

const mgmt = createManagementClient({ baseUrl: 'https://x.talon.one', auth: managementKey('m') });
const integration = createClient({ baseUrl: 'https://x.talon.one', auth: apiKey('k') });

describe('Management lists', () => {
  test('every answer shape is accepted, items inferred', async () => {
    for await (const card of paginateItems(getLoyaltyCards, mgmt, { loyaltyProgramId: 1 }))
      if (card.ok) expectTypeOf(card.value).toEqualTypeOf<Card>();
    const all = await collectItems(getCampaigns, mgmt, { applicationId: 1, pageSize: 100 });
    if (all.ok) expectTypeOf(all.value).toEqualTypeOf<Card[]>();
    paginate(listCollections, mgmt, { applicationId: 1, campaignId: 2 });
  });

  test('the wrong client or a non-list operation is a compile error', () => {
    // @ts-expect-error a Management list refuses an Integration client
    paginate(getLoyaltyCards, integration, { loyaltyProgramId: 1 });
    // @ts-expect-error pageSize/skip, but the answer is one object, not a page
    paginate(getCustomerActivityReport, mgmt, { applicationId: 1, customerId: 2 });
  });
});

describe('the generated Management operations', () => {
  const admin = createManagementClient({ baseUrl: 'https://acme.talon.one', auth: managementKey('k') });
  const talon = createClient({ baseUrl: 'https://acme.talon.one', auth: apiKey('k') });

  test('a hasMore list (getLoyaltyCards) walks with a Management client, items typed', async () => {
    const all = await collectItems(generated.getLoyaltyCards, admin, {
      loyaltyProgramId: 14,
      pageSize: 1000,
    });
    if (all.ok) expectTypeOf(all.value).toEqualTypeOf<generated.LoyaltyCard[]>();
    // @ts-expect-error an Integration client cannot call a Management operation
    paginate(generated.getLoyaltyCards, talon, { loyaltyProgramId: 14 });
  });

  test('an operation that takes pageSize but answers one object is refused', () => {
    // @ts-expect-error getCustomerActivityReport answers one report, not a page
    paginateItems(generated.getCustomerActivityReport, admin, {
      applicationId: 1,
      customerId: 2,
      rangeStart: '2026-01-01T00:00:00Z',
      rangeEnd: '2026-02-01T00:00:00Z',
    });
  });
});
