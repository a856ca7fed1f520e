/**
 * Every model of the Integration API: the named types (./types.ts) and their valibot schemas
 * (./schemas.ts), both generated from the spec, plus the hand-written policies they use.
 */
export { closestKey, type UnknownEffectType, UnknownEffectTypeTag } from './helpers.js';
export * from './schemas.js';
export type * from './types.js';
