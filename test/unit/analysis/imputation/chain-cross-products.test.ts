import { describe, expect, it } from 'vitest';
import { chainCrossProducts, updateCrossProducts } from '../../../../analysis/imputation/chain-cross-products';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';

describe('analysis/imputation/chain-cross-products', () => {
  it('keeps S_k equal to Σ z zᵀ over the rows where k is observed after a variable changes', () => {
    const rng = xoshiro128(4);
    const n = 40;
    const column = () => Float64Array.from({ length: n }, () => rng.nextFloat() * 100);
    const ones = new Float64Array(n).fill(1);
    const covariate = Float64Array.from({ length: n }, (_, i) => i % 2);
    const data = [column(), column(), column()];
    const missing = [Int32Array.of(1, 5, 9), Int32Array.of(5, 6, 7, 30), Int32Array.of()];
    const masks = missing.map((rows) => {
      const mask = new Uint8Array(n);
      rows.forEach((r) => (mask[r] = 1));
      return mask;
    });
    const state = chainCrossProducts([ones, covariate, ...data], 2, missing, masks);
    // variable 1 gets new values at its missing rows
    const previous = Float64Array.from(missing[1], (r) => data[1][r]);
    for (const r of missing[1]) data[1][r] = rng.nextFloat() * 100;
    updateCrossProducts(state, 1, missing[1], previous);
    const fresh = chainCrossProducts([ones, covariate, ...data], 2, missing, masks);
    expect(state.sums[2]).toBeNull();
    for (const k of [0, 1]) {
      const a = state.sums[k] as Float64Array;
      const b = fresh.sums[k] as Float64Array;
      a.forEach((value, i) => expect(value).toBeCloseTo(b[i], 6)); // both lower triangles
    }
    // by hand: S_0[intercept][variable 1] = Σ over rows where variable 0 is observed of variable 1
    let hand = 0;
    for (let r = 0; r < n; r++) if (!missing[0].includes(r)) hand += data[1][r];
    expect((state.sums[0] as Float64Array)[3 * 5 + 0]).toBeCloseTo(hand, 8); // lower triangle: (3, 0)
  });
});
