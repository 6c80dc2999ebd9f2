import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../../analysis/stats/symmetric-eigen';

describe('analysis/stats/symmetric-eigen', () => {
  it('gives the eigenvalues in decreasing order and unit eigenvectors, as R eigen(symmetric = TRUE)', () => {
    // R 4.2.2: m <- matrix(c(4,1,0.5, 1,3,0.2, 0.5,0.2,1), 3); eigen(m, symmetric = TRUE)
    const m = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1];
    const { values, vectors } = symmetricEigen(m, 3);
    expect(values[0]).toBeCloseTo(4.69428254926163557, 12);
    expect(values[1]).toBeCloseTo(2.38764693146655738, 12);
    expect(values[2]).toBeCloseTo(0.91807051927180527, 12);
    // abs(e$vectors[, 3]) (the sign is arbitrary)
    expect(Array.from(vectors[2], Math.abs)).toEqual([0.153390958210873035, 0.021228647617592356, 0.987937527609655142].map((x) => expect.closeTo(x, 12)));
    for (let i = 0; i < 3; i++) {
      // m v = λ v
      for (let r = 0; r < 3; r++) {
        const mv = m[r * 3] * vectors[i][0] + m[r * 3 + 1] * vectors[i][1] + m[r * 3 + 2] * vectors[i][2];
        expect(mv).toBeCloseTo(values[i] * vectors[i][r], 12);
      }
    }
  });

  it('finds the zero eigenvalue of a singular correlation matrix (centred dummies summing to a constant)', () => {
    const { values, vectors } = symmetricEigen([1, -0.5, -0.5, -0.5, 1, -0.5, -0.5, -0.5, 1], 3);
    expect(values[0]).toBeCloseTo(1.5, 12);
    expect(Math.abs(values[2])).toBeLessThan(1e-12);
    for (const weight of vectors[2]) expect(Math.abs(weight)).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it('rejects a matrix that is not k × k', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow('symmetricEigen requires a k × k matrix');
  });
});
