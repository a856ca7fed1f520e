/**
 * Measurement reports of the test run (bundle sizes, type cost, fuzz and drift tallies): written
 * to `.tmp/reports/<name>.txt` so a green `npm test` stays quiet, and printed as well when
 * `TEST_REPORTS=1` is set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(fileURLToPath(new URL('../..', import.meta.url)), '.tmp', 'reports');

/** Writes one report; `name` is a file name without extension. */
export function report(name: string, text: string): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.txt`), `${text}\n`);
  if (process.env.TEST_REPORTS === '1') console.log(text);
}
