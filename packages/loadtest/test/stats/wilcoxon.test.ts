import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon.js';

describe('wilcoxonSignedRank', () => {
  it('matches scipy.stats.wilcoxon (approx, continuity and tie corrected): p=0.00576', () => {
    const before = [10, 12, 11, 14, 13, 15, 16, 12, 11, 13];
    const after = [12, 15, 11.5, 17, 13.2, 19, 18, 15, 12.1, 14];
    const result = wilcoxonSignedRank(before, after);
    expect(result.n).toBe(10);
    expect(result.wPlus).toBe(55);
    expect(result.p).toBeCloseTo(0.00576, 4);
  });

  it('finds nothing when the pairs go both ways', () => {
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]).p).toBeGreaterThan(0.5);
  });

  it('cancels a drift shared by both sides: a constant 2-unit gap is significant although the levels wander', () => {
    const before = [10, 30, 15, 50, 20, 40, 25, 35];
    const after = before.map((v) => v + 2);
    expect(wilcoxonSignedRank(before, after).p).toBeLessThan(0.05);
  });

  it('returns p = 1 when no pair differs', () => {
    expect(wilcoxonSignedRank([1, 2], [1, 2]).p).toBe(1);
  });
});
