import { describe, expect, it } from 'vitest';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';

describe('analysis/stats/xoshiro128', () => {
  it('reproduces the same stream for the same seed', () => {
    const a = xoshiro128(42);
    const b = xoshiro128(42);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });
  it('gives different streams for neighbouring seeds', () => {
    const a = xoshiro128(1);
    const b = xoshiro128(2);
    const same = Array.from({ length: 100 }, () => a.nextUint32() === b.nextUint32()).filter(Boolean).length;
    expect(same).toBeLessThan(3);
  });
  it('draws indices uniformly (chi-square, 10 cells)', () => {
    const rng = xoshiro128(7);
    const counts = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.nextIndex(10)]++;
    const chi2 = counts.reduce((total, count) => total + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // qchisq(0.999, 9)
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });
  it('gives floats in [0, 1)', () => {
    const rng = xoshiro128(3);
    for (let i = 0; i < 10_000; i++) {
      const u = rng.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
  it('throws on a non-integer seed', () => expect(() => xoshiro128(1.5)).toThrow('integer seed'));
});

describe('analysis/stats/xoshiro128 fillIndices', () => {
  it('writes the same indices as repeated nextIndex calls and continues the stream', () => {
    const block = xoshiro128(11);
    const single = xoshiro128(11);
    const target = new Int32Array(1000);
    block.fillIndices(target, 1000, 37);
    for (let i = 0; i < 1000; i++) expect(target[i]).toBe(single.nextIndex(37));
    expect(block.nextUint32()).toBe(single.nextUint32());
  });
});

describe('analysis/stats/xoshiro128 resampleSums', () => {
  it('sums the same resample as nextIndex and continues the stream', () => {
    const fused = xoshiro128(12);
    const single = xoshiro128(12);
    const first = Float64Array.from({ length: 57 }, (_, i) => i * 1.5);
    const second = Float64Array.from({ length: 57 }, (_, i) => 100 - i);
    const out = new Float64Array(2);
    fused.resampleSums(first, second, out);
    let a = 0;
    let b = 0;
    for (let i = 0; i < 57; i++) {
      const k = single.nextIndex(57);
      a += first[k];
      b += second[k];
    }
    expect([...out]).toEqual([a, b]);
    expect(fused.nextUint32()).toBe(single.nextUint32());
  });
});
