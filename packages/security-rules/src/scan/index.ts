/**
 * The static-scan half of @sb/security-rules, also published as `@sb/security-rules/scan` so that a caller
 * that only scans (the `sb security scan` command) does not load the live probe (undici, @sb/loadtest, the
 * OpenAPI reader). `scan(options, { signal, onProgress })` is the one call; the rest reads its result.
 */
export type { Progress, RunControl } from '@sb/errors';
export { SecurityRulesError } from '../errors.js';
export type { SecurityRulesErrorCode } from '../errors.js';
export { scan } from './scan.js';
export type { ScanOptions, ScanResult, RouteSummary } from './scan.js';
export { evaluateGate } from './report/gate.js';
export type { GateOptions } from './report/gate.js';
export { toSarif } from './report/sarif.js';
export { toBaseline, readBaseline } from './report/baseline.js';
export type { Baseline } from './report/baseline.js';
export { applyFixes } from './fix/apply-fixes.js';
export type { FixReport } from './fix/apply-fixes.js';
export { SEVERITY_ORDER } from './model/finding.js';
export type { Confidence, Finding, FixEdit, Fix, FlowStep, Location, RuleMeta, Severity } from './model/finding.js';
export type { ParseProblem } from './project/load-project.js';
export type { SuppressionProblem } from './report/suppressions.js';
