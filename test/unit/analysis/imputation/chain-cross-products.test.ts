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
    const state = chainCrossProducts([ones, covariate, ...data], 2, missing);
    // variable 1 gets new values at its missing rows
    const previous = Float64Array.from(missing[1], (r) => data[1][r]);
    for (const r of missing[1]) data[1][r] = rng.nextFloat() * 100;
    updateCrossProducts(state, 1, missing[1], previous);
    const fresh = chainCrossProducts([ones, covariate, ...data], 2, missing);
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

  it('keeps every S_k exact through changes of each variable in turn, with many missingness patterns (dropout and scattered gaps)', () => {
    const rng = xoshiro128(9);
    const n = 300;
    const K = 6;
    const ones = new Float64Array(n).fill(1);
    const covariate = Float64Array.from({ length: n }, () => rng.nextIndex(3));
    const data = Array.from({ length: K }, () => Float64Array.from({ length: n }, () => rng.nextFloat() * 1000 - 200));
    // dropout: variables 1…5 missing from a random visit on (nested), plus scattered single gaps
    const dropout = Int32Array.from({ length: n }, () => (rng.nextFloat() < 0.4 ? 1 + rng.nextIndex(K - 1) : K));
    const missing = Array.from({ length: K }, (_, k) =>
      Int32Array.from(Array.from({ length: n }, (_, r) => r).filter((r) => (k > 0 && dropout[r] <= k) || rng.nextFloat() < 0.05)),
    );
    const state = chainCrossProducts([ones, covariate, ...data], 2, missing);
    for (let sweep = 0; sweep < 2; sweep++) {
      for (let k = 0; k < K; k++) {
        const previous = Float64Array.from(missing[k], (r) => data[k][r]);
        // some rows keep their value (δ = 0), the others change
        missing[k].forEach((r, m) => (data[k][r] = m % 7 === 0 ? previous[m] : rng.nextFloat() * 1000 - 200));
        updateCrossProducts(state, k, missing[k], previous);
      }
    }
    const fresh = chainCrossProducts([ones, covariate, ...data], 2, missing);
    expect(state.groups.some((g) => g.complement.some((c) => c === 1))).toBe(true); // both ways of summing are used
    for (let k = 0; k < K; k++) {
      const a = state.sums[k] as Float64Array;
      const b = fresh.sums[k] as Float64Array;
      a.forEach((value, i) => expect(value).toBeCloseTo(b[i], 4));
    }
    expect(Array.from(state.z)).toEqual(Array.from(fresh.z));
  });
});
