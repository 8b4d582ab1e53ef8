// The public API of @sb/loadtest: what users call. Internals (runner, recorder, workers) are not API.

// One entry for a whole `sb load` invocation: run / compare / scenario, baseline, expectations, files.
export { runLoadCheck } from './check/run-load-check.js';
export type { LoadCheck, LoadCheckOptions, WrittenFiles } from './check/types.js';
export { formatLoadCheck } from './check/format-check.js';

// One URL.
export { runLoadTest } from './run-load-test.js';
export type { LoadPhase, LoadTestContext, LoadTestOptions, Progress, ResolvedOptions, Segment } from './options/types.js';
export type { RunControl } from '@sb/errors';
export type { CheckResult, GeneratorUsage, LoadTestResult, RateReport } from './result/types.js';
export type { ErrorClass, ErrorCounts, LatencySummary, RateLimitInfo, TimelinePoint } from './stats/types.js';

// Scenarios.
export { runScenario } from './scenario/run-scenario.js';
export { readScenario, validateScenario } from './scenario/load-scenario.js';
export type {
  FlowResult,
  Scenario,
  ScenarioFlow,
  ScenarioGraphql,
  ScenarioRequest,
  ScenarioResult,
  ScenarioRunOptions,
  ScenarioSettings,
  ScenarioStep,
  StepResult,
} from './scenario/types.js';

// Two URLs, baselines.
export { compareEndpoints } from './compare/compare-endpoints.js';
export type { CompareOptions, EndpointComparison } from './compare/compare-endpoints.js';
export type { MetricComparison, MetricName } from './compare/metric.js';
export { createBaseline, readBaseline } from './baseline/baseline.js';
export type { Baseline } from './baseline/baseline.js';
export { compareToBaseline } from './baseline/compare-to-baseline.js';
export type { BaselineComparison } from './baseline/compare-to-baseline.js';

// Reports.
export { formatComparison, formatReport } from './report/format-report.js';
export { formatScenarioReport } from './report/format-scenario.js';
export { renderHtmlReport } from './report/html.js';
export type { HtmlReportExtra } from './report/html.js';

// Histograms (merge, save, compare results exactly).
export { decodeHistogram, encodeHistogram, summarize } from './stats/histogram.js';

// The one HTTP header parser of sb (`-H "Name: value"`).
export { parseHeaderLines } from './options/headers.js';

export { LoadtestError } from './errors.js';
export type { LoadtestErrorCode } from './errors.js';

// Beyond one machine: shards (k6-style execution segments), exact merges, Kubernetes Indexed Jobs, live metrics.
export { parseSegment } from './shard/segment.js';
export { readShards, parseShards, SHARD_FORMAT } from './shard/shard-file.js';
export type { Shard } from './shard/shard-file.js';
export { mergeShards } from './shard/merge-shards.js';
export type { MergedLoadTestResult, MergeOptions, ShardSummary } from './shard/merge-shards.js';
export { parseStartAt } from './shard/run-segment.js';
export type { ResolvedTls, TlsOptions } from './options/transport.js';
export type { ConnectReport } from './result/types.js';
export { parseMetricsTarget } from './metrics-out/targets.js';
export type { MetricsTarget } from './metrics-out/targets.js';
export type { LoadTestRun } from './run-load-test.js';
export { formatShards } from './report/format-shards.js';
export { kubernetesJob } from './k8s/indexed-job.js';
export type { KubernetesJob, KubernetesJobOptions } from './k8s/indexed-job.js';
export { shellLine } from './k8s/shell.js';
