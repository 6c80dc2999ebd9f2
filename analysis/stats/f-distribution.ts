/**
 * Upper tail of the F distribution, from jStat
 * (https://jstat.github.io/all.html#jStat.ibeta, the regularized incomplete beta): the p-value of an F test
 * (R's `pf(f, df1, df2, lower.tail = FALSE)`).
 */
import jStat from 'jstat';

/**
 * P(F > f) for F with df1 and df2 degrees of freedom.
 * @throws when a degree of freedom is not positive
 * @example fUpperTail(4.2, 1, 50) // 0.04570
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0)) throw new Error('fUpperTail requires positive degrees of freedom');
  if (!(f > 0)) return 1;
  // P(F > f) = I_x(df2/2, df1/2) with x = df2 / (df2 + df1·f): no cancellation for small p
  return jStat.ibeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
