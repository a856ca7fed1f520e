/**
 * scripts/idempotency.mjs and scripts/reliability-table.mjs (plain ES modules without types),
 * imported by URL and typed here for the tests that keep them true.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Idempotency } from '../../src/core/idempotency.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** One entry of the table, as scripts/idempotency.mjs writes it. */
export type Entry = Idempotency & { readonly reason?: string };

export interface IdempotencyModule {
  readonly CLASSES: Readonly<Record<string, string>>;
  readonly INTEGRATION: Readonly<Record<string, Entry>>;
  readonly LEGACY: Readonly<Record<string, Entry>>;
  readonly MANAGEMENT: Readonly<Record<string, Entry>>;
  readonly IDEMPOTENCY: Readonly<Record<string, Entry>>;
  readonly methodRule: (method: string) => 'safe' | 'unsafe';
}

export interface ReliabilityTableModule {
  readonly DOC: string;
  readonly MANAGEMENT_FILE: string;
  readonly renderTable: () => string;
  readonly splice: (doc: string, body: string) => string;
}

const load = async <T>(file: string) => (await import(pathToFileURL(join(ROOT, file)).href)) as T;

export const idempotency = await load<IdempotencyModule>('scripts/idempotency.mjs');
export const reliabilityTable = await load<ReliabilityTableModule>('scripts/reliability-table.mjs');
