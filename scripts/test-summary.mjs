// Sums the vitest JSON reports of every workspace package into one closing line for CI.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    // One report per vitest run: the main suite, the timing-sensitive step, the conformance suites, end-to-end.
    for (const report of ['.vitest-results.json', '.vitest-timing.json', '.vitest-conformance.json', '.vitest-e2e.json']) {
      const file = join(group, name, report);
      if (!existsSync(file)) continue;
      const data = JSON.parse(readFileSync(file, 'utf8'));
      passed += data.numPassedTests ?? 0;
      failed += data.numFailedTests ?? 0;
      skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
