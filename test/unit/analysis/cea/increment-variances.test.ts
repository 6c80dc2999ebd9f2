import { describe, expect, it } from 'vitest';
import { incrementVariances } from '../../../../analysis/cea/increment-variances';
import { armOf, reference } from './decision-uncertainty-fixture';

describe('analysis/cea/increment-variances', () => {
  it('is Σ var/n and Σ cov/n over the arms (hand example)', () => {
    // IPS: var(C) = 2, var(E) = 2, cov = 2, n = 2 → 1, 1, 1; control has no spread
    expect(incrementVariances({ cost: [1, 3], effect: [0, 2] }, { cost: [0, 0], effect: [1, 1] })).toEqual({ cost: 1, effect: 1, covariance: 1 });
  });
  it.each(reference.fieller.map((c) => [c.name, c] as const))('agrees with R var() and cov(): %s', (_, c) => {
    const got = incrementVariances(armOf(c, 'ips'), armOf(c, 'control'));
    for (const key of ['cost', 'effect', 'covariance'] as const) {
      expect(Math.abs(got[key] - c.variances[key]) / Math.abs(c.variances[key])).toBeLessThan(1e-10);
    }
  });
  it('keeps precision for costs around a large mean (two-pass)', () => {
    const got = incrementVariances({ cost: [1e9 + 1, 1e9 + 3], effect: [0, 2] }, { cost: [5, 5], effect: [0, 0] });
    expect(got.cost).toBe(1);
  });
  it('throws for an arm of one participant or mismatched arrays', () => {
    expect(() => incrementVariances({ cost: [1], effect: [1] }, { cost: [1, 2], effect: [1, 2] })).toThrow('at least two participants');
    expect(() => incrementVariances({ cost: [1, 2], effect: [1] }, { cost: [1, 2], effect: [1, 2] })).toThrow('as many effects as costs');
  });
});
