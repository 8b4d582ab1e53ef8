export { LoadtestError } from './errors.js';
export type { LoadtestErrorCode } from './errors.js';
export type { LoadTestContext, LoadTestOptions, LoadTestProgress, ResolvedOptions } from './options/types.js';
export { resolveOptions } from './options/validate.js';
export { loadBody, parseHeaderLines, parseStatusList, parseTolerance } from './options/cli-input.js';
export { runLoadTest } from './runner/run-load-test.js';
export type {
  CheckResult,
  ErrorClass,
  ErrorCounts,
  GeneratorUsage,
  LatencySummary,
  LoadTestResult,
  RateLimitInfo,
  RateReport,
  TimelinePoint,
} from './stats/types.js';
export { decodeHistogram, encodeHistogram, summarize } from './stats/histogram.js';
export { mannWhitney } from './stats/mann-whitney.js';
export type { MannWhitneyResult } from './stats/mann-whitney.js';
export { compareEndpoints } from './compare/compare-endpoints.js';
export type { CompareOptions, EndpointComparison } from './compare/compare-endpoints.js';
export type { MetricComparison, MetricName } from './compare/metric.js';
export { BASELINE_FORMAT, baselineOptions, createBaseline, parseBaseline, readBaseline } from './baseline/baseline.js';
export type { Baseline } from './baseline/baseline.js';
export { compareToBaseline } from './baseline/compare-to-baseline.js';
export type { BaselineComparison } from './baseline/compare-to-baseline.js';
export { formatComparison, formatReport } from './report/format-report.js';
export { recommendations } from './report/recommendations.js';
export { renderHtmlReport } from './report/html.js';
export { formatUs } from './report/units.js';
export { parseSegment, segmentSettings } from './shard/segment.js';
export type { Segment } from './shard/segment.js';
export { checkShard, parseShards, readShards, SHARD_FORMAT } from './shard/shard-file.js';
export type { Shard } from './shard/shard-file.js';
export { mergeShards } from './shard/merge-shards.js';
export type { MergedLoadTestResult, MergeOptions, ShardSummary } from './shard/merge-shards.js';
export { parseStartAt } from './shard/run-segment.js';
export type { ResolvedTls, TlsOptions } from './options/transport.js';
export type { ConnectReport } from './stats/types.js';
