export { SecurityRulesError } from './errors.js';
export type { SecurityRulesErrorCode } from './errors.js';

// Live probe (sb security probe)
export { probeApi } from './probe/run-probe.js';
export { isLoopbackHost } from './probe/target/loopback.js';
export { observatoryGrade, gradeForScore } from './probe/observatory/grade.js';
export type { ObservatoryInput } from './probe/observatory/grade.js';
export type { ProbeOptions, ProbeProgress, ProbeRunOptions } from './probe/options.js';
export type {
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
} from './probe/report/types.js';
