import { defineConfig } from 'vitest/config';

/** End-to-end workflows: packed tarballs installed with npm, scaffolded services built and run. `pnpm test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-e2e.json' }]],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
