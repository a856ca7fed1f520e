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
//
// The stages live in scripts/gen/ (docs/generator.md); this file only reads the arguments and the
// spec files. The policies (strict requests, tolerant answers) live in src/models/helpers.ts and
// src/core/. The spec files are read, never copied.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGenerated, formatGenerated, writeGenerated } from './gen/check.mjs';
import { generate } from './gen/generate.mjs';
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
 * and each target with its run's `counts`.
 */
export function generateAll() {
  const integration = generateTarget(INTEGRATION);
  const management = generateTarget(MANAGEMENT, integration);
  const runs = [
    { target: INTEGRATION, counts: integration.counts },
    { target: MANAGEMENT, counts: management.counts },
  ];
  return {
    files: new Map([...integration.files, ...management.files]),
    dirs: runs.flatMap(({ target }) => [target.out.models, target.out.endpoints]),
    runs,
  };
}

function main(args) {
  const known = new Set(['--out', '--check']);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const unknown = args.filter((a, i) => !known.has(a) && !(args[i - 1] === '--out'));
  if (unknown.length || (args.includes('--out') && !out)) {
    console.error(
      `gen: unknown arguments ${unknown.join(' ') || '--out (without a folder)'}; see the header of scripts/gen.mjs`,
    );
    return 2;
  }
  const { files, dirs, runs } = generateAll();
  const into = out ? resolve(out) : root;
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
