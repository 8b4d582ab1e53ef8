import type { ProbeFinding, ProbeSeverity, ProbeSummary } from './types.js';

const RANK: Record<ProbeSeverity, number> = { high: 3, medium: 2, low: 1, info: 0 };

/** True when `severity` is at least `threshold`. */
export function atLeast(severity: ProbeSeverity, threshold: ProbeSeverity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** Sorts findings: failures first, then by severity, then by category and id. */
export function sortFindings(findings: readonly ProbeFinding[]): ProbeFinding[] {
  const statusRank = { fail: 0, skip: 1, pass: 2 } as const;
  return [...findings].sort(
    (a, b) => statusRank[a.status] - statusRank[b.status] || RANK[b.severity] - RANK[a.severity] || a.category.localeCompare(b.category) || a.id.localeCompare(b.id),
  );
}

/** Counts over the findings; `gating` counts failures at or above `failOn`. */
export function summarise(findings: readonly ProbeFinding[], failOn: ProbeSeverity, requests: number): ProbeSummary {
  const bySeverity: Record<ProbeSeverity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let gating = 0;
  for (const f of findings) {
    if (f.status === 'pass') passed += 1;
    else if (f.status === 'skip') skipped += 1;
    else {
      failed += 1;
      bySeverity[f.severity] += 1;
      if (atLeast(f.severity, failOn)) gating += 1;
    }
  }
  return { passed, failed, skipped, gating, bySeverity, requests };
}
