/** Outcome of a two-sided Mann–Whitney U test. */
export interface MannWhitneyResult {
  u: number;
  /** Two-sided p-value (normal approximation with tie correction; 1 when a sample is empty or all values tie). */
  p: number;
  /** Probability that a value from `b` exceeds one from `a` (0.5 = no shift). */
  effect: number;
}

/** Standard normal CDF (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const tail = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z > 0 ? 1 - tail : tail;
}

/**
 * Two-sided Mann–Whitney U test of `a` vs `b`: do the two samples come from the same distribution? Used on
 * per-slice (or per-second) medians and p99s, which are independent enough for it, unlike single requests.
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: 0, p: 1, effect: 0.5 };
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(all.length);
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  let rankSumB = 0;
  for (let i = 0; i < all.length; i++) if (all[i]!.g === 1) rankSumB += ranks[i]!;
  const uB = rankSumB - (n2 * (n2 + 1)) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const effect = uB / (n1 * n2);
  if (!(sigma > 0)) return { u: uB, p: 1, effect };
  const z = (Math.abs(uB - (n1 * n2) / 2) - 0.5) / sigma;
  return { u: uB, p: Math.min(1, 2 * (1 - normalCdf(Math.max(0, z)))), effect };
}
