import { describe, expect, it } from 'vitest';
import { fieller95 } from '../../../../analysis/cea/fieller95';
import { pooledIncrementVariances } from '../../../../analysis/imputation/pooled-increment-variances';
import { poolRubin } from '../../../../analysis/imputation/pool-rubin';
import { increment } from '../../../../analysis/imputation/completed-estimates';
import { reference, sameFieller } from '../cea/decision-uncertainty-fixture';

describe('analysis/imputation/pooled-increment-variances', () => {
  const { imputed } = reference;

  it("agrees with R's Rubin total covariance matrix Ū + (1 + 1/m)·cov(estimates)", () => {
    const got = pooledIncrementVariances(imputed.cost, imputed.effect, imputed.arm);
    for (const key of ['cost', 'effect', 'covariance'] as const) {
      expect(Math.abs(got[key] - imputed.variances[key]) / Math.abs(imputed.variances[key])).toBeLessThan(1e-10);
    }
  });

  it('gives the Fieller interval of R from the pooled increments', () => {
    const isIps = Uint8Array.from(imputed.arm, (a) => (a === 'ips' ? 1 : 0));
    const pooledCost = poolRubin(imputed.cost.map((c) => increment(Float64Array.from(c), isIps).difference), imputed.cost.map(() => 0), Infinity).estimate;
    const pooledEffect = poolRubin(imputed.effect.map((e) => increment(Float64Array.from(e), isIps).difference), imputed.effect.map(() => 0), Infinity).estimate;
    const got = fieller95(pooledCost, pooledEffect, pooledIncrementVariances(imputed.cost, imputed.effect, imputed.arm));
    sameFieller(got, imputed.fieller95, 1e-9, expect);
  });

  it("has the same variances as poolRubin's totals for ΔC and ΔE", () => {
    const isIps = Uint8Array.from(imputed.arm, (a) => (a === 'ips' ? 1 : 0));
    const total = (sets: number[][]) => {
      const inc = sets.map((values) => increment(Float64Array.from(values), isIps));
      return poolRubin(inc.map((i) => i.difference), inc.map((i) => i.variance), Infinity).totalVariance;
    };
    const got = pooledIncrementVariances(imputed.cost, imputed.effect, imputed.arm);
    expect(got.cost).toBeCloseTo(total(imputed.cost), 6);
    expect(got.effect / total(imputed.effect)).toBeCloseTo(1, 12);
  });

  it('throws with fewer than two imputations or a missing value', () => {
    expect(() => pooledIncrementVariances([imputed.cost[0]], [imputed.effect[0]], imputed.arm)).toThrow('at least two');
    expect(() => pooledIncrementVariances([[1, 2], [1, 2]], [[1], [1]], ['ips', 'control'])).toThrow('every participant');
  });
});
