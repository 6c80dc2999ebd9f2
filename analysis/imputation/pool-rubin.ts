/**
 * Rubin's rules for a scalar estimate, as `mice::pool.scalar` (rule
 * "rubin1987") with the Barnard–Rubin degrees of freedom.
 */

export interface PooledEstimate {
  m: number;
  /** Q̄, the mean of the m estimates */
  estimate: number;
  /** Ū, the mean within-imputation variance */
  withinVariance: number;
  /** B, the between-imputation variance (sample variance of the estimates) */
  betweenVariance: number;
  /** T = Ū + (1 + 1/m)·B */
  totalVariance: number;
  /** √T */
  standardError: number;
  /** Barnard–Rubin degrees of freedom */
  df: number;
  /** relative increase in variance r = (1 + 1/m)·B / Ū */
  relativeIncrease: number;
  /** fraction of missing information (r + 2/(df + 3)) / (r + 1) */
  fractionMissingInformation: number;
}

/**
 * Pools m completed-data estimates with Rubin's rules (Rubin, Multiple
 * Imputation for Nonresponse in Surveys, 1987; van Buuren, Flexible Imputation
 * of Missing Data, 2nd ed., §2.3): Q̄ = mean(Q), Ū = mean(U),
 * B = Σ(Q − Q̄)²/(m − 1), T = Ū + (1 + 1/m)·B. Degrees of freedom by Barnard
 * & Rubin (1999, Biometrika 86:948): λ = (1 + 1/m)·B/T (at least 1e-4),
 * ν_old = (m − 1)/λ², ν_obs = (ν_com + 1)/(ν_com + 3)·ν_com·(1 − λ),
 * ν = ν_old·ν_obs/(ν_old + ν_obs) (ν = ν_old when ν_com is infinite), exactly
 * as mice's `barnard.rubin`. O(m).
 *
 * @param estimates Q, one per imputed dataset (unit of the estimate)
 * @param variances U, the squared standard error of each estimate
 * @param completeDf ν_com, degrees of freedom of the complete-data analysis (Infinity if unknown)
 * @throws when fewer than two estimates are given or the lengths differ
 * @example poolRubin([1, 2, 3], [0.5, 0.5, 0.5], Infinity).totalVariance // 0.5 + 4/3
 */
export function poolRubin(estimates: ArrayLike<number>, variances: ArrayLike<number>, completeDf: number): PooledEstimate {
  const m = estimates.length;
  if (m < 2) throw new Error('poolRubin requires at least two imputed estimates');
  if (variances.length !== m) throw new Error('poolRubin requires one variance per estimate');
  let sumQ = 0;
  let sumU = 0;
  for (let i = 0; i < m; i++) {
    sumQ += estimates[i];
    sumU += variances[i];
  }
  const estimate = sumQ / m;
  const withinVariance = sumU / m;
  let squares = 0;
  for (let i = 0; i < m; i++) squares += (estimates[i] - estimate) ** 2;
  const betweenVariance = squares / (m - 1);
  const totalVariance = withinVariance + (1 + 1 / m) * betweenVariance;
  const df = barnardRubinDf(m, betweenVariance, totalVariance, completeDf);
  const relativeIncrease = ((1 + 1 / m) * betweenVariance) / withinVariance;
  return {
    m,
    estimate,
    withinVariance,
    betweenVariance,
    totalVariance,
    standardError: Math.sqrt(totalVariance),
    df,
    relativeIncrease,
    fractionMissingInformation: (relativeIncrease + 2 / (df + 3)) / (relativeIncrease + 1),
  };
}

function barnardRubinDf(m: number, b: number, t: number, completeDf: number): number {
  let lambda = ((1 + 1 / m) * b) / t;
  if (!(lambda >= 1e-4)) lambda = 1e-4;
  const dfOld = (m - 1) / (lambda * lambda);
  if (!Number.isFinite(completeDf)) return dfOld;
  const dfObs = ((completeDf + 1) / (completeDf + 3)) * completeDf * (1 - lambda);
  return (dfOld * dfObs) / (dfOld + dfObs);
}
