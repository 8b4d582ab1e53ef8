/**
 * The live-probe half of @sb/security-rules, also published as `@sb/security-rules/probe` so that a caller
 * that only probes (the `sb security probe` command) does not load ts-morph and the static scanner.
 * `probeApi(options, { signal, onProgress })` is the one call; everything else here is its types.
 */
export type { Progress, RunControl } from '@sb/errors';
export { SecurityRulesError } from '../errors.js';
export type { SecurityRulesErrorCode } from '../errors.js';
export { probeApi } from './run-probe.js';
export type { ProbeFamily, ProbeOptions } from './options.js';
export type {
  GraphqlObservation,
  ObservatoryGrade,
  ObservatoryTest,
  ProbeCategory,
  ProbeEvidence,
  ProbeFinding,
  ProbeReport,
  ProbeSeverity,
  ProbeStatus,
  ProbeSummary,
  RateLimitObservation,
} from './report/types.js';
