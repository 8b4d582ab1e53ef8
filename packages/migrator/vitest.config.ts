import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The migra conformance suite reads ../shared/fixtures/migra: it runs with `pnpm test:conformance`.
    exclude: ['test/conformance/**', '**/node_modules/**'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
