// Generates the hey-api + valibot peer at bench time, from the current spec file (TALON_SPEC_DIR,
// default ../shared/spec beside the repository; see scripts/spec-files.mjs), into
// bench/peers/.gen (ignored, never committed), and bundles what the bench calls into one ESM
// file, bench/peers/.gen/hey-api.mjs. Run by bench/run.mjs; on its own:
//
//   npx node bench/peers/gen.mjs
//
// hey-api 0.99.0 cannot validate this spec's answers as it generates them, so two facts of the
// spec are dropped from the copy it reads (the file itself is untouched):
//   - `default: null` on a list: its valibot schema becomes `v.optional(v.array(…), null)`, which
//     fills an absent list with `null` and then refuses it ("Expected Array but received null");
//   - `format: int64`: it becomes a BigInt transform, and `v.intersect` (its `allOf`) cannot merge
//     the BigInt of one part with the number of another ("Expected Object but received unknown").
// Without these, every updateCustomerSessionV2 answer fails its own check.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import { build } from 'esbuild';
import { CURRENT, missingSpec, SPEC_DIR } from '../../scripts/spec-files.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const SPEC = join(SPEC_DIR, CURRENT);

/** Generates and bundles the hey-api peer; returns the path of the bundle. */
export async function generateHeyApi() {
  let text;
  try {
    text = readFileSync(SPEC, 'utf8');
  } catch {
    throw new Error(`${missingSpec(SPEC)} (the bench generates the hey-api peer from it)`);
  }
  const spec = JSON.parse(text);
  const dropped = { nullDefaults: 0, int64Formats: 0 };
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    if ('default' in node && node.default === null) {
      delete node.default;
      dropped.nullDefaults++;
    }
    if (node.type === 'integer' && node.format === 'int64') {
      delete node.format;
      dropped.int64Formats++;
    }
    for (const value of Object.values(node)) walk(value);
  })(spec);

  const out = `${here}.gen`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await createClient({
    input: spec,
    output: { path: `${out}/hey-api`, importFileExtension: '.js' },
    logs: { level: 'silent' },
    plugins: [
      '@hey-api/client-fetch',
      'valibot',
      { name: '@hey-api/sdk', validator: { request: 'valibot', response: 'valibot' } },
    ],
  });
  writeFileSync(
    `${out}/entry.ts`,
    [
      "export { client } from './hey-api/client.gen.js';",
      "export { updateCustomerSessionV2 } from './hey-api/sdk.gen.js';",
      "export { vUpdateCustomerSessionV2Response } from './hey-api/valibot.gen.js';",
      '',
    ].join('\n'),
  );
  // Bundled like a user's app would be; valibot comes from the repository (the SDK's version).
  const bundle = `${out}/hey-api.mjs`;
  await build({
    entryPoints: [`${out}/entry.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile: bundle,
    logLevel: 'warning',
  });
  return { bundle, dropped };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bundle, dropped } = await generateHeyApi();
  console.log(`${bundle} (dropped from the spec copy: ${JSON.stringify(dropped)})`);
}
