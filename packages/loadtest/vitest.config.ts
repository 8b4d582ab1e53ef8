import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 30_000,
    // Accuracy tests measure latency: files must not compete with each other for the CPU.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
