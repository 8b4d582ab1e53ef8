// The public API of @sb/security-rules: what users call. Every long-running call is `fn(options, { signal, onProgress })`.
// Internals (the rule contract, the registry, the engine, the probe's HTTP client and checks) are not API.
export type { Progress, RunControl } from '@sb/errors';
export { SecurityRulesError } from './errors.js';
export type { SecurityRulesErrorCode } from './errors.js';

// Static scan (sb security scan); also importable alone as '@sb/security-rules/scan'
export { scan, evaluateGate, toSarif, toBaseline, readBaseline, applyFixes, SEVERITY_ORDER } from './scan/index.js';
export type {
  Baseline,
  Confidence,
  Finding,
  Fix,
  FixEdit,
  FixReport,
  FlowStep,
  GateOptions,
  Location,
  ParseProblem,
  RouteSummary,
  RuleMeta,
  ScanOptions,
  ScanResult,
  Severity,
  SuppressionProblem,
} from './scan/index.js';

// Live probe (sb security probe); also importable alone as '@sb/security-rules/probe'
export { probeApi } from './probe/index.js';
export type {
  GraphqlObservation,
  ObservatoryGrade,
  ObservatoryTest,
  ProbeCategory,
  ProbeEvidence,
  ProbeFamily,
  ProbeFinding,
  ProbeOptions,
  ProbeReport,
  ProbeSeverity,
  ProbeStatus,
  ProbeSummary,
  RateLimitObservation,
} from './probe/index.js';
