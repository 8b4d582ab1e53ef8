import { normalCdf } from './mann-whitney.js';

/** Outcome of a two-sided Wilcoxon signed-rank test. */
export interface WilcoxonResult {
  /** Sum of the ranks of the positive differences (after − before). */
  wPlus: number;
  /** Non-zero pairs used. */
  n: number;
  /** Two-sided p-value (normal approximation, tie and continuity corrected; 1 when nothing differs). */
  p: number;
}

/**
 * Two-sided Wilcoxon signed-rank test on paired samples: is `after − before` centred on zero? Used on
 * alternating slices, where slice i of A and slice i of B ran back to back: pairing cancels the machine's drift.
 */
export function wilcoxonSignedRank(before: readonly number[], after: readonly number[]): WilcoxonResult {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const d = after[i]! - before[i]!;
    if (d !== 0) diffs.push(d);
  }
  const n = diffs.length;
  if (n === 0) return { wPlus: 0, n: 0, p: 1 };
  const sorted = diffs.map((d) => ({ abs: Math.abs(d), positive: d > 0 })).sort((x, y) => x.abs - y.abs);
  let wPlus = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1]!.abs === sorted[i]!.abs) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k]!.positive) wPlus += rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const mean = (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  if (!(sigma > 0)) return { wPlus, n, p: 1 };
  const z = Math.max(0, Math.abs(wPlus - mean) - 0.5) / sigma;
  return { wPlus, n, p: Math.min(1, 2 * (1 - normalCdf(z))) };
}
