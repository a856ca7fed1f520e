// `npm run build`: builds dist/ from rollup.config.mjs, two processes at a time (see main).
// `--if-stale` (used by `npm start`) skips the build when dist/ was built from exactly the current
// inputs: a SHA-256 of every file under src/, the build configuration and the lockfile, kept in
// dist/.build-inputs (not packed). A full build starts from an empty dist/.
import { fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'dist', '.build-inputs');
const DTS_DIR = join(root, '.tmp', 'dts');
const SELF = fileURLToPath(import.meta.url);
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

/** Runs a child process to its end; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child =
      command === 'part'
        ? fork(SELF, ['--part', args.join(',')], { stdio: 'inherit', env })
        : spawn(command, args, { stdio: 'inherit', env });
    child.on('exit', (code) => done(code ?? 1));
    child.on('error', () => done(1));
  });
}

/**
 * Two steps, each on two processes (the machines have two cores): the JS build of the root,
 * `schemas` and `testing` entries beside `tsc --noCheck` emitting every declaration once into
 * .tmp/dts (the type check is `npm run typecheck`); then the declaration bundles from there and
 * the `management` JS build: index.d.ts and management.js in one process, the schemas, testing and
 * management declarations in the other (the indices are those of rollup.config.mjs).
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
  rmSync(DTS_DIR, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const emit = [
    '-p',
    'tsconfig.build.json',
    '--declaration',
    '--emitDeclarationOnly',
    '--noCheck',
    '--outDir',
    DTS_DIR,
  ];
  const env = { ...process.env, TALON_DTS_DIR: DTS_DIR };
  const first = await Promise.all([run('part', [0], env), run(process.execPath, [tsc, ...emit])]);
  const second = first.every((code) => code === 0)
    ? await Promise.all([run('part', [2, 1], env), run('part', [3, 4, 5], env)])
    : [1];
  if ([...first, ...second].some((code) => code !== 0)) {
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
