/**
 * Every install line in the repository works today or says it is for later: talon-fetch is not
 * on the npm registry yet. A registry install (`npm install talon-fetch`, `deno add
 * npm:talon-fetch`, pnpm, yarn, bun) must sit on a line that says "once published" (or that it
 * does not work today); a tarball install must name the `npm run pack:local` tarball
 * (`talon-fetch-<version>-local.<hash>.tgz`: a plain `npm pack` name keeps an old build
 * installed); and no line points at JSR, which talon-fetch does not publish to.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = 'test/examples/install-lines.test.ts';

const REGISTRY_INSTALL =
  /\b(?:npm (?:install|i|add)|pnpm add|yarn add|bun add)\s+talon-fetch\b|\bdeno add npm:talon-fetch\b/;
const FOR_LATER = /once (?:it is )?published|does not work today/i;
const TARBALL_INSTALL = /\bnpm (?:install|i)\s+(\S*talon-fetch\S*\.tgz)/;
const LOCAL_TARBALL = /talon-fetch-\d+\.\d+\.\d+-local\.[^/\s]+\.tgz$/;
const JSR = /\bjsr:|\bnpx jsr\b|\bjsr\.io\b/;

/** The problem with one line, or undefined. */
function installProblem(line: string): string | undefined {
  if (JSR.test(line)) return 'points at JSR (talon-fetch is on npm only)';
  if (REGISTRY_INSTALL.test(line) && !FOR_LATER.test(line))
    return 'installs from the registry without saying "once published" (talon-fetch is not on it yet)';
  const tarball = TARBALL_INSTALL.exec(line)?.[1];
  if (tarball && !LOCAL_TARBALL.test(tarball))
    return `installs ${tarball}: use the npm run pack:local tarball (talon-fetch-<version>-local.<hash>.tgz)`;
  return undefined;
}

/** Tracked and new files, as git sees them (node_modules, dist and other ignored files left out). */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter(
      (f) =>
        /\.(md|mjs|cjs|js|ts|json|toml|sh|html|ya?ml)$/.test(f) &&
        f !== SELF &&
        !f.endsWith('package-lock.json'),
    );
}

describe('install lines', () => {
  it('every one in the repository works today or says it is for once published', () => {
    const found: string[] = [];
    const problems: string[] = [];
    for (const file of repositoryFiles()) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // listed by git but deleted in the work tree
      }
      text.split('\n').forEach((line, i) => {
        if (REGISTRY_INSTALL.test(line) || TARBALL_INSTALL.test(line) || JSR.test(line))
          found.push(`${file}:${i + 1}`);
        const problem = installProblem(line);
        if (problem) problems.push(`${file}:${i + 1}: ${problem}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
    // The scan sees the README's and the examples' install lines.
    expect(found.filter((f) => f.startsWith('README.md:')).length).toBeGreaterThan(1);
    for (const example of ['cloudflare-worker', 'lambda', 'vercel-edge', 'deno'])
      expect(
        found.some((f) => f.startsWith(`examples/${example}/README.md:`)),
        example,
      ).toBe(true);
  });

  it('the rule itself: allowed and refused forms', () => {
    expect(installProblem('npm install talon-fetch')).toMatch(/once published/);
    expect(installProblem('deno add npm:talon-fetch')).toMatch(/once published/);
    expect(installProblem('bun add talon-fetch')).toMatch(/once published/);
    expect(installProblem('Once it is published: `npm install talon-fetch`.')).toBeUndefined();
    expect(installProblem('npm install ../talon-fetch/talon-fetch-0.1.0.tgz')).toMatch(/pack:local/);
    expect(installProblem('npm install ../talon-fetch/talon-fetch-0.1.0-local.<hash>.tgz')).toBeUndefined();
    expect(installProblem('deno add jsr:@talon/fetch')).toMatch(/JSR/);
    expect(installProblem('npm install ky')).toBeUndefined();
  });
});
