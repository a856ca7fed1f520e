// A checkout that fails open: it prices the cart through Talon.One (updateCustomerSessionV2) within
// a total time budget and, when Talon.One fails (a 409 that stays, a 503, a timeout, a dropped
// connection, the caller giving up), sells at full price and logs one line. The sale never waits
// for a discount longer than the budget, and never fails because of one.
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';

/**
 * @typedef {{ sku: string, quantity: number, price: number, name?: string }} Item
 * @typedef {{ sessionId: string, profileId: string, items: Item[], couponCodes?: string[] }} Order
 * @typedef {{ subtotal: number, discount: number, total: number, discounted: boolean, reason?: string }} Price
 */

const round = (n) => Math.round(n * 100) / 100;

/**
 * Prices an order. Never throws for a Talon.One failure: it answers the full price instead.
 *
 * @param {Order} order
 * @param {{ baseUrl: string, apiKey: string, budgetMs?: number, signal?: AbortSignal,
 *   log?: (line: string) => void, fetch?: typeof fetch }} options
 * @returns {Promise<Price>}
 */
export async function priceCart(order, options) {
  const budget = options.budgetMs ?? 800;
  const subtotal = round(order.items.reduce((sum, item) => sum + item.price * item.quantity, 0));
  const talon = createClient({
    baseUrl: options.baseUrl,
    auth: apiKey(options.apiKey),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    totalTimeout: budget, // the whole call, retries and waits included
    timeout: Math.max(50, Math.floor(budget / 2)), // one attempt may take half of it
    retry: {
      limit: 2,
      backoffLimit: 100,
      maxRetryAfter: 200, // a longer Retry-After does not fit the budget: fail open at once
      // 409 (parallel updates of one session) is opted in: this call only prices an open
      // session, so repeating it is harmless.
      statusCodes: [409, 408, 429, 500, 502, 503, 504],
    },
  });
  const result = await updateCustomerSessionV2(
    talon,
    {
      customerSessionId: order.sessionId,
      body: {
        customerSession: {
          profileId: order.profileId,
          cartItems: order.items,
          couponCodes: order.couponCodes ?? [],
        },
      },
    },
    options.signal ? { signal: options.signal } : {},
  );
  if (!result.ok) {
    const { kind, message } = result.error;
    const reason = kind === 'http' ? `http ${result.error.status}` : kind;
    // SDK error messages never contain the API key.
    (options.log ?? console.warn)(
      `checkout ${order.sessionId}: Talon.One failed (${reason}), selling at full price: ${message}`,
    );
    return { subtotal, discount: 0, total: subtotal, discounted: false, reason };
  }
  const discount = round(
    result.value.effects.reduce((sum, e) => sum + (e.effectType === 'setDiscount' ? e.props.value : 0), 0),
  );
  return { subtotal, discount, total: round(subtotal - discount), discounted: true };
}

/**
 * The same as a Fetch API handler (Workers, Deno, Bun, Node 20+): POST { sessionId, profileId,
 * items, couponCodes } answers the price. The caller's disconnect (request.signal) ends the call.
 *
 * @param {Request} request
 * @param {{ TALON_BASE_URL: string, TALON_API_KEY: string, BUDGET_MS?: string }} env
 */
export async function handler(request, env) {
  let order;
  try {
    order = await request.json();
  } catch {
    return Response.json({ error: 'the body must be JSON' }, { status: 400 });
  }
  const price = await priceCart(order, {
    baseUrl: env.TALON_BASE_URL,
    apiKey: env.TALON_API_KEY,
    budgetMs: Number(env.BUDGET_MS ?? 800),
    signal: request.signal,
  });
  return Response.json(price);
}
