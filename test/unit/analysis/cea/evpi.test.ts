import { describe, expect, it } from 'vitest';
import { evpi } from '../../../../analysis/cea/evpi';
import { reference } from './decision-uncertainty-fixture';

describe('analysis/cea/evpi', () => {
  it('is mean max(0, INB) − max(0, mean INB) (hand example)', () => {
    // λ = 0: INB = −ΔC = −1, 1, 3 → mean max(0, ·) = 4/3, max(0, mean) = 1 → 1/3
    const got = evpi(Float64Array.of(1, -1, -3), Float64Array.of(0, 0, 0), [0], 300);
    expect(got[0].perParticipant).toBeCloseTo(1 / 3, 15);
    expect(got[0].population).toBeCloseTo(100, 12);
  });
  it.each(reference.curves.map((c) => [c.name, c] as const))('agrees with R from the same replicates: %s', (_, c) => {
    const got = evpi(c.replicates.cost, c.replicates.effect, c.evpi.map((p) => p.wtp), c.population);
    got.forEach((p, i) => {
      const want = c.evpi[i];
      expect(Math.abs(p.perParticipant - want.perParticipant)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.perParticipant));
      expect(Math.abs((p.population as number) - want.population)).toBeLessThanOrEqual(1e-9 * Math.max(1, want.population));
    });
  });
  it('is never negative, and 0 when every replicate favours the same arm', () => {
    const c = reference.curves[0];
    expect(evpi(c.replicates.cost, c.replicates.effect, [0, 1e4, 1e5, 1e6]).every((p) => p.perParticipant >= 0)).toBe(true);
    expect(evpi(Float64Array.of(-5, -1, -2), Float64Array.of(0.1, 0.2, 0.3), [0, 100]).map((p) => p.perParticipant)).toEqual([0, 0]);
  });
  it('omits the population figure when no population is given', () => {
    expect(evpi([1], [1], [5])[0]).toEqual({ wtp: 5, perParticipant: 0 });
  });
  it('throws without replicates, with mismatched arrays or a population ≤ 0', () => {
    expect(() => evpi([], [], [0])).toThrow('at least one replicate');
    expect(() => evpi([1], [1, 2], [0])).toThrow('as many effects');
    expect(() => evpi([1], [1], [0], 0)).toThrow('population > 0');
  });
});
