/**
 * The complete-data estimates of one completed dataset with their variances,
 * which Rubin's rules pool: increments of arm means (variance of a difference
 * of two independent means, s²₁/n₁ + s²₀/n₀) and the core's adjusted ΔQALY
 * (OLS qaly ~ arm + u0 [+ covariates], classical standard error).
 */
import { adjustedEffect } from '../adjusted-effect';
import type { ParticipantRecord } from '../participant-table';
import type { CovariateName } from '../settings';

export interface Increment {
  meanIps: number;
  meanControl: number;
  /** mean(IPS) − mean(control) */
  difference: number;
  /** s²(IPS)/n(IPS) + s²(control)/n(control) */
  variance: number;
}

export interface CompletedEstimates {
  cost: Increment;
  qaly: Increment;
  employment: Increment;
  /** arm coefficient of the core's adjusted ΔQALY, and its squared standard error */
  qalyAdjusted: { estimate: number; variance: number };
}

/**
 * Estimates increments (IPS − control) of cost, QALYs and employment days in
 * one completed table, with the within-imputation variances. O(n).
 *
 * @param records one completed table (every qaly and cost present)
 * @param covariates extra covariates of the adjusted ΔQALY (settings.covariates)
 * @throws when an arm has fewer than two participants, or the regression cannot be estimated
 */
export function completedEstimates(records: readonly ParticipantRecord[], covariates: readonly CovariateName[]): CompletedEstimates {
  const isIps = Uint8Array.from(records, (r) => (r.arm === 'ips' ? 1 : 0));
  const adjusted = adjustedEffect(records, covariates);
  return {
    cost: increment(Float64Array.from(records, (r) => r.cost), isIps),
    qaly: increment(Float64Array.from(records, (r) => r.qaly as number), isIps),
    employment: increment(Float64Array.from(records, (r) => r.employmentDays), isIps),
    qalyAdjusted: { estimate: adjusted.effect, variance: adjusted.standardError ** 2 },
  };
}

/**
 * Difference of arm means with the variance of that difference.
 * @param isIps 1 for IPS, 0 for control, per value
 * @throws when an arm has fewer than two values
 */
export function increment(values: Float64Array, isIps: Uint8Array): Increment {
  const sums = [0, 0];
  const counts = [0, 0];
  for (let i = 0; i < values.length; i++) {
    sums[isIps[i]] += values[i];
    counts[isIps[i]]++;
  }
  if (counts[0] < 2 || counts[1] < 2) throw new Error('increment requires at least two participants in each arm');
  const means = [sums[0] / counts[0], sums[1] / counts[1]];
  const squares = [0, 0];
  for (let i = 0; i < values.length; i++) squares[isIps[i]] += (values[i] - means[isIps[i]]) ** 2;
  const variance = squares[1] / (counts[1] - 1) / counts[1] + squares[0] / (counts[0] - 1) / counts[0];
  return { meanIps: means[1], meanControl: means[0], difference: means[1] - means[0], variance };
}
