import { describe, expect, it } from 'vitest';
import { imputationFrame } from '../../../../analysis/imputation/imputation-frame';
import { imputeChained, type ImputationFrame } from '../../../../analysis/imputation/impute-chained';
import { xoshiro128 } from '../../../../analysis/stats/xoshiro128';
import { fixtureTable } from './fixture-table';

const options = { m: 5, iterations: 5, donors: 5, ridge: 1e-5 };
const uniform = (seed: number) => xoshiro128(seed);

describe('analysis/imputation/impute-chained (predictive mean matching)', () => {
  const frame = imputationFrame(fixtureTable('mar.csv'));

  it('leaves no value missing and imputes only values observed in the same variable', () => {
    const result = imputeChained(frame, options, uniform(1));
    expect(result.missingCount.some((count) => count > 0)).toBe(true);
    frame.values.forEach((column, k) => {
      const observed = new Set(Array.from(column).filter((v) => !Number.isNaN(v)));
      for (const completed of result.completed) {
        for (let i = 0; i < frame.n; i++) {
          expect(Number.isNaN(completed[k][i])).toBe(false);
          if (Number.isNaN(column[i])) expect(observed.has(completed[k][i])).toBe(true);
          else expect(completed[k][i]).toBe(column[i]);
        }
      }
    });
  });

  it('reproduces the same imputations from the same seed and different ones from another seed', () => {
    const a = imputeChained(frame, options, uniform(7));
    const b = imputeChained(frame, options, uniform(7));
    const c = imputeChained(frame, options, uniform(8));
    expect(a.completed).toEqual(b.completed);
    expect(a.completed).not.toEqual(c.completed);
  });

  it('passes complete data through unchanged', () => {
    const complete: ImputationFrame = {
      ...frame,
      values: frame.values.map((column) => column.map((v, i) => (Number.isNaN(v) ? i : v))),
    };
    const result = imputeChained(complete, options, uniform(3));
    for (const completed of result.completed) completed.forEach((column, k) => expect(column).toEqual(complete.values[k]));
  });

  it('imputes an arm difference: MAR by arm keeps the arms apart (imputed values follow their arm)', () => {
    // a variable that is arm + noise (correlation with arm ≈ 0.86), half missing: the imputed values keep the arm difference of 1
    const arm = frame.covariates[frame.covariateNames.indexOf('arm_ips')];
    const noise = xoshiro128(99);
    const y = Float64Array.from(arm, (a) => a + 0.3 * (noise.nextFloat() + noise.nextFloat() + noise.nextFloat() - 1.5) * 2);
    const values = [Float64Array.from(y, (v, i) => (i % 2 === 0 ? NaN : v)), ...frame.values.slice(1)];
    const result = imputeChained({ ...frame, values }, { ...options, m: 2 }, uniform(5));
    for (const completed of result.completed) {
      const imputed = (a: number) => Array.from(completed[0]).filter((_, i) => i % 2 === 0 && arm[i] === a);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(imputed(1)) - mean(imputed(0))).toBeGreaterThan(0.8);
      expect(mean(imputed(1)) - mean(imputed(0))).toBeLessThan(1.2);
    }
    expect(result.loggedEvents.filter((e) => e.dep === 'u0')).toEqual([]);
  });

  it('leaves out a predictor correlated ≥ 0.99 with the imputed variable on its observed rows, as mice, and logs it', () => {
    const arm = frame.covariates[frame.covariateNames.indexOf('arm_ips')];
    const values = [Float64Array.from(arm, (a, i) => (i % 2 === 0 ? NaN : a)), ...frame.values.slice(1)];
    const result = imputeChained({ ...frame, values }, { ...options, m: 2, iterations: 3 }, uniform(5));
    const u0Events = result.loggedEvents.filter((e) => e.dep === 'u0');
    expect(u0Events).toHaveLength(2 * 3);
    expect(u0Events.every((e) => e.meth === 'pmm' && e.out === 'arm_ips')).toBe(true);
    expect(u0Events.map((e) => [e.imp, e.it])).toEqual([[1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3]]);
  });

  it('names the variable that cannot be imputed and rejects bad options', () => {
    const empty = [new Float64Array(frame.n).fill(NaN), ...frame.values.slice(1)];
    expect(() => imputeChained({ ...frame, values: empty }, options, uniform(1))).toThrow('cannot impute u0');
    expect(() => imputeChained(frame, { ...options, m: 0 }, uniform(1))).toThrow('m ≥ 1');
    expect(() => imputeChained(frame, { ...options, donors: 0 }, uniform(1))).toThrow('donor');
  });
});

describe('analysis/imputation/impute-chained on tiny data', () => {
  it('imputes the only observed value when a variable has one, with more predictors than rows', () => {
    const n = 6;
    const frame: ImputationFrame = {
      n,
      names: ['a', 'b'],
      values: [Float64Array.of(0.5, NaN, NaN, NaN, NaN, NaN), Float64Array.of(1, 2, NaN, 4, 5, 6)],
      covariateNames: ['arm_ips', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
      covariates: [Float64Array.of(1, 0, 1, 0, 1, 0), ...[1, 2, 3, 4, 5, 6].map((s) => Float64Array.from({ length: n }, (_, i) => (i * s) % 7))],
    };
    const result = imputeChained(frame, { m: 3, iterations: 3, donors: 5, ridge: 1e-5 }, uniform(2));
    for (const completed of result.completed) {
      expect(Array.from(completed[0])).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
      expect([1, 2, 4, 5, 6]).toContain(completed[1][2]);
    }
  });
});
