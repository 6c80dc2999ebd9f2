import { describe, expect, it } from 'vitest';
import { qalys } from '../../../../analysis/outcomes/qalys';

describe('analysis/outcomes/qalys', () => {
  it('is 2 for full health over two undiscounted years', () => expect(qalys([1, 1, 1, 1, 1], 0)).toBe(2));
  it('applies the trapezoid weights and discounts year 2 only', () => {
    // 0.25·0.2 + 0.5·0.4 + 0.25·0.6 + (0.25·0.6 + 0.5·0.8 + 0.25·1)/1.03
    expect(qalys([0.2, 0.4, 0.6, 0.8, 1], 0.03)).toBeCloseTo(0.05 + 0.2 + 0.15 + (0.15 + 0.4 + 0.25) / 1.03, 15);
  });
  it('is null when any utility is missing', () => expect(qalys([1, null, 1, 1, 1], 0.03)).toBeNull());
  it('handles negative utilities (states worse than dead)', () => expect(qalys([-0.2, -0.2, -0.2, -0.2, -0.2], 0)).toBeCloseTo(-0.4, 15));
  it('throws on a wrong length or rate', () => {
    expect(() => qalys([1, 1, 1, 1], 0)).toThrow('five utilities');
    expect(() => qalys([1, 1, 1, 1, 1], -2)).toThrow('discount rate');
  });
});
