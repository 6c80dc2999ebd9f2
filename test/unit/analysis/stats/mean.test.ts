import { describe, expect, it } from 'vitest';
import { mean, sum } from '../../../../analysis/stats/mean';

describe('analysis/stats/mean', () => {
  it('computes the arithmetic mean', () => expect(mean([1, 2, 6])).toBe(3));
  it('sums with compensation', () => expect(sum([1e16, 1, -1e16])).toBe(1));
  it('throws on empty data', () => expect(() => mean([])).toThrow('mean requires at least one data point'));
});
