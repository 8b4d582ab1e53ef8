import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options/validate.js';
import { parseSegment, segmentSettings } from '../../src/shard/segment.js';

describe('segment', () => {
  it('parses i/N and refuses i outside 1..N with one line naming it', () => {
    expect(parseSegment('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseSegment('0/8')).toThrow('invalid segment 0/8: i must be from 1 to 8');
    expect(() => parseSegment('9/8')).toThrow('i must be from 1 to 8');
    expect(() => parseSegment('2of8')).toThrow('expected i/N');
  });

  it('stripes the open-model schedule: the shards together send every request of the whole test once', () => {
    const whole = resolveOptions({ url: 'http://127.0.0.1:1/', rate: 1000, requests: 1003 });
    const due = new Map<number, number>();
    let total = 0;
    for (let index = 1; index <= 8; index++) {
      const { settings, phaseMs } = segmentSettings(whole, { index, count: 8 });
      total += settings.requests!;
      // Request k of this shard is due at phase + k / (rate / N): map it to the whole test's request number.
      for (let k = 0; k < settings.requests!; k++) {
        const t = phaseMs + (k * 1000) / settings.rate!;
        const n = Math.round((t * whole.rate!) / 1000);
        due.set(n, (due.get(n) ?? 0) + 1);
      }
    }
    expect(total).toBe(1003);
    expect([...due.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 1003 }, (_, i) => i));
    expect([...due.values()].every((count) => count === 1)).toBe(true);
  });

  it('divides the virtual users so that their union is the whole test', () => {
    const whole = resolveOptions({ url: 'http://127.0.0.1:1/', concurrency: 50, duration: 5 });
    const vus = Array.from({ length: 8 }, (_, i) => segmentSettings(whole, { index: i + 1, count: 8 }).settings.concurrency);
    expect(vus).toEqual([7, 7, 6, 6, 6, 6, 6, 6]);
    expect(vus.reduce((a, b) => a + b)).toBe(50);
  });

  it('refuses a shard that would get no virtual user', () => {
    const whole = resolveOptions({ url: 'http://127.0.0.1:1/', concurrency: 4, duration: 5 });
    expect(() => segmentSettings(whole, { index: 5, count: 8 })).toThrow('segment 5/8 gets none of the 4 virtual users');
  });
});
