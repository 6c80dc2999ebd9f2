/**
 * Sample quantile of sorted data, Hyndman & Fan (1996) definition 7 (R's
 * default `quantile(type = 7)`): h = (n − 1)·p, then linear interpolation
 * between the order statistics x[⌊h⌋] and x[⌊h⌋ + 1] (0-based).
 * Reference: Hyndman R. J., Fan Y. "Sample quantiles in statistical
 * packages", Am Stat 1996;50:361. O(1).
 *
 * @param sorted values in ascending order (same unit as the result)
 * @param p probability in [0, 1]
 * @returns the p-quantile
 * @throws {Error} when sorted is empty or p is outside [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantileSorted requires at least one data point');
  if (!(p >= 0 && p <= 1)) throw new Error('quantileSorted requires p between 0 and 1');
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  if (lower >= n - 1) return sorted[n - 1];
  const fraction = h - lower;
  return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}
