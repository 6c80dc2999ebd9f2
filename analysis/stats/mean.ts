/**
 * Arithmetic mean: the sum divided by the count, in the unit of the values.
 * Summed with Neumaier's compensated summation so that means of costs in the
 * hundreds of thousands agree with R to the last digits. O(n).
 *
 * @param values numbers
 * @returns the mean
 * @throws {Error} when values is empty
 * @example mean([1, 2, 6]) // 3
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('mean requires at least one data point');
  return sum(values) / values.length;
}

/** Neumaier-compensated sum (internal helper shared by mean and ols). */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}
