/**
 * The fake's deterministic generator (mulberry32, its seed kept in the state, so values repeat
 * after `reset()`): transaction IDs and referral, coupon and card codes.
 */
import type { FakeTalonState } from './types.js';

/** A number in [0, 1) from the state's seed (mulberry32), advancing the seed. */
export function random(state: FakeTalonState): number {
  state.seed = (state.seed + 0x6d2b79f5) | 0;
  let t = state.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A UUID-shaped transaction ID. */
export function transactionId(state: FakeTalonState): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(random(state) * 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const CODE_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A referral code that no referral or coupon has yet: `#` in the pattern is a random character. */
export function newCode(
  state: FakeTalonState,
  pattern = '####-####',
  characters: readonly string[] = CODE_CHARACTERS.split(''),
): string {
  const chars = characters.length ? characters : CODE_CHARACTERS.split('');
  for (let attempt = 0; ; attempt++) {
    let code = '';
    for (const c of pattern) code += c === '#' ? chars[Math.floor(random(state) * chars.length)] : c;
    if (attempt > 50) code += `-${state.nextId}`;
    const key = code.toUpperCase();
    if (!state.referrals.has(key) && !state.coupons.has(key)) return code;
  }
}
