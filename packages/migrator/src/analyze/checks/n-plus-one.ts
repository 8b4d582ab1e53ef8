import { nPlusOneFinding } from '../n-plus-one/findings.js';
import type { Check } from '../types.js';

/**
 * N+1 queries, only with a parent as evidence: a point-lookup SELECT run once per row of another SELECT.
 * From pg_stat_statements, the parent's total rows match the child's calls and it reads the table the child's
 * lookup column is related to (foreign key, or `<table>_id`); from a server log (`--log`), the parent is
 * followed, in one session, by a run of the child with different values. The fix is the batched child
 * SELECT (`= any($1)`); UPDATE and DELETE are never rewritten.
 */
export const nPlusOne: Check = {
  id: 'n-plus-one',
  workload: true,
  needsStatements: true,
  async run({ lookups, thresholds }) {
    return (await lookups()).filter((l) => l.parent).map((l) => nPlusOneFinding(l, thresholds));
  },
};
