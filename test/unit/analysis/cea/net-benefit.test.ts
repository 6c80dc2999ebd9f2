import { describe, expect, it } from 'vitest';
import { netBenefit } from '../../../../analysis/cea/net-benefit';

describe('analysis/cea/net-benefit', () => {
  it('is λ·ΔE − ΔC', () => {
    expect(netBenefit(10000, 0.05, 250000)).toBeCloseTo(2500, 9);
    expect(netBenefit(10000, 0.05, 0)).toBe(-10000);
  });
  it('is positive when IPS dominates at any λ ≥ 0', () => expect(netBenefit(-1, 0.01, 0)).toBe(1));
  it('throws on non-finite input', () => expect(() => netBenefit(1, 1, NaN)).toThrow('finite'));
});
