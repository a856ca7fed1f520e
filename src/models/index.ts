/**
 * Every model of the Integration API as a named type (./types.ts, generated from the spec). The
 * valibot schemas are published separately, as `talon-fetch/schemas`.
 */
export type { UnknownEffectType, UnknownEffectTypeTag } from './helpers.js';
export { knownEffectTypes } from './schemas.js';
export type * from './types.js';
