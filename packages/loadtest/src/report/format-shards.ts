import type { MergedLoadTestResult } from '../shard/merge-shards.js';
import { formatUs } from './units.js';

/** One line per shard of a merged run (what each pod did), under a header. */
export function formatShards(merged: MergedLoadTestResult): string {
  const rows = merged.shards.map((s) => {
    const late = s.startedLateMs > 0 ? `, started ${(s.startedLateMs / 1000).toFixed(1)} s late` : '';
    const errors = s.errorCount > 0 ? `, ${s.errorCount} errors` : '';
    return `  ${s.segment.padEnd(7)} ${s.host}: ${s.requests} requests (${s.requestsPerSec} req/s${errors}), p50 ${formatUs(s.latency.p50)}, p99 ${formatUs(s.latency.p99)}, CPU ${s.cpuCores} cores${late}`;
  });
  const missing = merged.missingSegments.length > 0 ? [`  missing: ${merged.missingSegments.map((i) => `${i}/${merged.shards[0]?.segment.split('/')[1] ?? '?'}`).join(', ')}`] : [];
  return [`Shards (${merged.shards.length}; merged percentiles come from the sum of their HDR histograms):`, ...rows, ...missing].join('\n');
}
