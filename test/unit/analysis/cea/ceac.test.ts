import { describe, expect, it } from 'vitest';
import { ceac } from '../../../../analysis/cea/ceac';

describe('analysis/cea/ceac', () => {
  it('is the share of replicates with λ·ΔE − ΔC > 0, per λ', () => {
    const cost = Float64Array.of(100, -50, 300, 0);
    const effect = Float64Array.of(0.5, -0.5, 2, 0);
    // INMB at λ = 0: −100, 50, −300, 0 → 1/4; λ = 200: 0, −50, 100, 0 → 1/4 (INMB = 0 is not > 0); λ = 400: 100, −150, 500, 0 → 2/4
    expect(ceac(cost, effect, [0, 200, 400])).toEqual([
      { wtp: 0, probability: 0.25 },
      { wtp: 200, probability: 0.25 },
      { wtp: 400, probability: 0.5 },
    ]);
  });
  it('throws without replicates or with mismatched arrays', () => {
    expect(() => ceac([], [], [0])).toThrow('at least one replicate');
    expect(() => ceac([1], [1, 2], [0])).toThrow('as many effects as costs');
  });
});
