/**
 * `npm run pack:local` (scripts/pack-local.mjs) on a small package in a temp dir: the tarball's
 * name and the version inside it carry a hash of what is packed, the same build packs to the
 * same name, a rebuilt file to a new one, and the package's own package.json is left alone.
 * npm packs locally (no network).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { packLocal } = (await import(pathToFileURL(join(ROOT, 'scripts/pack-local.mjs')).href)) as {
  packLocal: (options: { root: string; out: string }) => { file: string; version: string; hash: string };
};

const temp = mkdtempSync(join(tmpdir(), 'talon-fetch-pack-local-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const pkg = join(temp, 'pkg');
const PACKAGE_JSON = `${JSON.stringify({ name: 'talon-fetch', version: '0.1.0', files: ['dist'] }, null, 2)}\n`;
mkdirSync(join(pkg, 'dist'), { recursive: true });
writeFileSync(join(pkg, 'package.json'), PACKAGE_JSON);
writeFileSync(join(pkg, 'README.md'), '# talon-fetch\n');
writeFileSync(join(pkg, 'dist/index.js'), 'export const build = 1;\n');
writeFileSync(join(pkg, 'notes.txt'), 'not packed\n');

/** package.json as packed inside a tarball. */
const packedJson = (file: string) =>
  JSON.parse(execFileSync('tar', ['-xOzf', file, 'package/package.json'], { encoding: 'utf8' })) as {
    version: string;
  };

describe('pack:local', () => {
  const first = packLocal({ root: pkg, out: join(temp, 'out') });

  it('names the tarball and the version inside it after a hash of the packed files', () => {
    expect(basename(first.file)).toMatch(/^talon-fetch-0\.1\.0-local\.[0-9a-z]{12}\.tgz$/);
    expect(first.version).toBe(`0.1.0-local.${first.hash}`);
    expect(basename(first.file)).toBe(`talon-fetch-${first.version}.tgz`);
    expect(packedJson(first.file).version).toBe(first.version);
    expect(readFileSync(join(pkg, 'package.json'), 'utf8')).toBe(PACKAGE_JSON);
  });

  it('the same build packs to the same name; a file that is not packed changes nothing', () => {
    writeFileSync(join(pkg, 'notes.txt'), 'still not packed\n');
    expect(packLocal({ root: pkg, out: join(temp, 'again') }).version).toBe(first.version);
  });

  it('a rebuild packs to a new version and file', () => {
    writeFileSync(join(pkg, 'dist/index.js'), 'export const build = 2;\n');
    const rebuilt = packLocal({ root: pkg, out: join(temp, 'out') });
    expect(rebuilt.version).not.toBe(first.version);
    expect(rebuilt.file).not.toBe(first.file);
    expect(packedJson(rebuilt.file).version).toBe(rebuilt.version);
  });
}, 60_000);
