/**
 * Student's t distribution, central and non-central, from jStat
 * (https://jstat.github.io/all.html#jStat.studentt): the quantile for
 * t-based intervals (Rubin's rules) and the non-central distribution
 * function for the power of a t test (R's `qt`, `pt(ncp =)`).
 */
import jStat from 'jstat';
import { normalQuantile } from './normal-quantile';

/**
 * Quantile of Student's t with df degrees of freedom (R's `qt(p, df)`);
 * df = Infinity gives the normal quantile.
 * @throws when p is not in (0, 1) or df is not positive
 * @example studentTQuantile(0.975, 10) // 2.228139
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error('studentTQuantile requires a probability strictly between 0 and 1');
  if (!(df > 0)) throw new Error('studentTQuantile requires positive degrees of freedom');
  if (!Number.isFinite(df)) return normalQuantile(p);
  return jStat.studentt.inv(p, df);
}

/**
 * Distribution function of the non-central t with df degrees of freedom and
 * non-centrality ncp (R's `pt(x, df, ncp)`).
 * @throws when df is not positive
 * @example noncentralTCdf(2, 100, 2.5) // 0.308518
 */
export function noncentralTCdf(x: number, df: number, ncp: number): number {
  if (!(df > 0)) throw new Error('noncentralTCdf requires positive degrees of freedom');
  return ncp === 0 ? jStat.studentt.cdf(x, df) : jStat.noncentralt.cdf(x, df, ncp);
}
