import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../../analysis/stats/normal-cdf';

describe('analysis/stats/normal-cdf', () => {
  // R 4.2: sprintf("%.17g", pnorm(c(-1.96, 0, 1, -8, 2.5)))
  it('agrees with R pnorm to 1e-14', () => {
    const cases: [number, number][] = [[-1.96, 0.024997895148220435], [0, 0.5], [1, 0.84134474606854293], [-8, 6.2209605742717841e-16], [2.5, 0.99379033467422384]];
    for (const [x, p] of cases) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14);
  });
  it('is symmetric', () => expect(normalCdf(-0.7) + normalCdf(0.7)).toBeCloseTo(1, 15));
  it('throws on NaN', () => expect(() => normalCdf(NaN)).toThrow('normalCdf requires a number'));
});
