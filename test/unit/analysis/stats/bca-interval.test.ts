import { describe, expect, it } from 'vitest';
import { bcaInterval } from '../../../../analysis/stats/bca-interval';
import { normalCdf } from '../../../../analysis/stats/normal-cdf';
import { percentileInterval } from '../../../../analysis/stats/percentile-interval';
import { quantileSorted } from '../../../../analysis/stats/quantile-sorted';

const grid = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);

describe('analysis/stats/bca-interval', () => {
  it('equals the percentile interval when z0 = 0 and a = 0', () => {
    // half the replicates below 0.5 (strictly), symmetric influence → a = 0
    const replicates = Float64Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const interval = bcaInterval(replicates, 0.5, [-1, 1, -2, 2]) as [number, number];
    const percentile = percentileInterval(replicates);
    expect(interval[0]).toBeCloseTo(percentile[0], 12);
    expect(interval[1]).toBeCloseTo(percentile[1], 12);
  });
  it('applies bias correction from the share below the ORIGINAL estimate and the acceleration', () => {
    const influence = [1, 1, 1, -3]; // ΣL³ = -24, ΣL² = 12 → a = -24 / (6·12^1.5)
    const a = -24 / (6 * 12 ** 1.5);
    const estimate = 0.6; // 600 of 1001 values strictly below
    const expectedZ0 = inverse(600 / 1001);
    const level = (alpha: number) => {
      const z = expectedZ0 + inverse(alpha);
      return normalCdf(expectedZ0 + z / (1 - a * z));
    };
    const interval = bcaInterval(grid, estimate, influence) as [number, number];
    expect(interval[0]).toBeCloseTo(quantileSorted(grid, level(0.025)), 12);
    expect(interval[1]).toBeCloseTo(quantileSorted(grid, level(0.975)), 12);
  });
  it('returns null when every replicate lies on one side of the estimate', () => {
    expect(bcaInterval(Float64Array.of(1, 1, 1), 0.5, [1, -1])).toBeNull();
    expect(bcaInterval(Float64Array.of(1, 2, 3), 1, [0, 0])).toBeNull(); // no spread: a undefined
  });
  it('throws without replicates', () => expect(() => bcaInterval([], 0, [1])).toThrow('at least one replicate'));
});

function inverse(p: number): number {
  // bisection on normalCdf: an obvious reference for Φ⁻¹
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
