import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from './types.js';

/** Highest value a latency histogram tracks: one hour in µs (larger values are clamped). */
export const MAX_TRACKABLE_US = 3_600_000_000;

/** A constant-memory HDR histogram for µs values (3 significant digits, ~200 kB whatever the run length). */
export function createHistogram(): Histogram {
  return build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Records a µs value, clamped into the trackable range. */
export function recordUs(histogram: Histogram, us: number): void {
  histogram.recordValue(us < 1 ? 1 : us > MAX_TRACKABLE_US ? MAX_TRACKABLE_US : Math.round(us));
}

/** Serialises a histogram (HDR compressed base64, readable by every HdrHistogram port). */
export function encodeHistogram(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram);
}

/** Reads a histogram written by `encodeHistogram`. */
export function decodeHistogram(encoded: string): Histogram {
  const decoded = decodeFromCompressedBase64(encoded, 32, false);
  const histogram = createHistogram();
  histogram.add(decoded);
  return histogram;
}

/** The percentiles every report shows. */
export function summarize(histogram: Histogram): LatencySummary {
  if (histogram.totalCount === 0) {
    return { count: 0, min: 0, mean: 0, stdev: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  }
  // A percentile is the highest value equivalent to its bucket, which can lie above the largest value recorded
  // (p99 302.8 ms with max 302.7 ms): clamp, so no figure exceeds one that was measured.
  const at = (p: number): number => Math.min(histogram.getValueAtPercentile(p), histogram.maxValue);
  return {
    count: histogram.totalCount,
    min: histogram.minNonZeroValue,
    mean: Math.round(histogram.mean),
    stdev: Math.round(histogram.stdDeviation),
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
    max: histogram.maxValue,
  };
}
