import { describe, expect, it } from 'vitest';
import { quadrant, quadrantInWords } from '../../../../analysis/cea/quadrant';

describe('analysis/cea/quadrant', () => {
  it('places each sign combination', () => {
    expect(quadrant(1, 1)).toBe('NE');
    expect(quadrant(-1, 1)).toBe('SE');
    expect(quadrant(1, -1)).toBe('NW');
    expect(quadrant(-1, -1)).toBe('SW');
  });
  it('puts ΔC = 0 in the south (SE when ΔE > 0, SW when ΔE < 0)', () => {
    expect(quadrant(0, 0.1)).toBe('SE');
    expect(quadrant(0, -0.1)).toBe('SW');
  });
  it('is null when ΔE = 0, whatever ΔC', () => {
    expect(quadrant(100, 0)).toBeNull();
    expect(quadrant(-100, 0)).toBeNull();
  });
  it('reads quadrants in plain words', () => {
    expect(quadrantInWords('SE', 'QALYs')).toContain('IPS dominates');
    expect(quadrantInWords('NW', 'QALYs')).toContain('IPS is dominated');
    expect(quadrantInWords(null, 'QALYs')).toContain('no ratio');
  });
  it('throws on non-finite input', () => expect(() => quadrant(1, Infinity)).toThrow('finite'));
});
