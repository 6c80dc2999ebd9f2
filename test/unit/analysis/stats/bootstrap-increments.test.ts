import { describe, expect, it } from 'vitest';
import { bootstrapIncrements } from '../../../../analysis/stats/bootstrap-increments';
import { ordinaryLeastSquares } from '../../../../analysis/stats/ordinary-least-squares';
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

describe('analysis/stats/bootstrap-increments with a baseline covariate', () => {
  const withBaseline = (cost: number[], effect: number[], baseline: number[]) => ({ ...arm(cost, effect), baseline: Float64Array.from(baseline) });
  const ips = withBaseline([10, 20, 30, 40, 50], [1.2, 1.5, 1.1, 1.7, 1.4], [0.5, 0.7, 0.4, 0.9, 0.6]);
  const control = withBaseline([15, 25, 35, 45], [1.0, 1.3, 0.9, 1.2], [0.6, 0.8, 0.5, 0.7]);

  it('draws the same stream as without it (same ΔC and ΔE replicates)', () => {
    const plain = bootstrapIncrements(arm([...ips.cost], [...ips.effect]), arm([...control.cost], [...control.effect]), 200, xoshiro128(8));
    const adjusted = bootstrapIncrements(ips, control, 200, xoshiro128(8));
    expect([...adjusted.cost]).toEqual([...plain.cost]);
    expect([...adjusted.effect]).toEqual([...plain.effect]);
  });

  it('gives in each replicate the arm coefficient of OLS effect ~ arm + baseline on the resampled participants', () => {
    const fast = bootstrapIncrements(ips, control, 100, xoshiro128(21));
    const rng = xoshiro128(21);
    for (let b = 0; b < 100; b++) {
      const rows: number[][] = [];
      const y: number[] = [];
      for (const [group, isIps] of [[ips, 1], [control, 0]] as const) {
        const n = group.cost.length;
        for (let i = 0; i < n; i++) {
          const k = rng.nextIndex(n);
          rows.push([1, isIps, group.baseline[k]]);
          y.push(group.effect[k]);
        }
      }
      let expected = NaN;
      try {
        expected = ordinaryLeastSquares(rows, y).coefficients[1];
      } catch {
        // collinear resample (baseline constant): the fast path gives NaN
      }
      if (Number.isNaN(expected)) expect(fast.effectAdjusted![b]).toBeNaN();
      else expect(fast.effectAdjusted![b]).toBeCloseTo(expected, 10);
    }
  });
});
