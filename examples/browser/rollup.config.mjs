// Bundles src/main.js for browsers: `npx rollup -c examples/browser/rollup.config.mjs`.
// node-resolve with `browser: true` resolves talon-fetch (and ky, valibot, @noble/hashes) to ESM;
// tree-shaking keeps only the one endpoint and the api-key auth the script uses.
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  input: here('./src/main.js'),
  plugins: [nodeResolve({ browser: true })],
  output: { file: here('./dist/app.js'), format: 'es' },
};
