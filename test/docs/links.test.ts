/**
 * Every relative link of the README, docs/*.md and src/testing/README.md points at a file of the
 * repository, and every `#anchor` at a heading of that file (GitHub's slugs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKDOWN, ROOT } from './support.js';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
}

describe('documentation links', () => {
  it('every relative link and anchor resolves', () => {
    const broken: string[] = [];
    let links = 0;
    for (const file of MARKDOWN) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/i.test(target)) continue;
        links++;
        const [path = '', anchor] = target.split('#');
        const resolved = path ? join(ROOT, dirname(file), path) : join(ROOT, file);
        if (!existsSync(resolved)) broken.push(`${file}: ${target} (no such file)`);
        else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(links).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it('slugs like GitHub', () => {
    expect(slug('409 conflicts')).toBe('409-conflicts');
    expect(slug('Answers that survive drift')).toBe('answers-that-survive-drift');
    expect(slug('The fake Talon.One')).toBe('the-fake-talonone');
  });
});
