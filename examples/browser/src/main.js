// A browser script: previews the discounts of a cart with a dry-run session update.
// Bundled by rollup.config.mjs (@rollup/plugin-node-resolve picks talon-fetch's browser-safe ESM).
//
// Do not ship an Integration API key to browsers. Point `baseUrl` at your own endpoint that
// adds the key server-side (the default below: /talon on this origin), or, in a test, at the fake.
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';

/**
 * Previews a cart: effects, discount and total, without persisting anything (`dry: true`).
 * @param {{ baseUrl: string, apiKey: string }} config
 * @param {{ sessionId: string, profileId: string, cartItems: object[], couponCodes: string[] }} cart
 */
export async function previewCart(config, cart) {
  const talon = createClient({ baseUrl: config.baseUrl, auth: apiKey(config.apiKey), timeout: 4_000 });
  const result = await updateCustomerSessionV2(talon, {
    customerSessionId: cart.sessionId,
    dry: true,
    body: {
      customerSession: {
        profileId: cart.profileId,
        cartItems: cart.cartItems,
        couponCodes: cart.couponCodes,
      },
      responseContent: ['customerSession'],
    },
  });
  if (!result.ok) return { error: result.error.message };
  const { effects, customerSession } = result.value;
  const discount = effects.reduce((sum, e) => sum + (e.effectType === 'setDiscount' ? e.props.value : 0), 0);
  const subtotal = customerSession?.total ?? 0;
  return {
    subtotal,
    discount,
    total: Math.round((subtotal - discount) * 100) / 100,
    messages: effects.map((e) =>
      e.effectType === 'rejectCoupon' ? `${e.props.value}: ${e.props.rejectionReason}` : e.effectType,
    ),
  };
}

// Wire up index.html when running in a page.
const form = typeof document === 'undefined' ? null : document.querySelector('#cart');
if (form) {
  const config = globalThis.TALON_CONFIG ?? {
    baseUrl: `${location.origin}/talon`,
    apiKey: 'added-by-your-proxy',
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const out = await previewCart(config, {
      sessionId: 'browser-preview',
      profileId: String(data.get('profileId')),
      cartItems: [
        { name: 'Espresso beans', sku: 'BEANS-1KG', quantity: Number(data.get('quantity')), price: 24.5 },
      ],
      couponCodes: String(data.get('coupon')) ? [String(data.get('coupon'))] : [],
    });
    document.querySelector('#result').textContent = JSON.stringify(out, null, 2);
  });
}
