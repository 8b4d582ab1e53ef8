import type { ResolvedOptions } from '../options/types.js';
import { share } from '../shard/segment.js';

/**
 * The part of the load worker `index` of `count` runs: connections and request budget divided as evenly as
 * integers allow, the rate divided exactly. `phaseMs` staggers the open-model schedules so that the merged
 * arrivals stay evenly spread.
 */
export function splitSettings(settings: ResolvedOptions, index: number, count: number): { settings: ResolvedOptions; phaseMs: number } {
  const part: ResolvedOptions = {
    ...settings,
    workers: 1,
    concurrency: share(settings.concurrency, count, index),
    ...(settings.requests === undefined ? {} : { requests: Math.max(1, share(settings.requests, count, index)) }),
    ...(settings.rate === undefined ? {} : { rate: settings.rate / count }),
  };
  return { settings: part, phaseMs: settings.rate === undefined ? 0 : (index * 1000) / settings.rate };
}
