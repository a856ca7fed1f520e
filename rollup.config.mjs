// Builds ESM (.js), CommonJS (.cjs) and bundled declarations (.d.ts, .d.cts) for the root entry
// and the `schemas` and `testing` subpaths. Dependencies stay external; the package is "sideEffects": false and
// every module-level schema is annotated pure, so bundlers drop what a user does not call.
import { existsSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = { index: 'src/index.ts', schemas: 'src/schemas.ts' };
if (existsSync('src/testing/index.ts')) entries.testing = 'src/testing/index.ts';

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

const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  {
    input: entries,
    external,
    plugins: [typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: false })],
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
  },
  // One declaration build per entry, written twice, so .d.ts and .d.cts are the same text.
  ...Object.entries(entries).map(([name, input]) => ({
    input,
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' }), halveIndent()],
    output: ['d.ts', 'd.cts'].map((ext) => ({ file: `dist/${name}.${ext}`, format: 'es' })),
  })),
];
