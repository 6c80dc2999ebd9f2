import { describe, expect, it } from 'vitest';
import { stratifiedJackknife } from '../../../../analysis/stats/stratified-jackknife';

describe('analysis/stats/stratified-jackknife', () => {
  it('gives x − mean for the mean of one stratum', () => {
    const x = [1, 2, 6];
    const total = x.reduce((a, b) => a + b, 0);
    const influence = stratifiedJackknife([3], (_s, i) => (total - x[i]) / 2);
    expect([...influence].map((v) => +v.toFixed(12))).toEqual([-2, -1, 3]);
  });
  it('works stratum by stratum for a difference of means', () => {
    const a = [1, 3];
    const b = [10, 20, 30];
    const influence = stratifiedJackknife([2, 3], (s, i) =>
      s === 0 ? (4 - a[i]) / 1 - 20 : 2 - (60 - b[i]) / 2);
    expect([...influence].map((v) => +v.toFixed(12))).toEqual([-1, 1, 10, 0, -10]);
  });
  it('throws for a stratum of one', () => expect(() => stratifiedJackknife([1], () => 0)).toThrow('at least two participants per stratum'));
});
