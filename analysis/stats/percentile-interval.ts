import type { Interval } from '../result';
import { quantileSorted } from './quantile-sorted';

/**
 * Bootstrap percentile interval: the (1 − level)/2 and (1 + level)/2 sample
 * quantiles of the replicates, quantile definition 7 of Hyndman & Fan (R's
 * default; see {@link quantileSorted}). Reference: Efron & Tibshirani 1993,
 * §13.3. O(B log B).
 *
 * @param replicates bootstrap replicates of a statistic (any order; not modified)
 * @param level confidence level, default 0.95
 * @returns [lower, upper] in the unit of the statistic
 * @throws {Error} when there are no replicates or level is outside (0, 1)
 * @example percentileInterval(Float64Array.of(1, 2, 3, 4, 5), 0.5) // [2, 4]
 */
export function percentileInterval(replicates: ArrayLike<number>, level = 0.95): Interval {
  if (replicates.length === 0) throw new Error('percentileInterval requires at least one replicate');
  if (!(level > 0 && level < 1)) throw new Error('percentileInterval requires a level between 0 and 1');
  const sorted = Float64Array.from(replicates).sort();
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
}
