import { describe, expect, it } from 'vitest';
import { percentileInterval } from '../../../../analysis/stats/percentile-interval';

describe('analysis/stats/percentile-interval', () => {
  // R: quantile(1:5, c(0.25, 0.75)) = 2, 4; quantile(c(5,3,1,4,2), c(.025,.975)) = 1.1, 4.9
  it('returns the type-7 quantiles at (1 ± level) / 2 of unsorted replicates', () => {
    expect(percentileInterval(Float64Array.of(1, 2, 3, 4, 5), 0.5)).toEqual([2, 4]);
    const [lo, hi] = percentileInterval([5, 3, 1, 4, 2]);
    expect(lo).toBeCloseTo(1.1, 12);
    expect(hi).toBeCloseTo(4.9, 12);
  });
  it('does not reorder its input', () => {
    const input = Float64Array.of(3, 1, 2);
    percentileInterval(input);
    expect([...input]).toEqual([3, 1, 2]);
  });
  it('throws without replicates or with a bad level', () => {
    expect(() => percentileInterval([])).toThrow('at least one replicate');
    expect(() => percentileInterval([1], 1)).toThrow('level between 0 and 1');
  });
});
