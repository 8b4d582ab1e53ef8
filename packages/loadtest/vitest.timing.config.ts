import { defineConfig } from 'vitest/config';

// Accuracy tests (latency figures against servers of known delay). They run in their own step (`pnpm test:timing`,
// a turbo task run with --concurrency=1 after `turbo run test`), so that a 2-core CI machine is not busy with the
// other suites while they measure; their bounds only widen by the lateness the tool itself reports.
export default defineConfig({
  test: {
    include: ['test/timing/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-timing.json' }]],
    testTimeout: 60_000,
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
