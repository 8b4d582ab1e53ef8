import { describe, expect, it } from 'vitest';
import { mannWhitney } from '../../src/stats/mann-whitney.js';

describe('mannWhitney', () => {
  it('finds no difference between identical samples', () => {
    const a = [10, 11, 12, 13, 14, 15, 16, 17];
    expect(mannWhitney(a, [...a]).p).toBeGreaterThan(0.9);
  });

  it('finds a clear shift significant, with the effect pointing at the larger sample', () => {
    const a = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const b = a.map((v) => v + 8);
    const result = mannWhitney(a, b);
    expect(result.p).toBeLessThan(0.01);
    expect(result.effect).toBeGreaterThan(0.8);
    expect(mannWhitney(b, a).effect).toBeLessThan(0.2);
  });

  it('matches scipy.stats.mannwhitneyu (asymptotic, continuity-corrected): U=24, p=0.02157', () => {
    const result = mannWhitney([1, 2, 3, 4, 5], [4.5, 6, 7, 8, 9]);
    expect(result.u).toBe(24);
    expect(result.p).toBeCloseTo(0.02157, 4);
  });

  it('returns p = 1 when there is nothing to compare', () => {
    expect(mannWhitney([], [1, 2]).p).toBe(1);
    expect(mannWhitney([3, 3], [3, 3]).p).toBe(1);
  });
});
