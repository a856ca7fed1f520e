#!/usr/bin/env node
// Generates the SDK's spec-shaped code from the API releases named in scripts/spec-files.mjs (read
// from TALON_SPEC_DIR, default ../shared/spec beside the repository), for each target of
// scripts/gen/targets.mjs: the Integration API, then the Management API (which shares its models):
//   src/models/types.ts     every model as a named TypeScript type (answers and requests)
//   src/models/schemas.ts   the valibot schemas, each typed against its named type
//   src/endpoints/<op>.ts   one module per operation: params, errors, the operation table, the function
//   src/endpoints/index.ts  the list of operations
//   src/management/{models,endpoints}/…  the same for the Management API
//
//   npm run gen  (= node scripts/gen.mjs)   writes them into the repository, formatted with biome
//   node scripts/gen.mjs --out <dir>          writes them under <dir> instead
//   node scripts/gen.mjs --check              writes nothing: generates and formats in a temporary
//                                             folder, names each generated file that is missing,
//                                             stale or extra, and exits 1 if any (0 when in step)
//   node scripts/gen.mjs --check --out <dir>  the same, compared with <dir> instead of the repository
//   npm run gen -- --release <file>          moves to a new release: <file> (in the spec folder) becomes
//                                             the current one; writes docs/releases/<old>-to-<new>.md,
//                                             the report of what changed for users, regenerates, and
//                                             prints what to change in scripts/spec-files.mjs
//                                             (docs/releasing.md); combines with --out
//
// The stages live in scripts/gen/ (docs/generator.md); this file only reads the arguments and the
// spec files. The policies (strict requests, tolerant answers) live in src/models/helpers.ts and
// src/core/. The spec files are read, never copied.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGenerated, formatGenerated, writeGenerated } from './gen/check.mjs';
import { generate } from './gen/generate.mjs';
import { releaseFile, targetForRelease, writeReleaseReport } from './gen/release.mjs';
import { INTEGRATION, MANAGEMENT } from './gen/targets.mjs';
import { OVERLAYS } from './overlays.mjs';
import { loadSpec } from './spec-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Generates one target's files from the spec folder: `{ files, counts, models, spec }` (see
 * ./gen/generate.mjs). `shared`: the answer of the run whose models this target shares (the
 * Integration run, for the Management API).
 */
export function generateTarget(target = INTEGRATION, shared = undefined) {
  const { files: names } = target;
  const specs = {
    current: loadSpec(names.current),
    earlier: names.earlier.map(loadSpec),
    legacy: names.legacy ? loadSpec(names.legacy.file) : undefined,
  };
  return generate({ target, specs, overlays: OVERLAYS, shared });
}

/**
 * Every target, in order (the Integration API first: the Management API shares its models).
 * Answers `{ files, dirs, runs }`: all files (path → text), the folders they are written into,
 * and each target with its run's `counts`. `integrationTarget`: the Integration target to use
 * (`--release` moves it to a new release file).
 */
export function generateAll(integrationTarget = INTEGRATION) {
  const integration = generateTarget(integrationTarget);
  const management = generateTarget(MANAGEMENT, integration);
  const runs = [
    { target: integrationTarget, counts: integration.counts },
    { target: MANAGEMENT, counts: management.counts },
  ];
  return {
    files: new Map([...integration.files, ...management.files]),
    dirs: runs.flatMap(({ target }) => [target.out.models, target.out.endpoints]),
    runs,
  };
}

function main(args) {
  const known = new Set(['--out', '--check', '--release']);
  const valued = new Set(['--out', '--release']);
  const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const out = value('--out');
  const release = value('--release');
  const unknown = args.filter((a, i) => !known.has(a) && !valued.has(args[i - 1]));
  const bare = [...valued].filter((flag) => args.includes(flag) && !value(flag));
  if (unknown.length || bare.length || (release && args.includes('--check'))) {
    console.error(
      `gen: ${unknown.length ? `unknown arguments ${unknown.join(' ')}` : bare.length ? `${bare[0]} needs a value` : '--release writes: it does not go with --check'}; see the header of scripts/gen.mjs`,
    );
    return 2;
  }
  const into = out ? resolve(out) : root;
  let target = INTEGRATION;
  if (release) {
    const file = releaseFile(release);
    if (file instanceof Error) throw file;
    const { report, sha256 } = writeReleaseReport(into, loadSpec(target.files.current), loadSpec(file), file);
    console.log(
      `gen --release: ${report} lists what changed for users from ${target.files.current} to ${file}`,
    );
    console.log(
      `gen --release: now name '${file}' in CURRENT (sha256 ${sha256}) and '${target.files.current}' first in EARLIER in scripts/spec-files.mjs`,
    );
    target = targetForRelease(target, file);
  }
  const { files, dirs, runs } = generateAll(target);
  if (args.includes('--check')) {
    const problems = checkGenerated(into, files, dirs);
    for (const problem of problems) console.error(`gen --check: ${problem}`);
    if (problems.length) return 1;
    console.log(`gen --check: the ${files.size} generated files are in step`);
    return 0;
  }
  writeGenerated(into, files, dirs);
  formatGenerated(into, dirs);
  const [integration, management] = runs;
  const legacy = integration.target.files.legacy;
  console.log(
    `gen: ${files.size} files: ${integration.target.files.current} (${integration.counts.current} operations) and ${legacy.file} (${integration.counts.legacy}), ${integration.counts.models} models; ${management.target.files.current} (${management.counts.current} operations), ${management.counts.models} models of its own and ${management.counts.shared} shared`,
  );
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`gen: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
