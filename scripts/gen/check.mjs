// Writing the generated files, formatting them as `npm run gen` does, and comparing them with a
// checkout: what `npm run gen`, `node scripts/gen.mjs --check` and the drift test
// (test/generator/drift.test.ts) all use, so that they compare like with like.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARK } from './emit.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file under `dir`, as paths relative to `base`, sorted ([] when `dir` is absent). */
export function filesUnder(base, dir) {
  const root = join(base, dir);
  if (!existsSync(root)) return [];
  const out = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.push(relative(base, join(entry.parentPath, entry.name)));
  return out.sort();
}

const isGenerated = (path) => readFileSync(path, 'utf8').startsWith(MARK);

/**
 * Writes `files` (path → text) under `root`. Generated files already in `dirs` are deleted first
 * (an operation that disappeared loses its module); hand-written ones stay.
 */
export function writeGenerated(root, files, dirs) {
  for (const file of dirs.flatMap((dir) => filesUnder(root, dir)))
    if (isGenerated(join(root, file))) rmSync(join(root, file));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

/** Formats `dirs` under `root` the way `npm run gen` does: `biome check --write` with the repository's biome.json. */
export function formatGenerated(root, dirs) {
  const biome = spawnSync(
    join(ROOT, 'node_modules/.bin/biome'),
    [
      'check',
      '--write',
      '--config-path',
      join(ROOT, 'biome.json'),
      ...dirs.filter((d) => existsSync(join(root, d))),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (biome.status !== 0)
    throw new Error(`biome check --write failed (${biome.status}): ${biome.stdout}${biome.stderr}`);
}

/**
 * The differences between the formatted output in `out` and the files in `repo`, over `dirs`,
 * one sentence per file (empty when the committed generated files are up to date).
 */
export function compareGenerated(repo, out, dirs) {
  const problems = [];
  const written = new Set(dirs.flatMap((dir) => filesUnder(out, dir)));
  for (const file of written) {
    const committed = join(repo, file);
    if (!existsSync(committed)) problems.push(`${file}: the generator writes it, but it is not committed`);
    else if (readFileSync(committed, 'utf8') !== readFileSync(join(out, file), 'utf8'))
      problems.push(`${file}: differs from what \`npm run gen\` writes (run it and commit the result)`);
  }
  for (const dir of dirs)
    for (const file of filesUnder(repo, dir))
      if (!written.has(file) && isGenerated(join(repo, file)))
        problems.push(`${file}: committed as generated, but the generator no longer writes it`);
  return problems;
}

/** Files under `dirs` of `out` whose first line does not say they are generated. */
export function unmarked(out, dirs) {
  return dirs.flatMap((dir) => filesUnder(out, dir)).filter((file) => !isGenerated(join(out, file)));
}

/**
 * Writes and formats `files` in a temporary folder and compares them with `repo` (nothing in
 * `repo` is written): answers the differences, as compareGenerated does.
 */
export function checkGenerated(repo, files, dirs) {
  const out = mkdtempSync(join(tmpdir(), 'talon-gen-check-'));
  try {
    writeGenerated(out, files, dirs);
    formatGenerated(out, dirs);
    return compareGenerated(repo, out, dirs);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
