// Builds ESM (.js), CommonJS (.cjs) and bundled declarations (.d.ts, .d.cts) for the root entry
// and the `schemas`, `testing` and `management` subpaths. Dependencies stay external; the package is "sideEffects": false and
// every module-level schema is annotated pure, so bundlers drop what a user does not call.
//
// The `management` entry is a build of its own (its own copy of the transport and of the models it
// shares with the Integration API): in the same build, the modules it shares with the root entry
// would move into new shared chunks and change dist/index.js, which must not change for an app that
// uses only the Integration API.
//
// TypeScript is only transpiled here (esbuild, one file at a time, `isolatedModules` holds): the
// type check is `npm run typecheck`, and the declarations are bundled by rollup-plugin-dts. `npm
// run build` (scripts/build.mjs) emits the declarations once with tsc and runs the parts of this
// array in parallel processes; `rollup -c` alone works too, only slower.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { dts } from 'rollup-plugin-dts';

const entries = { index: 'src/index.ts', schemas: 'src/schemas.ts' };
if (existsSync('src/testing/index.ts')) entries.testing = 'src/testing/index.ts';
/** Built apart from `entries` (see the header). */
const management = { management: 'src/management.ts' };

/**
 * Declarations come out indented by four spaces; two read the same in an editor and keep
 * dist/index.d.ts (which every user's editor loads) about 7 KB smaller.
 */
function halveIndent() {
  return {
    name: 'halve-indent',
    renderChunk: (code) => ({
      code: code.replace(/^(?: {4})+/gm, (lead) => ' '.repeat(lead.length / 2)),
      map: null,
    }),
  };
}

/**
 * Strips the types of each `.ts` module (ES2022, as tsconfig.json targets); pure annotations stay.
 * Relative imports name the `.js` file TypeScript emits, so they resolve to the `.ts` source.
 */
function transpile() {
  return {
    name: 'esbuild-transpile',
    resolveId(source, importer) {
      if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const file = fileURLToPath(new URL(source.replace(/\.js$/, '.ts'), pathToFileURL(importer)));
      return existsSync(file) ? file : null;
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = await transform(code, { loader: 'ts', target: 'es2022', format: 'esm', sourcefile: id });
      return { code: out.code, map: null };
    },
  };
}

const DTS_DIR = process.env.TALON_DTS_DIR;

const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** The JS build of `input` (entry name → source), ESM and CommonJS, shared chunks in `dist/shared/`. */
const js = (input) => ({
  input,
  external,
  plugins: [transpile()],
  treeshake: { moduleSideEffects: false },
  output: [
    { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name].js' },
    {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: 'shared/[name].cjs',
      exports: 'named',
      // ky is ESM-only: require(esm) hands back its namespace, so read `default` from it.
      interop: 'auto',
    },
  ],
});

// The order matters to scripts/build.mjs: the two JS builds first, then one declaration build per entry.
export default [
  js(entries),
  js(management),
  // One declaration build per entry, written twice, so .d.ts and .d.cts are the same text. With
  // TALON_DTS_DIR set (scripts/build.mjs sets it), the entries are the declarations tsc already
  // emitted there, once for all of them; otherwise rollup-plugin-dts compiles src/ itself.
  ...Object.entries({ ...entries, ...management }).map(([name, input]) => ({
    input: DTS_DIR ? join(DTS_DIR, input.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')) : input,
    external,
    plugins: [DTS_DIR ? dts() : dts({ tsconfig: './tsconfig.build.json' }), halveIndent()],
    output: ['d.ts', 'd.cts'].map((ext) => ({ file: `dist/${name}.${ext}`, format: 'es' })),
  })),
];
