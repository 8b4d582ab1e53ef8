import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options/validate.js';
import { splitSettings } from '../../src/workers/split.js';

describe('splitSettings', () => {
  it('divides connections and requests as evenly as integers allow, losing none', () => {
    const settings = resolveOptions({ url: 'http://127.0.0.1/', concurrency: 10, requests: 101, workers: 3 });
    const parts = [0, 1, 2].map((i) => splitSettings(settings, i, 3).settings);
    expect(parts.map((p) => p.concurrency)).toEqual([4, 3, 3]);
    expect(parts.map((p) => p.requests)).toEqual([34, 34, 33]);
    expect(parts.every((p) => p.workers === 1)).toBe(true);
  });

  it('divides the rate and staggers the schedules so merged arrivals stay evenly spaced', () => {
    const settings = resolveOptions({ url: 'http://127.0.0.1/', rate: 1000, workers: 4, concurrency: 100 });
    const parts = [0, 1, 2, 3].map((i) => splitSettings(settings, i, 4));
    expect(parts.map((p) => p.settings.rate)).toEqual([250, 250, 250, 250]);
    expect(parts.map((p) => p.phaseMs)).toEqual([0, 1, 2, 3]);
  });
});
