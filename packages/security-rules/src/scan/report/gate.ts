import { SEVERITY_ORDER, type Finding, type Severity } from '../model/finding.js';

/** Options of the CI gate. */
export interface GateOptions {
  /** Fail when a counted finding is at or above this severity (default `low`). */
  readonly failOn?: Severity;
  /** Also count `type-narrowed` and `pattern` findings (default: only `taint-confirmed`). */
  readonly audit?: boolean;
}

/** Which findings the gate counts and whether it fails. Baselined and suppressed findings are never counted. */
export function evaluateGate(findings: readonly Finding[], options: GateOptions = {}): { failed: boolean; counted: Finding[] } {
  const min = SEVERITY_ORDER.indexOf(options.failOn ?? 'low');
  const counted = findings.filter((f) => f.confidence === 'taint-confirmed' && SEVERITY_ORDER.indexOf(f.severity) >= min);
  return { failed: counted.length > 0, counted };
}
