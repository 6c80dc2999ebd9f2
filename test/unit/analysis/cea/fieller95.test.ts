import { describe, expect, it } from 'vitest';
import { FIELLER_Z, fieller95 } from '../../../../analysis/cea/fieller95';
import { incrementVariances } from '../../../../analysis/cea/increment-variances';
import { armOf, reference, sameFieller } from './decision-uncertainty-fixture';

/** (ΔC − RΔE)² − z²(V_C − 2R·C_CE + R²V_E): ≤ 0 inside the Fieller set, 0 at its limits */
const excess = (dC: number, dE: number, v: { cost: number; effect: number; covariance: number }, r: number) =>
  (dC - r * dE) ** 2 - FIELLER_Z ** 2 * (v.cost - 2 * r * v.covariance + r * r * v.effect);

describe('analysis/cea/fieller95', () => {
  it('uses the contract z', () => expect(reference.z).toBe(FIELLER_Z));

  it.each(reference.fieller.map((c) => [c.name, c] as const))('agrees with R on synthetic arms: %s', (_, c) => {
    const variances = incrementVariances(armOf(c, 'ips'), armOf(c, 'control'));
    sameFieller(fieller95(c.incremental.cost, c.incremental.effect, variances), c.fieller95, 1e-9, expect);
  });

  it('covers every interval type in the R fixture', () => {
    const types = new Set([...reference.fieller, ...reference.trials.flatMap((t) => [t.qaly, t.employment])].map((c) => c.fieller95.type));
    expect([...types].sort()).toEqual(['bounded', 'exclusive', 'unbounded']);
  });

  it('gives limits that solve the quadratic and contain the ICER (bounded)', () => {
    const v = { cost: 4e6, effect: 1e-4, covariance: 5 };
    const got = fieller95(10000, 0.1, v);
    expect(got.type).toBe('bounded');
    const [lo, hi] = got.limits as [number, number];
    expect(lo).toBeLessThan(10000 / 0.1);
    expect(hi).toBeGreaterThan(10000 / 0.1);
    for (const r of [lo, hi]) expect(Math.abs(excess(10000, 0.1, v, r))).toBeLessThan(1e-6 * 10000 ** 2);
    expect(excess(10000, 0.1, v, (lo + hi) / 2)).toBeLessThan(0);
  });

  it('is exclusive when ΔE is not significant but ΔC is: the ICER lies outside [lo, hi]', () => {
    const v = { cost: 1e6, effect: 1e-2, covariance: 0 };
    const got = fieller95(10000, 0.05, v);
    expect(got.type).toBe('exclusive');
    const [lo, hi] = got.limits as [number, number];
    const ratio = 10000 / 0.05;
    expect(ratio <= lo || ratio >= hi).toBe(true);
    expect(excess(10000, 0.05, v, (lo + hi) / 2)).toBeGreaterThan(0);
  });

  it('is the whole line when neither increment is significant', () => {
    expect(fieller95(100, 0.001, { cost: 1e6, effect: 1e-2, covariance: 0 })).toEqual({ type: 'unbounded', limits: null });
  });

  it('is unbounded when a = 0 (no effect and no spread in effect)', () => {
    expect(fieller95(100, 0, { cost: 1, effect: 0, covariance: 0 })).toEqual({ type: 'unbounded', limits: null });
  });

  it('shrinks to the ICER when there is no sampling variance', () => {
    expect(fieller95(500, 0.25, { cost: 0, effect: 0, covariance: 0 })).toEqual({ type: 'bounded', limits: [2000, 2000] });
  });

  it('throws for non-finite input', () => {
    expect(() => fieller95(Number.NaN, 1, { cost: 1, effect: 1, covariance: 0 })).toThrow('fieller95 requires finite');
  });
});
