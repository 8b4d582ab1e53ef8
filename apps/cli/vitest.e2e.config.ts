import { defineConfig } from 'vitest/config';

/** The end-to-end workflow (real npm install, builds, servers): `pnpm --filter @sb/cli test:e2e`, apart from `test`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    reporters: ['default'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
