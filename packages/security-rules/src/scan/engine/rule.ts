import type { RuleContext } from './context.js';
import type { RawFinding, RuleMeta } from '../model/finding.js';

/** A rule: its metadata and a check over the whole project (rules may speak per route or per call). */
export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): Iterable<RawFinding>;
}
