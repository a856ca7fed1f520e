/**
 * The API reference (`npm run docs`, TypeDoc, run by `npm test` before vitest with warnings as
 * errors) covers every export of the four entry points, and every public function says what it
 * returns on failure: a `@returns` (or `@throws`) block that names its errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsOf, ROOT } from './support.js';

const JSON_FILE = join(ROOT, 'docs/api/api.json');

interface Part {
  readonly kind?: string;
  readonly text: string;
}
interface Comment {
  readonly summary: readonly Part[];
  readonly blockTags?: readonly { readonly tag: string; readonly content: readonly Part[] }[];
}
interface Reflection {
  readonly name: string;
  readonly kind: number;
  readonly comment?: Comment;
  readonly signatures?: readonly { readonly comment?: Comment }[];
  readonly children?: readonly Reflection[];
}

const FUNCTION = 64;
const ENTRIES = {
  index: 'index.d.ts',
  schemas: 'schemas.d.ts',
  testing: 'testing.d.ts',
  management: 'management.d.ts',
} as const;

function reference(): Reflection {
  if (!existsSync(JSON_FILE))
    throw new Error(
      'docs/api/api.json is missing: run `npm run docs` first (`npm test` does, after the build)',
    );
  return JSON.parse(readFileSync(JSON_FILE, 'utf8')) as Reflection;
}

const text = (parts: readonly Part[] | undefined) => (parts ?? []).map((p) => p.text).join('');

describe('the API reference', () => {
  const root = reference();
  const modules = new Map((root.children ?? []).map((m) => [m.name, m]));

  it('has the four entry points', () => {
    expect([...modules.keys()].sort()).toEqual(Object.keys(ENTRIES).sort());
  });

  for (const [name, dts] of Object.entries(ENTRIES)) {
    it(`documents every export of ${name === 'index' ? 'talon-fetch' : `talon-fetch/${name}`}`, () => {
      const documented = new Set((modules.get(name)?.children ?? []).map((c) => c.name));
      const exported = exportsOf(dts);
      expect(exported.length).toBeGreaterThan(0);
      expect(exported.filter((e) => !documented.has(e))).toEqual([]);
    });
  }

  it('every public function has a summary and names its errors in @returns or @throws', () => {
    const missing: string[] = [];
    let functions = 0;
    for (const module of modules.values())
      for (const child of module.children ?? []) {
        if (child.kind !== FUNCTION) continue;
        functions++;
        const comment = child.signatures?.[0]?.comment;
        const tags = comment?.blockTags ?? [];
        const returns = text(tags.find((t) => t.tag === '@returns')?.content);
        const throws = tags.some((t) => t.tag === '@throws');
        if (!text(comment?.summary).trim()) missing.push(`${module.name}.${child.name}: no summary`);
        if (!throws && !/error|throw|reject/i.test(returns))
          missing.push(`${module.name}.${child.name}: no @returns/@throws naming its errors`);
      }
    expect(functions).toBeGreaterThan(42 + 186);
    expect(missing).toEqual([]);
  });
});
