import { LoadtestError } from '../errors.js';
import type { LoadTestContext, ResolvedOptions } from '../options/types.js';
import type { RunData } from '../runner/run-data.js';

/** Splits the load over worker threads and merges their histograms. */
export async function runWithWorkers(settings: ResolvedOptions, _ctx: LoadTestContext): Promise<RunData> {
  throw new LoadtestError('LOADTEST_WORKER_FAILED', `--workers ${settings.workers} is not available yet`);
}
