import type { LoadTestContext, LoadTestOptions } from './options/types.js';
import { resolveOptions } from './options/validate.js';
import { buildResult } from './result/build-result.js';
import type { LoadTestResult } from './result/types.js';
import { snapshotsTo } from './runner/live.js';
import { runInProcess } from './runner/run-in-process.js';

/**
 * Runs one load test against `options.url` and returns what it measured. Never throws for what the server
 * does (refused, reset, timed out: counted by class); throws `LoadtestError` (`LOADTEST_INVALID_OPTION`) for
 * bad options, before any request. Expectations (`expectStatus`, `expectRateLimit`) land in `checks`/`passed`.
 *
 * @example
 * ```ts
 * import { runLoadTest } from '@sb/loadtest';
 *
 * const result = await runLoadTest(
 *   { url: 'http://127.0.0.1:3000/users', rate: 1000, duration: 30 },
 *   { onProgress: (p) => console.error(p.message) },
 * );
 * console.log(result.latency.p99, result.rate?.delivered, result.statusCodes);
 * ```
 */
export async function runLoadTest(options: LoadTestOptions, ctx: LoadTestContext = {}): Promise<LoadTestResult> {
  const settings = resolveOptions(options);
  const onSnapshot = snapshotsTo(ctx.onProgress);
  const run = { ...(ctx.signal ? { signal: ctx.signal } : {}), ...(onSnapshot ? { onSnapshot } : {}) };
  if (settings.workers > 1) {
    const { runWithWorkers } = await import('./workers/run-with-workers.js');
    return buildResult(settings, await runWithWorkers(settings, run));
  }
  return buildResult(settings, await runInProcess(settings, run));
}
