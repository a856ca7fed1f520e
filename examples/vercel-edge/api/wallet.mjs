// A Vercel Edge Function: GET /api/wallet?profileId=… answers what the customer holds in
// Talon.One (reserved coupons, referral codes, loyalty points). TALON_BASE_URL and TALON_API_KEY
// are project environment variables.
import { apiKey, createClient, getCustomerInventory } from 'talon-fetch';

export const config = { runtime: 'edge' };

const json = (body, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=30' },
  });

/** @param {Request} req */
export default async function handler(req) {
  const profileId = new URL(req.url).searchParams.get('profileId');
  if (!profileId) return json({ error: 'add ?profileId=<integration ID>' }, 400);
  const talon = createClient({
    baseUrl: process.env.TALON_BASE_URL,
    auth: apiKey(process.env.TALON_API_KEY),
    timeout: 2_000,
  });
  const result = await getCustomerInventory(talon, {
    integrationId: profileId,
    coupons: true,
    referrals: true,
    loyalty: true,
  });
  if (!result.ok) {
    const { error } = result;
    if (error.kind === 'http' && error.status === 404) return json({ error: 'unknown customer' }, 404);
    return json({ error: error.message, kind: error.kind }, 502);
  }
  const { coupons = [], referrals = [], loyalty } = result.value;
  return json({
    coupons: coupons.map((c) => ({ code: c.value, state: c.state })),
    referralCodes: referrals.map((r) => r.code),
    points: Object.values(loyalty?.programs ?? {}).reduce((sum, p) => sum + p.ledger.currentBalance, 0),
  });
}
