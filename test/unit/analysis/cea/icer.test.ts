import { describe, expect, it } from 'vitest';
import { icer } from '../../../../analysis/cea/icer';

describe('analysis/cea/icer', () => {
  it('divides Δcost by Δeffect', () => expect(icer(10000, 0.05)).toBeCloseTo(200000, 8));
  it('keeps the sign (negative when dominant or dominated)', () => {
    expect(icer(-100, 2)).toBe(-50);
    expect(icer(100, -2)).toBe(-50);
  });
  it('is null when Δeffect = 0', () => expect(icer(5, 0)).toBeNull());
  it('throws on non-finite input', () => expect(() => icer(NaN, 1)).toThrow('icer requires finite increments'));
});
