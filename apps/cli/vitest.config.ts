import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end workflows (real npm installs, real processes) run apart, with `pnpm test:e2e`.
    exclude: ['test/e2e/**', '**/node_modules/**'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
