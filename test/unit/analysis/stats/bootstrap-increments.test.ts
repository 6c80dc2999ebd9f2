import { describe, expect, it } from 'vitest';
import { bootstrapIncrements } from '../../../../analysis/stats/bootstrap-increments';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';

const arm = (cost: number[], effect: number[]) => ({ cost: Float64Array.from(cost), effect: Float64Array.from(effect) });

describe('analysis/stats/bootstrap-increments', () => {
  const ips = arm([100, 200, 300, 400], [1, 2, 3, 4]);
  const control = arm([50, 150, 250], [0.5, 1, 1.5]);

  it('reproduces exactly with the same seed', () => {
    const a = bootstrapIncrements(ips, control, 500, xoshiro128(9));
    const b = bootstrapIncrements(ips, control, 500, xoshiro128(9));
    expect([...a.cost]).toEqual([...b.cost]);
    expect([...a.effect]).toEqual([...b.effect]);
  });
  it('keeps cost and effect of a participant together', () => {
    // cost = 100 × effect in both arms, so every replicate has ΔC = 100 ΔE
    const r = bootstrapIncrements(ips, arm([50, 100, 150], [0.5, 1, 1.5]), 300, xoshiro128(1));
    for (let b = 0; b < 300; b++) expect(r.cost[b]).toBeCloseTo(100 * r.effect[b], 9);
  });
  it('matches a slow obvious resampler driven by the same stream', () => {
    const rng = xoshiro128(5);
    const draws = () => {
      const pick = (values: Float64Array, n: number) => Array.from({ length: n }, () => rng.nextIndex(n)).map((k) => k);
      const i = pick(ips.cost, 4);
      const c = pick(control.cost, 3);
      const m = (v: Float64Array, idx: number[]) => idx.reduce((t, k) => t + v[k], 0) / idx.length;
      return [m(ips.cost, i) - m(control.cost, c), m(ips.effect, i) - m(control.effect, c)];
    };
    const expected = Array.from({ length: 50 }, draws);
    const fast = bootstrapIncrements(ips, control, 50, xoshiro128(5));
    expected.forEach(([cost, effect], b) => {
      expect(fast.cost[b]).toBeCloseTo(cost, 9);
      expect(fast.effect[b]).toBeCloseTo(effect, 12);
    });
  });
  it('centres on the observed increment', () => {
    const r = bootstrapIncrements(ips, control, 20_000, xoshiro128(2));
    const meanCost = r.cost.reduce((a, b) => a + b, 0) / r.cost.length;
    expect(Math.abs(meanCost - (250 - 150))).toBeLessThan(2);
  });
  it('throws for an empty arm or no replicates', () => {
    expect(() => bootstrapIncrements(ips, arm([], []), 10, xoshiro128(1))).toThrow('participants in both arms');
    expect(() => bootstrapIncrements(ips, control, 0, xoshiro128(1))).toThrow('at least one replicate');
  });
});
