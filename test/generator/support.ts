/**
 * The generator's modules (plain ES modules under scripts/, without types) imported by URL for
 * the generator tests, and a small hand-made spec to run the stages on.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `scripts/<path>` imported as a module (its exports are untyped here). */
export function script(path: string) {
  return import(pathToFileURL(join(ROOT, 'scripts', path)).href);
}
