// An AWS Lambda handler (Node.js 22+, API Gateway HTTP API payload v2): POST /orders/paid with
// { orderId, profileId } closes the customer session of the order in Talon.One, which redeems its
// coupons and awards loyalty points, and answers the points awarded.
// TALON_BASE_URL and TALON_API_KEY are environment variables of the function.
import { apiKey, createClient, updateCustomerSessionV2 } from 'talon-fetch';

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** @param {{ body?: string, isBase64Encoded?: boolean }} event */
export const handler = async (event) => {
  let order;
  try {
    const text = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : event.body;
    order = JSON.parse(text ?? '');
  } catch {
    return reply(400, { error: 'the body must be JSON: { orderId, profileId }' });
  }
  const talon = createClient({
    baseUrl: process.env.TALON_BASE_URL,
    auth: apiKey(process.env.TALON_API_KEY),
    timeout: 5_000,
    retry: { limit: 2 }, // PUT is idempotent: retried on 5xx, 429 and network errors
  });
  const result = await updateCustomerSessionV2(talon, {
    customerSessionId: String(order.orderId ?? ''),
    body: { customerSession: { profileId: order.profileId, state: 'closed' } },
  });
  if (!result.ok) {
    const { kind, message } = result.error;
    // Log without secrets: error messages never contain the API key.
    console.error(`closing order ${order.orderId} failed: ${message}`);
    return reply(kind === 'validation' || (kind === 'http' && result.error.status === 400) ? 400 : 502, {
      error: message,
    });
  }
  const points = result.value.effects
    .filter((e) => e.effectType === 'addLoyaltyPoints')
    .reduce((sum, e) => sum + e.props.value, 0);
  return reply(200, { orderId: order.orderId, pointsAwarded: points });
};
