import { hostname } from 'node:os';
import { LoadtestError } from '../errors.js';
import type { ResolvedOptions, Segment } from '../options/types.js';
import type { RunContext } from '../runner/live.js';
import type { RunData } from '../runner/run-data.js';
import { segmentSettings } from './segment.js';
import { SHARD_FORMAT, type Shard } from './shard-file.js';

/** Parses `--start-at`: an ISO 8601 time with a date (and a zone, else UTC is not assumed: it is refused). */
export function parseStartAt(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
  const date = new Date(text);
  if (!iso.test(text.trim()) || Number.isNaN(date.getTime())) {
    throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid start time ${JSON.stringify(text)}: expected an ISO time with a zone, e.g. 2026-12-04T16:00:00Z`);
  }
  return date;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** How to run the settings once: in process or on worker threads. */
export type RunSettings = (settings: ResolvedOptions, ctx: RunContext) => Promise<RunData>;

/**
 * Runs shard `segment` of the test `settings`: waits for `startAt` (plus the shard's phase in the striped
 * open-model schedule), runs its share, and returns its own settings, its data and the mergeable shard.
 */
export async function runSegment(
  settings: ResolvedOptions,
  segment: Segment,
  startAt: Date | undefined,
  run: RunSettings,
  ctx: RunContext,
): Promise<{ settings: ResolvedOptions; data: RunData; shard: Shard }> {
  const part = segmentSettings(settings, segment);
  const due = (startAt?.getTime() ?? Date.now()) + part.phaseMs;
  await sleep(due - Date.now(), ctx.signal);
  const startedLateMs = startAt === undefined ? 0 : Math.max(0, Math.round(Date.now() - due));
  const data = await run(part.settings, ctx);
  const shard: Shard = {
    format: SHARD_FORMAT,
    version: 1,
    segment,
    settings,
    ...(startAt === undefined ? {} : { startAt: startAt.toISOString() }),
    startedLateMs,
    host: hostname(),
    data,
  };
  return { settings: part.settings, data, shard };
}
