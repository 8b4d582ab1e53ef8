/**
 * The live-probe half of @sb/security-rules, also published as `@sb/security-rules/probe` so that a caller
 * that only probes (the `sb security probe` command) does not load ts-morph and the static scanner.
 */
export { SecurityRulesError } from '../errors.js';
export type { SecurityRulesErrorCode } from '../errors.js';
export { probeApi } from './run-probe.js';
export { isLoopbackHost } from './target/loopback.js';
export { observatoryGrade, gradeForScore } from './observatory/grade.js';
export type { ObservatoryInput } from './observatory/grade.js';
export type { ProbeResponse } from './http/client.js';
export type { ProbeFamily, ProbeOptions, ProbeProgress, ProbeRunOptions } from './options.js';
export { COMMON_GRAPHQL_PATHS } from './graphql/detect-endpoint.js';
export { curlCommand } from './graphql/exchange.js';
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
