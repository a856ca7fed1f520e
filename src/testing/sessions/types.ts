/**
 * Customer sessions as the state keeps them: their cart items, what closing did (so that
 * cancelling, reopening and returns can take it back) and their returns.
 */

/** A cart item as the fake keeps it. */
export interface FakeCartItem {
  name?: string | undefined;
  sku: string;
  quantity: number;
  price?: number | undefined;
  category?: string | undefined;
  position: number;
  attributes?: Record<string, unknown> | undefined;
  /** Other fields of the request's cart item (weight, product, additionalCosts…), kept as sent. */
  [field: string]: unknown;
}

/** What closing a session did, kept so that cancelling it can roll it back. */
export interface FakeCloseRecord {
  coupons: string[];
  referral: string | undefined;
  discounts: { name: string; value: number; campaignId: number }[];
  points: {
    campaignId: number;
    programId: number;
    value: number;
    transactionUUID: string;
    subledgerId: string;
    /** The card the points went to, if any. */
    cardIdentifier: string | undefined;
  }[];
  total: number;
  /** The cart items' value when the session closed: returns take back their share of it. */
  cartItemTotal: number;
  /** The value of the cart items returned so far (`returnCartItems`). */
  returnedValue: number;
}

/** A customer session as the fake keeps it. */
export interface FakeSession {
  id: number;
  integrationId: string;
  /** The profile's integration ID, or `''` for an anonymous session. */
  profileId: string;
  created: string;
  updated: string;
  state: 'open' | 'closed' | 'partially_returned' | 'cancelled';
  cartItems: FakeCartItem[];
  couponCodes: string[];
  referralCode: string | undefined;
  attributes: Record<string, unknown>;
  additionalCosts: Record<string, { price: number }>;
  identifiers: string[];
  storeIntegrationId: string | undefined;
  /** The total the 2021 API let the caller declare, if it did. */
  declaredTotal: number | undefined;
  firstSession: boolean;
  updateCount: number;
  closed: FakeCloseRecord | undefined;
  /** Identifiers of the loyalty cards the session names. */
  loyaltyCards: string[];
  /** The returns of the session (`returnCartItems`), oldest first. */
  returns: FakeReturn[];
}

/** A return of cart items of a closed session. */
export interface FakeReturn {
  id: number;
  created: string;
  eventId: number;
  returnedCartItems: { position: number; quantity: number; sku: string }[];
}
