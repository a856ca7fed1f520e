/**
 * Public types of the fake's campaign listing, achievements, cart item catalogs and price history:
 * the options that configure them and the records the state keeps (plain data, Maps and arrays).
 */

/**
 * When a campaign runs and what it is linked to. Only `integrationGetAllCampaigns` reads these
 * (it lists the campaigns running at the fake's clock and filters on them); the rule engine runs
 * every configured campaign whatever its schedule.
 */
export interface FakeCampaignSchedule {
  /** When the campaign starts (RFC 3339); absent: it has always run. */
  readonly startTime?: string;
  /** When the campaign ends (RFC 3339); absent: it never ends. */
  readonly endTime?: string;
  /** The stores the campaign is linked to (`linkedStoreIds`, the `storeId` filter). */
  readonly storeIds?: readonly number[];
  /** The audiences the campaign is linked to (`linkedAudienceIds`, the `audienceId` filter). */
  readonly audienceIds?: readonly number[];
}

/**
 * An achievement: a customer's closed sessions count towards its `target` ("3 closed orders").
 * Progress is worked out from the sessions the fake keeps, so a cancelled (or reopened) session
 * stops counting at once.
 */
export interface FakeAchievement {
  readonly id: number;
  /** The campaign the achievement belongs to: one of the configured campaigns. */
  readonly campaignId: number;
  /** The internal name: a letter, then letters, digits or `_`. */
  readonly name: string;
  /** The display name. */
  readonly title: string;
  readonly description?: string;
  /** How many closed sessions complete it (a whole number, at least 1). */
  readonly target: number;
  /** `no_recurrence` (default): completed once. `on_completion`: starts again after each completion. */
  readonly recurrencePolicy?: 'no_recurrence' | 'on_completion';
  /**
   * A fixed start (RFC 3339, `activationPolicy: fixed_schedule`): the achievement is `scheduled`
   * before it, and only sessions closed from then on count. Absent: `user_action`, always `active`.
   */
  readonly fixedStartDate?: string;
}

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
