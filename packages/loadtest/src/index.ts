export { LoadtestError } from './errors.js';
export type { LoadtestErrorCode } from './errors.js';
export type { LoadTestContext, LoadTestOptions, LoadTestProgress, ResolvedOptions } from './options/types.js';
export { resolveOptions } from './options/validate.js';
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
