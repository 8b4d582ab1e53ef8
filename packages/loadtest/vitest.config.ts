import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Accuracy tests run apart, after the CPU-heavy suites: `pnpm test:timing` (vitest.timing.config.ts).
    exclude: ['test/timing/**', '**/node_modules/**'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 30_000,
    // Load tests measure latency: files must not compete with each other for the CPU.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
