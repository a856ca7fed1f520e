// `npm run build`: builds dist/ from rollup.config.mjs, its parts split over two processes (the
// declaration builds dominate and each is single-threaded). `--if-stale` (used by `npm start`)
// skips the build when dist/ was built from exactly the current inputs: a SHA-256 of every file
// under src/, the build configuration and the lockfile, kept in dist/.build-inputs (not packed).
// A full build starts from an empty dist/.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'dist', '.build-inputs');
const INPUTS = [
  'src',
  'rollup.config.mjs',
  'scripts/build.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];

/** Every input file below `path`, sorted, so the hash does not depend on directory order. */
function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the given indices of the rollup.config.mjs array in this process. */
async function buildParts(indices) {
  const { rollup } = await import('rollup');
  const configs = (await import('../rollup.config.mjs')).default;
  for (const index of indices) {
    const { output, ...input } = configs[index];
    const bundle = await rollup({ ...input, onwarn: (warning) => console.warn(`build: ${warning.message}`) });
    await Promise.all([output].flat().map((out) => bundle.write(out)));
    await bundle.close();
  }
}

/**
 * Builds in two processes of about equal work: the configs are [JS, index.d.ts, schemas.d.ts,
 * testing.d.ts], and the JS build plus the largest declaration build weigh about what the other two
 * declaration builds weigh together.
 */
async function main() {
  const ifStale = process.argv.includes('--if-stale');
  const hash = inputsHash();
  if (ifStale && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    console.log('build: dist/ is up to date with src/ (skipped; `npm run build` rebuilds)');
    return;
  }
  // A clean dist/: a chunk an earlier build wrote must not be packed with this one.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const configs = (await import('../rollup.config.mjs')).default;
  const all = configs.map((_, i) => i);
  const half = Math.ceil(all.length / 2);
  const groups = [all.slice(0, half), all.slice(half)];
  const codes = await Promise.all(
    groups.map(
      (group) =>
        new Promise((done) => {
          const child = fork(fileURLToPath(import.meta.url), ['--part', group.join(',')], {
            stdio: 'inherit',
          });
          child.on('exit', (code) => done(code ?? 1));
        }),
    ),
  );
  if (codes.some((code) => code !== 0)) {
    console.error('build: failed (see above)');
    process.exit(1);
  }
  writeFileSync(STAMP, hash);
}

const part = process.argv.indexOf('--part');
if (part !== -1) {
  buildParts(process.argv[part + 1].split(',').map(Number)).catch((error) => {
    console.error(`build: ${error.message}`);
    process.exit(1);
  });
} else {
  await main();
}
