import { describe, expect, it } from 'vitest';
import { ceaf } from '../../../../analysis/cea/ceaf';
import { reference } from './decision-uncertainty-fixture';

describe('analysis/cea/ceaf', () => {
  it('follows the arm with the higher point-estimate net benefit (ties → control)', () => {
    const curve = [{ wtp: 0, probability: 0.2 }, { wtp: 50, probability: 0.5 }, { wtp: 100, probability: 0.7 }];
    // ΔC = 5, ΔE = 0.1: INB = −5, 0 (tie), 5
    expect(ceaf(curve, 5, 0.1)).toEqual([
      { wtp: 0, optimal: 'control', probability: 0.8 },
      { wtp: 50, optimal: 'control', probability: 0.5 },
      { wtp: 100, optimal: 'ips', probability: 0.7 },
    ]);
  });
  it.each(reference.curves.map((c) => [c.name, c] as const))('agrees with R: %s', (_, c) => {
    const got = ceaf(c.ceacCurve, c.incremental.cost, c.incremental.effect);
    expect(got.map((p) => p.optimal)).toEqual(c.ceaf.map((p) => p.optimal));
    got.forEach((p, i) => expect(p.probability).toBeCloseTo(c.ceaf[i].probability, 12));
  });
  it('switches arm once, at the ICER, when IPS costs and gives more', () => {
    const curve = Array.from({ length: 11 }, (_, i) => ({ wtp: i * 10, probability: i / 10 }));
    const got = ceaf(curve, 45, 1);
    expect(got.filter((p) => p.optimal === 'control').map((p) => p.wtp)).toEqual([0, 10, 20, 30, 40]);
  });
  it('throws for non-finite increments', () => expect(() => ceaf([], Number.NaN, 1)).toThrow('finite'));
});
