import { mean } from './mean';

/**
 * Sample standard deviation √(Σ(x − x̄)² / (n − 1)) (R's `sd`), in the unit of
 * the values; two-pass for accuracy. O(n).
 *
 * @param values numbers
 * @returns the sample standard deviation (0 for a single value)
 * @throws {Error} when values is empty
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138…
 */
export function standardDeviation(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('standardDeviation requires at least one data point');
  if (values.length === 1) return 0;
  const centre = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
