import { LoadtestError } from '../errors.js';
import type { ResolvedOptions, Segment } from '../options/types.js';

function invalid(message: string): never {
  throw new LoadtestError('LOADTEST_INVALID_OPTION', message);
}

/** Parses `i/N` (i from 1 to N), as `--segment` takes it. */
export function parseSegment(text: string): Segment {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return invalid(`invalid segment ${JSON.stringify(text)}: expected i/N, e.g. 2/8`);
  return validateSegment({ index: Number(match[1]), count: Number(match[2]) });
}

/** Checks a segment: integers, 1 ≤ index ≤ count. */
export function validateSegment(segment: Segment): Segment {
  const { index, count } = segment;
  if (!Number.isInteger(count) || count < 1) invalid(`invalid segment ${index}/${count}: N must be a positive integer`);
  if (!Number.isInteger(index) || index < 1 || index > count) invalid(`invalid segment ${index}/${count}: i must be from 1 to ${count}`);
  return { index, count };
}

/** Integer share of `total` for part `index` (0-based) of `parts`: the first `total % parts` parts get one more. */
export function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

/**
 * The settings shard `segment` runs, k6 execution-segment style with equal segments: the open-model schedule of
 * the whole test (request k due at k / rate) is striped, so shard i sends requests k ≡ i − 1 (mod N), at rate / N
 * and offset by `phaseMs`; the request budget and the virtual users (connections) are divided as evenly as integers
 * allow. The union of all shards is the whole test and no request belongs to two shards.
 *
 * A shard whose share of virtual users or of the request budget is zero is refused (use fewer shards).
 */
export function segmentSettings(settings: ResolvedOptions, segment: Segment): { settings: ResolvedOptions; phaseMs: number } {
  const { index, count } = validateSegment(segment);
  const i = index - 1;
  const concurrency = share(settings.concurrency, count, i);
  if (settings.rate === undefined && concurrency === 0) {
    invalid(`segment ${index}/${count} gets none of the ${settings.concurrency} virtual users: use at most ${settings.concurrency} segments or raise --concurrency`);
  }
  const requests = settings.requests === undefined ? undefined : share(settings.requests, count, i);
  if (requests === 0) invalid(`segment ${index}/${count} gets none of the ${settings.requests} requests: use at most ${settings.requests} segments`);
  const workers = Math.min(settings.workers, Math.max(1, concurrency));
  const part: ResolvedOptions = {
    ...settings,
    workers,
    // Open model: the connection cap is a ceiling, never below one per shard.
    concurrency: Math.max(1, concurrency),
    ...(requests === undefined ? {} : { requests }),
    ...(settings.rate === undefined ? {} : { rate: settings.rate / count }),
  };
  return { settings: part, phaseMs: settings.rate === undefined ? 0 : (i * 1000) / settings.rate };
}
