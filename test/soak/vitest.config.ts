import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The soak test only (`npm run test:soak`): one fork with `--expose-gc` so heap figures are
 * taken after a forced collection. The everyday `vitest run` excludes test/soak/**.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/soak/**/*.test.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
