/**
 * Cart item catalogs: the configured ones (`seedCatalogs`), and `syncCatalog`, which applies one type
 * of action (ADD, PATCH, PATCH_MANY, REMOVE, REMOVE_MANY, ADD_PRICE_ADJUSTMENT) to a catalog, all or
 * nothing, and records every price change in the price history (prices.ts).
 */
import * as v from 'valibot';
import { dateTime } from '../../models/helpers.js';
import type { Catalog, CatalogActionInput } from '../../models/index.js';
import { type Answer, type ErrorItem, fail, invalidAt as invalid } from '../answers.js';
import { ACCOUNT_ID, CONFIGURED } from '../constants.js';
import type { Context } from '../route.js';
import type { FakeTalonState, ResolvedFakeTalonOptions } from '../types.js';
import { observe } from './prices.js';
import type { FakeCatalog, FakeCatalogItem } from './types.js';

const Sku = v.pipe(v.string(), v.minLength(1));

const Price = v.pipe(v.number(), v.finite());

const Attributes = v.record(v.string(), v.unknown());

const Product = v.strictObject({ name: v.string() });

const Filter = v.strictObject({
  attr: v.pipe(v.string(), v.minLength(1)),
  op: v.picklist(['EQ', 'LT', 'LE', 'GT', 'GE', 'IN']),
  value: v.unknown(),
});

const Filters = v.optional(v.array(Filter));

const Adjustment = v.strictObject({
  priceType: v.pipe(v.string(), v.minLength(1)),
  price: v.optional(v.nullable(Price)),
  referenceId: v.pipe(v.string(), v.minLength(1)),
  calculatedAt: v.optional(dateTime()),
  effectiveFrom: v.optional(dateTime()),
  effectiveUntil: v.optional(dateTime()),
  contextId: v.optional(v.string()),
});

/** The payload of each action type (the API's action objects, checked strictly like the bodies). */
const PAYLOADS = {
  ADD: v.strictObject({
    sku: Sku,
    price: v.optional(Price),
    attributes: v.optional(Attributes),
    product: v.optional(Product),
    replaceIfExists: v.optional(v.boolean()),
  }),
  PATCH: v.strictObject({
    sku: Sku,
    price: v.optional(Price),
    attributes: v.optional(Attributes),
    product: v.optional(Product),
    createIfNotExists: v.optional(v.boolean()),
  }),
  PATCH_MANY: v.strictObject({
    price: v.optional(Price),
    attributes: v.optional(Attributes),
    filters: Filters,
  }),
  REMOVE: v.strictObject({ sku: Sku }),
  REMOVE_MANY: v.strictObject({ filters: Filters }),
  ADD_PRICE_ADJUSTMENT: v.strictObject({
    sku: Sku,
    adjustments: v.pipe(v.array(Adjustment), v.minLength(1)),
  }),
} as const;

type ActionType = keyof typeof PAYLOADS;

type Payload<T extends ActionType> = v.InferOutput<(typeof PAYLOADS)[T]>;

type AnyPayload = Payload<ActionType>;

type CatalogFilter = v.InferOutput<typeof Filter>;

/** Refuses catalogs that cannot work: a duplicate ID, a duplicate SKU, a price that is not a number. */
export function checkCatalogs(config: ResolvedFakeTalonOptions): void {
  const ids = new Set<number>();
  for (const catalog of config.catalogs) {
    if (ids.has(catalog.id)) throw new TypeError(`createFakeTalon: two catalogs have the ID ${catalog.id}`);
    ids.add(catalog.id);
    const skus = new Set<string>();
    for (const item of catalog.items ?? []) {
      if (skus.has(item.sku) || (item.price !== undefined && !Number.isFinite(item.price)))
        throw new TypeError(
          `createFakeTalon: catalog ${catalog.id}: item ${JSON.stringify(item.sku)} is a duplicate or has a bad price`,
        );
      skus.add(item.sku);
    }
  }
}

/** Puts the configured catalogs into a new state, their prices into the price history. */
export function seedCatalogs(state: FakeTalonState, config: ResolvedFakeTalonOptions): void {
  for (const spec of config.catalogs) {
    const catalog: FakeCatalog = {
      id: spec.id,
      name: spec.name,
      description: spec.description ?? '',
      created: CONFIGURED,
      modified: CONFIGURED,
      version: 1,
      items: new Map(),
    };
    for (const item of spec.items ?? []) {
      catalog.items.set(item.sku, {
        sku: item.sku,
        price: item.price,
        attributes: { ...item.attributes },
        product: item.product ? { name: item.product.name } : undefined,
        adjustments: [],
        created: CONFIGURED,
        modified: CONFIGURED,
      });
      if (item.price !== undefined) observe(state, catalog.id, item.sku, item.price, CONFIGURED);
    }
    state.catalogs.set(catalog.id, catalog);
  }
}

/** A catalog as `syncCatalog` answers it. */
export function catalogView(catalog: FakeCatalog, config: ResolvedFakeTalonOptions): Catalog {
  return {
    id: catalog.id,
    created: catalog.created,
    accountId: ACCOUNT_ID,
    modified: catalog.modified,
    name: catalog.name,
    description: catalog.description,
    subscribedApplicationsIds: [config.applicationId],
    version: catalog.version,
    createdBy: 1,
  };
}

function number(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
}

function same(actual: unknown, wanted: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  const [a, b] = [number(actual), number(wanted)];
  return Number.isFinite(a) && Number.isFinite(b) ? a === b : String(actual) === String(wanted);
}

function matches(item: FakeCatalogItem, filters: readonly CatalogFilter[]): boolean {
  return filters.every(({ attr, op, value }) => {
    const actual = Object.hasOwn(item.attributes, attr) ? item.attributes[attr] : undefined;
    if (op === 'EQ') return same(actual, value);
    if (op === 'IN') {
      const options = Array.isArray(value) ? value : String(value).split(',');
      return options.some((option) => same(actual, typeof option === 'string' ? option.trim() : option));
    }
    const [a, b] = [number(actual), number(value)];
    if (!Number.isFinite(a)) return false;
    return op === 'LT' ? a < b : op === 'LE' ? a <= b : op === 'GT' ? a > b : a >= b;
  });
}

/** Checks every payload of a sync request: the parsed payloads, or a 400 pointing into the body. */
function parsePayloads(actions: readonly CatalogActionInput[]): AnyPayload[] | Answer {
  const type = actions[0]!.type;
  const payloads: AnyPayload[] = [];
  const skus = new Set<string>();
  for (const [i, action] of actions.entries()) {
    if (action.type !== type)
      return invalid(
        `/actions/${i}/type`,
        `One sync request takes one type of action (${type} first, then ${action.type})`,
      );
    const parsed = v.safeParse(PAYLOADS[type], action.payload);
    if (!parsed.success) {
      const items: ErrorItem[] = parsed.issues.slice(0, 20).map((issue) => {
        const pointer =
          `/actions/${i}/payload/${(issue.path ?? []).map((p) => String(p.key)).join('/')}`.replace(
            /\/$/,
            '',
          );
        return { title: 'Invalid catalog action', details: `${pointer}: ${issue.message}`, pointer };
      });
      return fail(400, `Request body is invalid: ${items[0]?.details ?? 'invalid'}`, items);
    }
    const payload = parsed.output;
    if ('sku' in payload) {
      if (skus.has(payload.sku))
        return invalid(
          `/actions/${i}/payload/sku`,
          `The SKU ${JSON.stringify(payload.sku)} appears twice in one sync request`,
        );
      skus.add(payload.sku);
    }
    if ('filters' in payload)
      for (const [j, f] of (payload.filters ?? []).entries())
        if (f.op !== 'EQ' && f.op !== 'IN' && !Number.isFinite(number(f.value)))
          return invalid(`/actions/${i}/payload/filters/${j}/value`, `The operator ${f.op} takes a number`);
    payloads.push(payload);
  }
  return payloads;
}

/** What one sync does to a copy of the items: a 400, or the price observations to record. */
class Sync {
  readonly observations: Parameters<typeof observe>[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly catalog: FakeCatalog,
    readonly items: Map<string, FakeCatalogItem>,
  ) {}

  private setPrice(item: FakeCatalogItem, price: number | undefined): void {
    if (price === undefined || price === item.price) return;
    item.price = price;
    this.observations.push([this.ctx.state, this.catalog.id, item.sku, price, this.ctx.now]);
  }

  private newItem(sku: string): FakeCatalogItem {
    const { now } = this.ctx;
    return {
      sku,
      price: undefined,
      attributes: {},
      product: undefined,
      adjustments: [],
      created: now,
      modified: now,
    };
  }

  private change(item: FakeCatalogItem, p: { price?: number; attributes?: Record<string, unknown> }): void {
    if (p.attributes) item.attributes = { ...item.attributes, ...p.attributes };
    this.setPrice(item, p.price);
    item.modified = this.ctx.now;
  }

  add(i: number, p: Payload<'ADD'>): Answer | undefined {
    const existing = this.items.get(p.sku);
    if (existing && !p.replaceIfExists)
      return invalid(
        `/actions/${i}/payload/sku`,
        `The catalog has an item ${JSON.stringify(p.sku)} already (set replaceIfExists)`,
      );
    const item = existing ?? this.newItem(p.sku);
    // Replacing keeps the price unless a new one is given, and drops a product that is not.
    item.attributes = { ...p.attributes };
    item.product = p.product ? { name: p.product.name } : undefined;
    this.change(item, p.price === undefined ? {} : { price: p.price });
    this.items.set(p.sku, item);
    return undefined;
  }

  patch(i: number, p: Payload<'PATCH'>): Answer | undefined {
    let item = this.items.get(p.sku);
    if (!item) {
      if (!p.createIfNotExists)
        return invalid(
          `/actions/${i}/payload/sku`,
          `The catalog has no item ${JSON.stringify(p.sku)} (set createIfNotExists)`,
        );
      item = this.newItem(p.sku);
      this.items.set(p.sku, item);
    }
    if (p.product) item.product = { name: p.product.name };
    this.change(item, {
      ...(p.price === undefined ? {} : { price: p.price }),
      ...(p.attributes ? { attributes: p.attributes } : {}),
    });
    return undefined;
  }

  patchMany(p: Payload<'PATCH_MANY'>): void {
    for (const item of this.items.values())
      if (matches(item, p.filters ?? []))
        this.change(item, {
          ...(p.price === undefined ? {} : { price: p.price }),
          ...(p.attributes ? { attributes: p.attributes } : {}),
        });
  }

  removeMany(p: Payload<'REMOVE_MANY'>): void {
    for (const [sku, item] of this.items) if (matches(item, p.filters ?? [])) this.items.delete(sku);
  }

  adjust(i: number, p: Payload<'ADD_PRICE_ADJUSTMENT'>): Answer | undefined {
    const item = this.items.get(p.sku);
    if (!item)
      return invalid(`/actions/${i}/payload/sku`, `The catalog has no item ${JSON.stringify(p.sku)}`);
    const { state, now } = this.ctx;
    for (const a of p.adjustments) {
      item.adjustments = item.adjustments.filter((old) => old.priceType !== a.priceType);
      const from = a.effectiveFrom ?? now;
      if (a.price === undefined || a.price === null) {
        // The price type no longer applies: the item's own price is in force again.
        if (item.price !== undefined)
          this.observations.push([state, this.catalog.id, item.sku, item.price, now]);
        continue;
      }
      item.adjustments.push({
        priceType: a.priceType,
        price: a.price,
        referenceId: a.referenceId,
        effectiveFrom: from,
        effectiveUntil: a.effectiveUntil,
        contextId: a.contextId,
      });
      const details = { referenceId: a.referenceId, priceType: a.priceType, value: a.price };
      this.observations.push([state, this.catalog.id, item.sku, a.price, from, details, a.contextId]);
      if (a.effectiveUntil !== undefined && item.price !== undefined)
        this.observations.push([state, this.catalog.id, item.sku, item.price, a.effectiveUntil]);
    }
    item.modified = now;
    return undefined;
  }
}

/**
 * Applies a sync request to a catalog, all or nothing: a 400 (a version that is not the catalog's,
 * mixed action types, a bad payload, a SKU twice, an item that is there for ADD or missing for
 * PATCH without `createIfNotExists`), or `undefined` after the change (version + 1).
 */
export function syncCatalog(
  ctx: Context,
  catalog: FakeCatalog,
  actions: readonly CatalogActionInput[],
  version: number | undefined,
): Answer | undefined {
  if (version !== undefined && version !== catalog.version)
    return invalid(
      '/version',
      `The catalog is at version ${catalog.version}, not ${version}`,
      'Version mismatch',
    );
  const payloads = parsePayloads(actions);
  if (!Array.isArray(payloads)) return payloads;
  const items = new Map([...catalog.items].map(([sku, item]) => [sku, structuredClone(item)]));
  const sync = new Sync(ctx, catalog, items);
  const type = actions[0]!.type;
  for (const [i, payload] of payloads.entries()) {
    let problem: Answer | undefined;
    if (type === 'ADD') problem = sync.add(i, payload as Payload<'ADD'>);
    else if (type === 'PATCH') problem = sync.patch(i, payload as Payload<'PATCH'>);
    else if (type === 'PATCH_MANY') sync.patchMany(payload as Payload<'PATCH_MANY'>);
    else if (type === 'REMOVE') items.delete((payload as Payload<'REMOVE'>).sku);
    else if (type === 'REMOVE_MANY') sync.removeMany(payload as Payload<'REMOVE_MANY'>);
    else problem = sync.adjust(i, payload as Payload<'ADD_PRICE_ADJUSTMENT'>);
    if (problem) return problem;
  }
  catalog.items = items;
  catalog.version++;
  catalog.modified = ctx.now;
  for (const args of sync.observations) observe(...args);
  return undefined;
}
