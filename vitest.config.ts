import { defineConfig } from 'vitest/config';

// The `*.test-d.ts` files run through vitest's typecheck (also checked by `npm run typecheck`);
// vitest's banner calling that experimental is said once here, not on every run.
process.env.VITEST_DISABLE_EXPERIMENTAL_LOG ??= '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/runtimes/**', 'test/soak/**'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts', 'src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Chosen, not defaulted: test files set globals (msw servers, process.env), so each gets its own process.
    isolate: true,
    reporters: process.env.VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
      : ['default'],
  },
});
