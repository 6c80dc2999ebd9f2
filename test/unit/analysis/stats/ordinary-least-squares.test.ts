import { describe, expect, it } from 'vitest';
import { ordinaryLeastSquares } from '../../../../analysis/stats/ordinary-least-squares';

describe('analysis/stats/ordinary-least-squares', () => {
  it('recovers an exact line', () => {
    const fit = ordinaryLeastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]);
    expect(fit.coefficients[0]).toBeCloseTo(1, 13);
    expect(fit.coefficients[1]).toBeCloseTo(2, 13);
  });
  // R 4.2: x <- 1:5; z <- c(0,1,0,1,1); y <- c(2.1,3.9,6.2,7.8,10.1); summary(lm(y ~ x + z))
  //   (Intercept) 0.05 (se 0.1387444), x 2.05 (0.0512348), z -0.30 (0.1479020)
  it('matches R lm with standard errors', () => {
    const fit = ordinaryLeastSquares([[1, 1, 0], [1, 2, 1], [1, 3, 0], [1, 4, 1], [1, 5, 1]], [2.1, 3.9, 6.2, 7.8, 10.1]);
    expect(fit.coefficients.map((c) => +c.toFixed(10))).toEqual([0.05, 2.05, -0.3]);
    expect(fit.standardErrors.map((s) => +s.toFixed(7))).toEqual([0.1387444, 0.0512348, 0.147902]);
  });
  it('stays accurate with large offsets (centring not needed)', () => {
    const x = Array.from({ length: 50 }, (_, i) => 1e6 + i);
    const fit = ordinaryLeastSquares(x.map((v) => [1, v]), x.map((v) => 3 + 0.5 * v));
    expect(fit.coefficients[1]).toBeCloseTo(0.5, 9);
  });
  it('names a collinear column', () => {
    expect(() => ordinaryLeastSquares([[1, 1, 2], [1, 2, 4], [1, 3, 6], [1, 4, 8]], [1, 2, 3, 5])).toThrow('column 2 is collinear');
  });
  it('throws with fewer rows than predictors', () => {
    expect(() => ordinaryLeastSquares([[1, 2, 3]], [1])).toThrow('at least as many rows (1) as predictors (3)');
  });
});
