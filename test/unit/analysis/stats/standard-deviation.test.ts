import { describe, expect, it } from 'vitest';
import { standardDeviation } from '../../../../analysis/stats/standard-deviation';

describe('analysis/stats/standard-deviation', () => {
  // R: sd(c(2, 4, 4, 4, 5, 5, 7, 9)) = 2.1380899352993952
  it('matches R sd', () => expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.1380899352993952, 14));
  it('is 0 for one value and for equal values', () => {
    expect(standardDeviation([3])).toBe(0);
    expect(standardDeviation([3, 3, 3])).toBe(0);
  });
  it('throws on empty data', () => expect(() => standardDeviation([])).toThrow('at least one data point'));
});
