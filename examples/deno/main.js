// A Deno HTTP handler (`deno serve`): GET /?profileId=ada answers the customer's coupons,
// referrals and loyalty points from getCustomerInventory. `talon-fetch` is `npm:talon-fetch`
// through deno.json's import map.
import { apiKey, createClient, getCustomerInventory } from 'talon-fetch';

let talon;

export default {
  async fetch(request) {
    talon ??= createClient({
      baseUrl: Deno.env.get('TALON_BASE_URL') ?? '',
      auth: apiKey(Deno.env.get('TALON_API_KEY') ?? ''),
    });
    const profileId = new URL(request.url).searchParams.get('profileId');
    if (!profileId) return Response.json({ error: 'profileId is required' }, { status: 400 });
    const result = await getCustomerInventory(talon, {
      integrationId: profileId,
      coupons: true,
      referrals: true,
      loyalty: true,
    });
    if (!result.ok) {
      const status = result.error.kind === 'http' && result.error.status === 404 ? 404 : 502;
      return Response.json({ error: result.error.message }, { status });
    }
    const { coupons = [], referrals = [], loyalty } = result.value;
    return Response.json({
      coupons: coupons.map((c) => c.value),
      referrals: referrals.map((r) => r.code),
      loyaltyPrograms: Object.keys(loyalty?.programs ?? {}).length,
    });
  },
};
