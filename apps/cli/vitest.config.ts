import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end workflow runs on its own: pnpm --filter @sb/cli test:e2e (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', '**/node_modules/**'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
