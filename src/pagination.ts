/**
 * Pagination helpers: walk a paginated operation (`pageSize` and `skip` query parameters, a
 * `{ data, hasMore }` or `{ data, totalResultSize }` answer) page by page or item by item. They
 * wrap any endpoint function, so they cost nothing unless imported, and like every endpoint they
 * never throw: problems arrive as `{ ok: false, error }` values.
 */
import {
  type ConfigError,
  configError,
  internalError,
  type NetworkError,
  type ValidationError,
  validationError,
} from './core/errors.js';
import type { CallOptions } from './core/options.js';
import { type Err, err, type Ok, ok, type ResponseMeta, type Result } from './core/result.js';

/** Options of {@link paginate}, {@link paginateItems} and {@link collectItems}. */
export interface PaginateOptions extends CallOptions {
  /** Stop after this many pages (a positive whole number). Default: no limit. */
  readonly maxPages?: number | undefined;
  /**
   * Stop after this many items (a positive whole number): the page that reaches the limit has its
   * `data` trimmed, and the last request asks for no more items than are still needed.
   * Default: no limit.
   */
  readonly maxItems?: number | undefined;
}

/**
 * An endpoint function: `(client, params, options?) => Promise<Result<V, E>>`. Every operation of
 * the SDK has this shape.
 */
export type PageOperation<C, P, V, E> = (
  client: C,
  params: P,
  options?: CallOptions,
) => Promise<Result<V, E>>;

/** The paging params every paginated operation takes (Talon.One pages by offset). */
export type PageParams = { skip?: number | undefined; pageSize?: number | undefined };

/** The item type of a page answer: the element type of its `data`. */
export type PageItem<V> = V extends { readonly data: readonly (infer T)[] } ? T : never;

/**
 * `true` when an operation with params `P` and value `V` can be walked: `P` has `skip` and
 * `pageSize` keys (numbers), and `V` has `data` (an array) plus `hasMore` or `totalResultSize`.
 * (A key check, because `{ id: string }` is assignable to `{ skip?: number }`.)
 */
export type IsPaginated<P, V> = 'skip' extends keyof P
  ? 'pageSize' extends keyof P
    ? [P, V] extends [PageParams, { readonly data: readonly unknown[] }]
      ? 'hasMore' extends keyof V
        ? true
        : 'totalResultSize' extends keyof V
          ? true
          : false
      : false
    : false
  : false;

/**
 * Why an operation cannot be walked, as a sentence: `never` for a paginated operation. The
 * first check that fails names the reason.
 */
export type NotPaginatedReason<P, V> = 'skip' extends keyof P
  ? 'pageSize' extends keyof P
    ? [P] extends [PageParams]
      ? [V] extends [{ readonly data: readonly unknown[] }]
        ? 'hasMore' extends keyof V
          ? never
          : 'totalResultSize' extends keyof V
            ? never
            : 'its answer has data but neither hasMore nor totalResultSize'
        : 'its answer has no data list'
      : 'its skip and pageSize are not numbers'
    : 'its params have skip but no pageSize'
  : 'its params have no skip and pageSize';

/**
 * What a non-paginated operation is checked against: a string literal type, so no function is
 * assignable to it and the compiler's message quotes the sentence, e.g. `Argument of type
 * '(client: …, params: GetCustomerSessionParams, …) => …' is not assignable to parameter of type
 * '"paginate() needs an operation with pageSize and skip params and a { data, hasMore |
 * totalResultSize } answer: this one is not paginated (its params have no skip and pageSize)"'`.
 */
export type NotPaginated<P, V> =
  `paginate() needs an operation with pageSize and skip params and a { data, hasMore | totalResultSize } answer: this one is not paginated (${NotPaginatedReason<P, V>})`;

/**
 * The type of the `operation` parameter of the pagination helpers: the operation itself when it
 * is paginated, {@link NotPaginated} (a sentence the compiler quotes) otherwise.
 */
export type Paginated<C, P, V, E> =
  IsPaginated<P, V> extends true ? PageOperation<C, P, V, E> : NotPaginated<P, V>;

/**
 * The errors a walk can end with: the operation's own errors `E`, plus a `config` error for bad
 * `maxPages`/`maxItems`, a `validation` error for a bad `skip`/`pageSize` and, should the
 * operation itself throw (a bug), a `network` error saying so. For SDK operations `E` already
 * holds all three.
 */
export type PageError<E> = E | ConfigError | ValidationError | NetworkError;

/**
 * The items {@link collectItems} stops at when neither `maxItems` nor `maxPages` is given, so that
 * an API that keeps answering `hasMore: true` cannot fill the memory. Pass `maxItems` (up to
 * `Number.MAX_SAFE_INTEGER`) or `maxPages` to choose another bound.
 */
export const DEFAULT_COLLECT_MAX_ITEMS = 10_000;

/**
 * Why a walk ended before the API said it was done: the caller's `maxItems` or `maxPages`, or
 * {@link DEFAULT_COLLECT_MAX_ITEMS} (`'defaultMaxItems'`, {@link collectItems} only).
 */
export type StoppedAt = 'maxItems' | 'maxPages' | 'defaultMaxItems';

/**
 * What {@link collectItems} resolves to on success: the items, the last page's response and,
 * when a bound ended the walk while the API had more (or the last page was trimmed), `stoppedAt`
 * naming the bound. Without `stoppedAt` every item was collected.
 */
export interface CollectOk<T> extends Ok<T[]> {
  readonly stoppedAt?: StoppedAt;
}

/** What {@link collectItems} resolves to when a page fails: the error and every item fetched before it. */
export interface PartialErr<T, E> extends Err<E> {
  /** The items of the pages that arrived before the error, in order. */
  readonly items: T[];
}

function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** The name used in the errors the helpers make themselves (the endpoint function's name). */
function nameOf(operation: unknown): string {
  const name = (operation as { readonly name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name ? name : 'paginate';
}

/** A paging parameter the helper refuses before calling the operation. */
function paramError(id: string, path: string, message: string): ValidationError {
  return validationError(id, [{ path, message, code: 'invalid_value' }], (text) => text);
}

/** Calls the operation and answers with a Result whatever it does (throws, rejects, returns junk). */
async function call<V, E>(
  operation: PageOperation<unknown, unknown, V, E>,
  client: unknown,
  params: unknown,
  options: CallOptions | undefined,
  id: string,
): Promise<Result<V, PageError<E>>> {
  let detail: string;
  try {
    const result = await operation(client, params, options);
    if (typeof result === 'object' && result !== null && typeof result.ok === 'boolean') return result;
    detail = 'the operation did not answer with a Result';
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  return err(internalError(client, id, detail));
}

async function* walk<V, E>(
  operation: PageOperation<unknown, unknown, V, E>,
  client: unknown,
  params: unknown,
  options: PaginateOptions | undefined,
): AsyncGenerator<Result<V, PageError<E>>, StoppedAt | undefined, undefined> {
  const id = nameOf(operation);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    yield err(configError(id, 'options', 'must be an object or undefined'));
    return;
  }
  const { maxPages, maxItems, ...rest } = options ?? {};
  for (const [field, value] of [
    ['maxPages', maxPages],
    ['maxItems', maxItems],
  ] as const) {
    if (value !== undefined && !isWhole(value, 1)) {
      yield err(configError(id, `options.${field}`, 'must be a positive whole number or undefined'));
      return;
    }
  }
  const base = { ...(params as PageParams) };
  const pageSize = base.pageSize;
  if (pageSize !== undefined && !isWhole(pageSize, 1)) {
    yield err(paramError(id, 'pageSize', 'must be a positive whole number or undefined'));
    return;
  }
  if (base.skip !== undefined && !isWhole(base.skip, 0)) {
    yield err(paramError(id, 'skip', 'must be a whole number from 0 or undefined'));
    return;
  }
  const callOptions = options === undefined ? undefined : rest;

  let skip = base.skip ?? 0;
  let pages = 0;
  let items = 0;
  // The page size the API uses: the one asked for, else the length of the first non-empty page. The
  // last request of a maxItems walk is lowered below it, never raised above it.
  let known = pageSize;
  for (;;) {
    let size = pageSize;
    if (maxItems !== undefined && known !== undefined && maxItems - items < known) size = maxItems - items;
    const next: PageParams = { ...base, skip };
    if (size !== undefined) next.pageSize = size;
    const result = await call(operation, client, next, callOptions, id);
    if (!result.ok) {
      yield result;
      return;
    }
    pages += 1;
    const value = result.value as unknown as Record<string, unknown> | null | undefined;
    const raw = value?.data;
    const data: readonly unknown[] = Array.isArray(raw) ? raw : [];
    const received = data.length;
    const hasMore = value?.hasMore;
    const total = value?.totalResultSize;
    const room = maxItems === undefined ? received : maxItems - items;
    const kept = received > room ? data.slice(0, room) : data;
    items += kept.length;
    if (known === undefined && received > 0) known = received;
    const end =
      received === 0 ||
      hasMore === false ||
      (typeof total === 'number' && skip + received >= total) ||
      (typeof hasMore !== 'boolean' && typeof total !== 'number' && size !== undefined && received < size);
    const bound =
      maxItems !== undefined && items >= maxItems
        ? 'maxItems'
        : maxPages !== undefined && pages >= maxPages
          ? 'maxPages'
          : undefined;
    skip += received;
    yield kept === raw ? result : ok({ ...value, data: kept } as V, result.response);
    // The API's last page ends the walk unbounded, unless maxItems trimmed it.
    if (end && kept.length === received) return undefined;
    if (end || bound) return bound;
  }
}

/**
 * Walks a paginated operation page by page, as an async iterable of the operation's own Results:
 * `page.value` is the whole page answer (`{ data, hasMore }` or `{ data, totalResultSize }`) and
 * `page.response` its status and headers. Nothing is sent until iteration starts.
 *
 * The walk starts at `params.skip ?? 0` and sends `params.pageSize` as given (when absent, the API's
 * default applies). After each page `skip` advances by the number of items received. It stops
 * after a page where `hasMore` is `false`, where `skip + data.length >= totalResultSize`, that is
 * empty (a `null` or missing `data` counts as empty and is yielded as `[]`), or, when the answer has
 * neither `hasMore` nor `totalResultSize`, that is shorter than the `pageSize` asked for; and after
 * `maxPages` pages or `maxItems` items. Without those bounds an API that keeps saying `hasMore`
 * is walked to its end ({@link collectItems} alone has a default bound).
 *
 * It never throws and never rejects. The first error is yielded as `{ ok: false, error }` and ends
 * the walk: the operation's own errors (`http` after its retries, `network`, `timeout`,
 * `response`...), `aborted` when `options.signal` fires (before or during the walk; no further
 * request is sent), a `config` error for a bad `maxPages`/`maxItems` or any bad call option, and a
 * `validation` error for a bad `skip`/`pageSize` (the last two before anything is sent).
 *
 * @param operation An endpoint function whose params have `skip` and `pageSize` and whose value has
 * `data` plus `hasMore` or `totalResultSize`; any other operation is a compile error.
 * @param options Every {@link CallOptions} (passed to each call, `signal` included) plus
 * `maxPages` and `maxItems`.
 * @returns An async iterator of one `Result` per page. Its last element may be an error: the
 * operation's own (`http`, `network`, `timeout`, `response`), `aborted`, `config` or `validation`.
 *
 * @example
 * ```ts
 * const pages = paginate(getLoyaltyCardTransactions, talon, { loyaltyProgramId: 1, loyaltyCardId: 'card-1', pageSize: 100 }, { maxPages: 10 });
 * for await (const page of pages) {
 *   if (!page.ok) {
 *     console.error(page.error.message);
 *     break;
 *   }
 *   for (const tx of page.value.data) console.log(tx.amount);
 * }
 * ```
 */
export function paginate<C, P, V, E>(
  operation: Paginated<C, P, V, E>,
  client: NoInfer<C>,
  params: NoInfer<P>,
  options?: PaginateOptions,
): AsyncIterableIterator<Result<V, PageError<E>>> {
  return walk(operation as PageOperation<unknown, unknown, V, E>, client, params, options);
}

/**
 * Walks a paginated operation item by item: one `{ ok: true, value: item, response }` per element
 * of each page's `data` (with the response of the page it came in), in order. Same requests, stop
 * rules, bounds and errors as {@link paginate}: it never throws, and a failed page ends the walk
 * with one `{ ok: false, error }` after the items of the pages before it.
 *
 * Named after {@link paginate} (rather than a bare `items`) so that both helpers sit together in
 * the editor's completion list and the name says what is walked in a flat, tree-shaken namespace.
 *
 * @returns An async iterator of one `Result` per item; a failed page ends it with one error of
 * the kinds {@link paginate} lists (`http`, `network`, `timeout`, `response`, `aborted`, `config`,
 * `validation`).
 *
 * @example
 * ```ts
 * for await (const tx of paginateItems(getLoyaltyCardTransactions, talon, { loyaltyProgramId: 1, loyaltyCardId: 'card-1' }, { maxItems: 500 })) {
 *   if (!tx.ok) {
 *     console.error(tx.error.message);
 *     break;
 *   }
 *   console.log(tx.value.amount);
 * }
 * ```
 */
export async function* paginateItems<C, P, V, E>(
  operation: Paginated<C, P, V, E>,
  client: NoInfer<C>,
  params: NoInfer<P>,
  options?: PaginateOptions,
): AsyncIterableIterator<Result<PageItem<V>, PageError<E>>> {
  for await (const page of walk(
    operation as PageOperation<unknown, unknown, V, E>,
    client,
    params,
    options,
  )) {
    if (!page.ok) {
      yield page;
      return;
    }
    for (const item of (page.value as { data: readonly PageItem<V>[] }).data)
      yield { ok: true, value: item, response: page.response };
  }
}

/**
 * Fetches every item of a paginated operation into one array: `{ ok: true, value: items, response }`
 * (the response of the last page). Same requests, stop rules, bounds and errors as
 * {@link paginate}, with one difference: without `maxItems` and `maxPages` it stops at
 * {@link DEFAULT_COLLECT_MAX_ITEMS} (10,000) items, and then says so with
 * `stoppedAt: 'defaultMaxItems'`. Whenever a bound ended the walk before the API's last page,
 * `stoppedAt` names it (`'maxItems'`, `'maxPages'`, `'defaultMaxItems'`); its absence means every
 * item was collected. It never throws. When a page fails it resolves to
 * `{ ok: false, error, items }`: nothing already fetched is lost.
 *
 * @returns A promise of a {@link CollectOk} (the items, perhaps `stoppedAt`), or of a
 * {@link PartialErr}: the error (`http`, `network`, `timeout`, `response`, `aborted`, `config`,
 * `validation`) with the items fetched before it. It never rejects.
 *
 * @example
 * ```ts
 * const all = await collectItems(getLoyaltyCardTransactions, talon, { loyaltyProgramId: 1, loyaltyCardId: 'card-1' }, { maxItems: 1000 });
 * if (!all.ok) console.error(`${all.error.message} after ${all.items.length} items`);
 * else console.log(all.value.length, all.stoppedAt ? `(stopped at ${all.stoppedAt}: there are more)` : '(all)');
 * ```
 */
export async function collectItems<C, P, V, E>(
  operation: Paginated<C, P, V, E>,
  client: NoInfer<C>,
  params: NoInfer<P>,
  options?: PaginateOptions,
): Promise<CollectOk<PageItem<V>> | PartialErr<PageItem<V>, PageError<E>>> {
  const items: PageItem<V>[] = [];
  let response: ResponseMeta | undefined;
  // A bad options value is left to the walk, which answers it with a config error.
  const bounded =
    options !== undefined &&
    (typeof options !== 'object' ||
      options === null ||
      options.maxItems !== undefined ||
      options.maxPages !== undefined);
  const pages = walk(
    operation as PageOperation<unknown, unknown, V, E>,
    client,
    params,
    bounded ? options : { ...options, maxItems: DEFAULT_COLLECT_MAX_ITEMS },
  );
  for (;;) {
    const next = await pages.next();
    if (next.done) {
      const stoppedAt = !bounded && next.value === 'maxItems' ? 'defaultMaxItems' : next.value;
      const value = ok(items, response as ResponseMeta);
      return stoppedAt ? { ...value, stoppedAt } : value;
    }
    const page = next.value;
    if (!page.ok) return { ok: false, error: page.error, items };
    for (const item of (page.value as { data: readonly PageItem<V>[] }).data) items.push(item);
    response = page.response;
  }
}
