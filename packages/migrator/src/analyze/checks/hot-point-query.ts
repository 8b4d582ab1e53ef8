import { hotPointQueryFinding } from '../n-plus-one/findings.js';
import type { Check } from '../types.js';

/**
 * Frequent single-row lookups (at least `nPlusOneMinCalls` calls, at most `nPlusOneMaxRowsPerCall` rows per
 * call) that no parent query drives: reported as information (cache them, or check the application loop),
 * never as an N+1.
 */
export const hotPointQuery: Check = {
  id: 'hot-point-query',
  workload: true,
  needsStatements: true,
  async run({ lookups, thresholds }) {
    return (await lookups())
      .filter((l) => !l.parent && (l.rows === undefined || l.rows / Math.max(l.calls, 1) <= thresholds.nPlusOneMaxRowsPerCall))
      .map(hotPointQueryFinding);
  },
};
