// Hand-kept helper of the generated models (written by scripts/gen-models.mjs).
import * as v from 'valibot';

/**
 * A response enum that also accepts values this SDK version does not know yet. The type is the
 * union of the known values plus `string & {}`, which keeps editor autocompletion for them.
 */
export function openEnum<const T extends readonly string[]>(values: T) {
  return v.custom<T[number] | (string & {})>(
    (input) => typeof input === 'string',
    () => `Invalid type: expected a string such as ${values.join(', ')}`,
  );
}
