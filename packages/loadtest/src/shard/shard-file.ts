import { readFile } from 'node:fs/promises';
import { LoadtestError } from '../errors.js';
import type { ResolvedOptions } from '../options/types.js';
import type { RunData } from '../runner/run-data.js';
import { decodeHistogram } from '../stats/histogram.js';
import type { Segment } from '../options/types.js';
import { validateSegment } from './segment.js';

/** Marker of a shard file. */
export const SHARD_FORMAT = 'sb-loadtest-shard';

/**
 * What `sb load … --segment i/N --save FILE` writes: enough to merge shards exactly. `settings` are those of the
 * whole test (equal in every shard of one test); `data` holds the counts and the encoded HDR histograms (and the
 * per-step histograms of a scenario when present).
 */
export interface Shard {
  format: typeof SHARD_FORMAT;
  version: 1;
  segment: Segment;
  /** The whole test's settings (not this shard's share). */
  settings: ResolvedOptions;
  /** The shared start time asked for (`--start-at`), ISO. */
  startAt?: string;
  /** How late this shard started after `startAt`, ms (0 without `startAt`). */
  startedLateMs: number;
  /** Host that ran the shard. */
  host: string;
  data: RunData;
}

function invalid(source: string, why: string, cause?: unknown): never {
  throw new LoadtestError('LOADTEST_SHARD_INVALID', `${source}: ${why}`, cause === undefined ? undefined : { cause });
}

/** Checks one parsed value as a shard; `source` (file:line) names it in errors. */
export function checkShard(value: unknown, source: string): Shard {
  const s = value as Partial<Shard> | null;
  if (typeof s !== 'object' || s === null || s.format !== SHARD_FORMAT) invalid(source, `not an sb load shard (field "format" must be "${SHARD_FORMAT}")`);
  if (s.version !== 1) invalid(source, `unsupported shard version ${JSON.stringify(s.version)} (field "version")`);
  if (typeof s.segment !== 'object' || s.segment === null) invalid(source, 'field "segment" is missing');
  try {
    validateSegment(s.segment);
  } catch (err) {
    invalid(source, `field "segment": ${(err as Error).message}`, err);
  }
  if (typeof s.settings !== 'object' || s.settings === null || typeof s.settings.url !== 'string') invalid(source, 'field "settings" is missing or has no url');
  const data = s.data;
  if (typeof data !== 'object' || data === null || typeof data.histogram !== 'string' || typeof data.completed !== 'number') invalid(source, 'field "data" is missing or has no histogram');
  try {
    decodeHistogram(data.histogram);
  } catch (err) {
    invalid(source, 'field "data.histogram" is not an HDR histogram', err);
  }
  return s as Shard;
}

/**
 * Parses the text of a shard file: one pretty-printed shard, or one shard per line (JSON Lines, e.g. collected
 * with `kubectl logs`). In JSON Lines, lines that are not JSON objects (log lines) are skipped.
 */
export function parseShards(text: string, source = 'shard'): Shard[] {
  const trimmed = text.trim();
  if (trimmed === '') invalid(source, 'empty file');
  try {
    return [checkShard(JSON.parse(trimmed), source)];
  } catch (err) {
    if (LoadtestError.is(err)) throw err;
  }
  const shards: Shard[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trimStart().startsWith('{')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      invalid(`${source}:${i + 1}`, `not JSON (${(err as Error).message})`, err);
    }
    shards.push(checkShard(value, `${source}:${i + 1}`));
  });
  if (shards.length === 0) invalid(source, 'no shard found (expected the JSON written by --save with --segment)');
  return shards;
}

/** Reads shard files (each a shard or JSON Lines of shards); a missing or malformed file is a `LOADTEST_SHARD_INVALID` error naming it. */
export async function readShards(paths: readonly string[]): Promise<Shard[]> {
  const out: Shard[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      invalid(path, `cannot read the shard file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, err);
    }
    out.push(...parseShards(text, path));
  }
  return out;
}
