// The public API of @sb/security-rules: what users call. Every long-running call is `fn(options, { signal, onProgress })`.
// Internals (the rule contract, the registry, the engine, the probe's HTTP client and checks) are not API.
export type { Progress, RunControl } from '@sb/errors';
export { SecurityRulesError } from './errors.js';
export type { SecurityRulesErrorCode } from './errors.js';

// Static scan (sb security scan)
export { scan } from './scan/scan.js';
export type { ScanOptions, ScanResult, RouteSummary } from './scan/scan.js';
export { evaluateGate } from './scan/report/gate.js';
export type { GateOptions } from './scan/report/gate.js';
export { toSarif } from './scan/report/sarif.js';
export { toBaseline, readBaseline } from './scan/report/baseline.js';
export type { Baseline } from './scan/report/baseline.js';
export { applyFixes } from './scan/fix/apply-fixes.js';
export type { FixReport } from './scan/fix/apply-fixes.js';
export { SEVERITY_ORDER } from './scan/model/finding.js';
export type { Confidence, Finding, FixEdit, Fix, FlowStep, Location, RuleMeta, Severity } from './scan/model/finding.js';
export type { ParseProblem } from './scan/project/load-project.js';
export type { SuppressionProblem } from './scan/report/suppressions.js';

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
