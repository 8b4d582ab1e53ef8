import { defineConfig } from 'vitest/config';

/**
 * The migra conformance suite: migra's own fixtures, read from `../shared/fixtures/migra` beside the repository.
 * Run by `pnpm test:conformance` (and `.ci/run`); it fails loudly when the fixtures are missing.
 */
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-conformance.json' }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
