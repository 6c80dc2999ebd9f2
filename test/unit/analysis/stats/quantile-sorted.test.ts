import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../../analysis/stats/quantile-sorted';

describe('analysis/stats/quantile-sorted', () => {
  // R: quantile(c(1, 2, 4, 7, 11), c(0, 0.025, 0.3, 0.5, 0.975, 1), type = 7)
  //    1.0  1.1  2.4  4.0  10.6  11.0
  it('matches R quantile type 7', () => {
    const x = [1, 2, 4, 7, 11];
    const expected: [number, number][] = [[0, 1], [0.025, 1.1], [0.3, 2.4], [0.5, 4], [0.975, 10.6], [1, 11]];
    for (const [p, q] of expected) expect(quantileSorted(x, p)).toBeCloseTo(q, 12);
  });
  it('returns the value of a single-element sample', () => expect(quantileSorted([5], 0.3)).toBe(5));
  it('throws on empty data and bad p', () => {
    expect(() => quantileSorted([], 0.5)).toThrow('at least one data point');
    expect(() => quantileSorted([1], 2)).toThrow('p between 0 and 1');
  });
});
