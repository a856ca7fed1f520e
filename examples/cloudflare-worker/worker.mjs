// A Cloudflare Worker (module syntax) that prices a cart with Talon.One: POST /cart with
// { sessionId, profileId, cartItems, couponCodes } answers the effects and the discounted total.
// Secrets and settings come from `env` (wrangler.toml [vars] and `wrangler secret put TALON_API_KEY`).
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';

const json = (body, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export default {
  /**
   * @param {Request} request
   * @param {{ TALON_BASE_URL: string, TALON_API_KEY: string }} env
   */
  async fetch(request, env) {
    if (request.method !== 'POST' || new URL(request.url).pathname !== '/cart')
      return json({ error: 'POST /cart with { sessionId, profileId, cartItems, couponCodes }' }, 404);
    let input;
    try {
      input = await request.json();
    } catch {
      return json({ error: 'the body must be JSON' }, 400);
    }
    // A client is a frozen settings object: creating one per request costs nothing.
    const talon = createClient({
      baseUrl: env.TALON_BASE_URL,
      auth: apiKey(env.TALON_API_KEY),
      timeout: 3_000,
    });
    const result = await updateCustomerSessionV2(talon, {
      customerSessionId: String(input.sessionId ?? ''),
      body: {
        customerSession: {
          profileId: input.profileId,
          cartItems: input.cartItems,
          couponCodes: input.couponCodes,
        },
        responseContent: ['customerSession'],
      },
    });
    if (!result.ok) {
      // Never thrown: validation problems are the caller's, the rest is Talon.One's or the network's.
      const { kind, message } = result.error;
      return json({ error: message, kind }, kind === 'validation' ? 400 : 502);
    }
    const { effects, customerSession } = result.value;
    const discount = effects.reduce(
      (sum, e) => sum + (e.effectType === 'setDiscount' ? e.props.value : 0),
      0,
    );
    const subtotal = customerSession?.total ?? 0;
    return json({
      subtotal,
      discount,
      total: Math.round((subtotal - discount) * 100) / 100,
      effects: effects.map((e) => ({ type: e.effectType, ...e.props })),
    });
  },
};
