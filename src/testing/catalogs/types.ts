/**
 * The cart item catalogs as options give them and as the state keeps them, and the price
 * history that `bestPriorPrice` reads (plain data, Maps and arrays).
 */

/** An item of a catalog given in the options. */
export interface FakeCatalogItemSpec {
  readonly sku: string;
  readonly price?: number;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly product?: { readonly name: string };
}

/** A cart item catalog given in the options (`syncCatalog` changes its items). */
export interface FakeCatalogSpec {
  readonly id: number;
  readonly name: string;
  readonly description?: string;
  /** The items it starts with; their prices enter the price history as observed on 2026-01-01. */
  readonly items?: readonly FakeCatalogItemSpec[];
}

/** A price type applied to an item by an `ADD_PRICE_ADJUSTMENT` action. */
export interface FakePriceAdjustment {
  priceType: string;
  /** The adjusted price; `undefined` once the price type no longer applies. */
  price: number | undefined;
  referenceId: string;
  effectiveFrom: string;
  effectiveUntil: string | undefined;
  contextId: string | undefined;
}

/** A catalog item as the fake keeps it. */
export interface FakeCatalogItem {
  sku: string;
  price: number | undefined;
  attributes: Record<string, unknown>;
  product: { name: string } | undefined;
  adjustments: FakePriceAdjustment[];
  created: string;
  modified: string;
}

/** A cart item catalog as the fake keeps it. Keys of `items` are SKUs. */
export interface FakeCatalog {
  id: number;
  name: string;
  description: string;
  created: string;
  modified: string;
  /** Grows by one with every successful `syncCatalog`. */
  version: number;
  items: Map<string, FakeCatalogItem>;
}

/**
 * One entry of the price history that `bestPriorPrice` reads: a price of a SKU and when it
 * applied. `syncCatalog` records one whenever an item's price changes (ADD, PATCH, PATCH_MANY)
 * and for each price adjustment (ADD_PRICE_ADJUSTMENT: the adjusted price from `effectiveFrom`, the
 * item's own price again from `effectiveUntil`), at the fake's clock.
 */
export interface FakePriceObservation {
  id: number;
  sku: string;
  catalogId: number;
  price: number;
  observedAt: string;
  /** The context IDs of the price adjustment in force, if any. */
  contextIds: string[];
  adjustment: { referenceId: string; priceType: string; value: number } | undefined;
}
