/**
 * Compile-time behaviour of the pagination helpers (vitest typecheck: nothing here runs). Only
 * operations with `skip` and `pageSize` params and a `{ data, hasMore | totalResultSize }` value
 * are accepted, and the page and item types are inferred from the operation.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { apiKey } from '../../src/auth/apiKey.js';
import { contentSignature } from '../../src/auth/contentSignature.js';
import { type Client, createClient } from '../../src/client.js';
import type { ConfigError, TalonError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/options.js';
import type { Ok, ResponseMeta, Result } from '../../src/core/result.js';
import {
  collectItems,
  type PageError,
  paginate,
  paginateItems,
  type StoppedAt,
} from '../../src/pagination.js';

interface Tx {
  readonly id: number;
  readonly amount: number;
}
interface Achievement {
  readonly achievementId: number;
  readonly title: string;
}
type TxPage = { data: Tx[]; hasMore: boolean };
type TxErrors = { 404: { message: string } };
type TxParams = {
  loyaltyProgramId: number;
  loyaltyCardId: string;
  pageSize?: number | undefined;
  skip?: number | undefined;
};

declare function getLoyaltyCardTransactions(
  client: Client<'apiKey'>,
  params: TxParams,
  options?: CallOptions,
): Promise<Result<TxPage, TalonError<TxErrors>>>;

declare function getCustomerAchievements(
  client: Client,
  params: { integrationId: string; pageSize?: number; skip?: number },
  options?: CallOptions,
): Promise<Result<{ data: readonly Achievement[]; totalResultSize: number }, TalonError>>;

/** Not paginated: a plain object answer. */
declare function getThing(
  client: Client,
  params: { id: string; pageSize?: number; skip?: number },
  options?: CallOptions,
): Promise<Result<{ id: number }, TalonError>>;

/** A page-shaped answer, but no skip/pageSize params (`{ id: string }` is assignable to `{ skip?: number }`). */
declare function listWithoutSkip(
  client: Client,
  params: { id: string },
  options?: CallOptions,
): Promise<Result<TxPage, TalonError>>;

/** skip but no pageSize. */
declare function listWithSkipOnly(
  client: Client,
  params: { id: string; skip?: number },
  options?: CallOptions,
): Promise<Result<TxPage, TalonError>>;

/** skip and pageSize that are not numbers. */
declare function listWithStringSkip(
  client: Client,
  params: { id: string; pageSize?: string; skip?: string },
  options?: CallOptions,
): Promise<Result<TxPage, TalonError>>;

/** data, but neither hasMore nor totalResultSize. */
declare function listWithoutMore(
  client: Client,
  params: { id: string; pageSize?: number; skip?: number },
  options?: CallOptions,
): Promise<Result<{ data: Tx[] }, TalonError>>;

const keyed = createClient({ baseUrl: 'https://talon.test', auth: apiKey('k') });
const signed = createClient({
  baseUrl: 'https://talon.test',
  auth: contentSignature({ applicationId: 1, applicationKey: 'abcd' }),
});
const txParams = { loyaltyProgramId: 1, loyaltyCardId: 'card-1' };

describe('paginate', () => {
  test('yields the operation own Result, page value inferred', async () => {
    const pages = paginate(getLoyaltyCardTransactions, keyed, txParams, { maxPages: 10 });
    expectTypeOf(pages).toEqualTypeOf<
      AsyncIterableIterator<Result<TxPage, PageError<TalonError<TxErrors>>>>
    >();
    for await (const page of pages) {
      if (!page.ok) {
        expectTypeOf(page.error.kind).toEqualTypeOf<
          'http' | 'validation' | 'config' | 'network' | 'timeout' | 'aborted' | 'response'
        >();
        if (page.error.kind === 'http' && page.error.documented) {
          expectTypeOf(page.error.status).toEqualTypeOf<404>();
          expectTypeOf(page.error.body).toEqualTypeOf<{ message: string }>();
        }
        break;
      }
      expectTypeOf(page.value).toEqualTypeOf<TxPage>();
      expectTypeOf(page.value.data).toEqualTypeOf<Tx[]>();
      expectTypeOf(page.response).toEqualTypeOf<ResponseMeta>();
    }
  });

  test('works with totalResultSize answers and readonly data', () => {
    const pages = paginate(getCustomerAchievements, keyed, { integrationId: 'u1', pageSize: 50 });
    expectTypeOf(pages).toEqualTypeOf<
      AsyncIterableIterator<
        Result<{ data: readonly Achievement[]; totalResultSize: number }, PageError<TalonError>>
      >
    >();
    paginate(getCustomerAchievements, signed, { integrationId: 'u1' });
  });

  test('only paginated operations, the right client and params are accepted', () => {
    // @ts-expect-error the value is { id: number }, not a page
    paginate(getThing, keyed, { id: 'x' });
    // @ts-expect-error the params have no skip and pageSize
    paginate(listWithoutSkip, keyed, { id: 'x' });
    // @ts-expect-error the params have skip but no pageSize
    paginate(listWithSkipOnly, keyed, { id: 'x' });
    // @ts-expect-error skip and pageSize are strings
    paginate(listWithStringSkip, keyed, { id: 'x' });
    // @ts-expect-error the value has neither hasMore nor totalResultSize
    paginate(listWithoutMore, keyed, { id: 'x' });
    // @ts-expect-error an apiKey-only operation refuses a contentSignature client
    paginate(getLoyaltyCardTransactions, signed, txParams);
    // @ts-expect-error loyaltyCardId is required
    paginate(getLoyaltyCardTransactions, keyed, { loyaltyProgramId: 1 });
    // @ts-expect-error skip is a number
    paginate(getLoyaltyCardTransactions, keyed, { ...txParams, skip: '10' });
    // @ts-expect-error maxPages is a number
    paginate(getLoyaltyCardTransactions, keyed, txParams, { maxPages: '3' });
    // @ts-expect-error not an option
    paginate(getLoyaltyCardTransactions, keyed, txParams, { maxPage: 3 });
    paginate(getLoyaltyCardTransactions, keyed, txParams, {
      maxItems: 5,
      signal: new AbortController().signal,
      retry: { limit: 0 },
      headers: { 'x-trace': '1' },
    });
  });
});

describe('paginateItems and collectItems', () => {
  test('the item type comes from data', async () => {
    for await (const tx of paginateItems(getLoyaltyCardTransactions, keyed, txParams)) {
      if (!tx.ok) {
        expectTypeOf(tx.error).toEqualTypeOf<PageError<TalonError<TxErrors>>>();
        break;
      }
      expectTypeOf(tx.value).toEqualTypeOf<Tx>();
      expectTypeOf(tx.response).toEqualTypeOf<ResponseMeta>();
    }
    for await (const a of paginateItems(getCustomerAchievements, keyed, { integrationId: 'u1' })) {
      if (a.ok) expectTypeOf(a.value).toEqualTypeOf<Achievement>();
    }
  });

  test('collectItems keeps the items fetched before an error', async () => {
    const all = await collectItems(getLoyaltyCardTransactions, keyed, txParams, { maxItems: 100 });
    if (all.ok) {
      expectTypeOf(all).toExtend<Ok<Tx[]>>();
      expectTypeOf(all.value).toEqualTypeOf<Tx[]>();
      expectTypeOf(all.stoppedAt).toEqualTypeOf<StoppedAt | undefined>();
    } else {
      expectTypeOf(all.items).toEqualTypeOf<Tx[]>();
      expectTypeOf(all.error).toExtend<TalonError<TxErrors> | ConfigError>();
    }
  });

  test('non-paginated operations are refused', () => {
    // @ts-expect-error the value is { id: number }, not a page
    paginateItems(getThing, keyed, { id: 'x' });
    // @ts-expect-error the params have no skip and pageSize
    collectItems(listWithoutSkip, keyed, { id: 'x' });
  });
});
