/**
 * Delta-adjusted multiple imputation (pattern-mixture sensitivity analysis
 * for data missing not at random; Leurent, Gomes, Faria et al., Value Health
 * 2018;21:1093 and PharmacoEconomics 2018;36:889): after each imputation a
 * fixed shift δ is added to every imputed value of an arm — follow-up
 * utilities (6–24 months) and follow-up service-use costs per period — and
 * the m completed datasets are re-analysed and re-pooled with Rubin's rules.
 *
 * QALYs and costs are linear in the imputed values, so a shift changes each
 * participant's QALYs by δ_u·w_u and cost by δ_c·w_c, with w_u the sum of the
 * QALY weights of their imputed utilities (u6 0.5, u12 0.25 + 0.25·d,
 * u18 0.5·d, u24 0.25·d) and w_c the number of imputed periods (year 2 × d).
 * The stored completed outcomes are shifted by these weights, never
 * re-imputed, so a tipping-point grid costs m·n per point.
 */
import { poolRubin } from '../imputation/pool-rubin';
import type { ParticipantRecord } from '../participant-table';
import type { Interval } from '../result';
import { studentTQuantile } from '../stats/student-t';

export interface MnarShiftValues {
  utility: { ips: number; control: number };
  cost: { ips: number; control: number };
}

export interface MnarData {
  /** 1 = IPS, 0 = control */
  ips: Uint8Array;
  /** the m completed datasets' QALYs and costs per participant, without any shift */
  outcomes: readonly { cost: ArrayLike<number>; qaly: ArrayLike<number> }[];
  /** QALYs added to a participant by a utility shift of 1 */
  utilityWeight: Float64Array;
  /** cost added to a participant by a cost shift of 1 (currency per period) */
  costWeight: Float64Array;
}

/** The pooled increments under one set of shifts, with INMB's Rubin's t interval. */
export interface DeltaAdjustedEstimate {
  /** pooled ΔC (currency) */
  cost: number;
  /** pooled ΔQALY */
  effect: number;
  /** pooled INMB = λ·ΔE − ΔC */
  inmb: number;
  standardError: number;
  df: number;
  ci95: Interval;
}

/**
 * The weights of each participant's imputed values: which follow-up utilities
 * and service-use periods were missing in the participant table. O(n).
 *
 * @param table the participant table the imputations were made from
 * @param discountRate the annual rate of year 2
 */
export function mnarWeights(table: readonly Pick<ParticipantRecord, 'u' | 'serviceUseCost'>[], discountRate: number): Pick<MnarData, 'utilityWeight' | 'costWeight'> {
  const d = 1 / (1 + discountRate);
  const utilityWeights = [0.5, 0.25 + 0.25 * d, 0.5 * d, 0.25 * d];
  const costWeights = [1, 1, d, d];
  return {
    utilityWeight: Float64Array.from(table, (r) => utilityWeights.reduce((sum, w, t) => sum + (r.u[t + 1] === null ? w : 0), 0)),
    costWeight: Float64Array.from(table, (r) => costWeights.reduce((sum, w, t) => sum + (r.serviceUseCost[t] === null ? w : 0), 0)),
  };
}

/**
 * Re-pools the increments of cost, QALYs and net benefit at λ with the shifts
 * added to the imputed values. Same estimator as the main imputed analysis
 * (difference in arm means, variance s²₁/n₁ + s²₀/n₀, Rubin's rules with
 * ν_com = n − 2), so zero shifts give the main pooled increments. O(m·n),
 * one pass for the sums and one for the squares, nothing allocated per imputation.
 *
 * @param data completed outcomes and weights
 * @param shifts δ per arm for utilities (index points) and period costs (currency)
 * @param wtp λ per QALY (currency)
 * @throws when an arm has fewer than two participants or m < 2
 */
export function deltaAdjusted(data: MnarData, shifts: MnarShiftValues, wtp: number): DeltaAdjustedEstimate {
  const n = data.ips.length;
  const counts = [0, 0];
  for (let i = 0; i < n; i++) counts[data.ips[i]]++;
  if (counts[0] < 2 || counts[1] < 2) throw new Error('deltaAdjusted requires at least two participants in each arm');
  // per arm (index 0 = control, 1 = IPS): the shifts of QALYs and cost per unit weight
  const du = [shifts.utility.control, shifts.utility.ips];
  const dc = [shifts.cost.control, shifts.cost.ips];
  const { ips, utilityWeight, costWeight } = data;
  const nb = new Float64Array(n);
  const inmb: number[] = [];
  const variances: number[] = [];
  let sumCost = 0;
  let sumEffect = 0;
  for (const outcome of data.outcomes) {
    const sums = [0, 0];
    const costSums = [0, 0];
    const qalySums = [0, 0];
    for (let i = 0; i < n; i++) {
      const arm = ips[i];
      const qaly = outcome.qaly[i] + du[arm] * utilityWeight[i];
      const cost = outcome.cost[i] + dc[arm] * costWeight[i];
      nb[i] = wtp * qaly - cost;
      sums[arm] += nb[i];
      costSums[arm] += cost;
      qalySums[arm] += qaly;
    }
    const means = [sums[0] / counts[0], sums[1] / counts[1]];
    const squares = [0, 0];
    for (let i = 0; i < n; i++) squares[ips[i]] += (nb[i] - means[ips[i]]) ** 2;
    inmb.push(means[1] - means[0]);
    variances.push(squares[1] / (counts[1] - 1) / counts[1] + squares[0] / (counts[0] - 1) / counts[0]);
    sumCost += costSums[1] / counts[1] - costSums[0] / counts[0];
    sumEffect += qalySums[1] / counts[1] - qalySums[0] / counts[0];
  }
  const pooled = poolRubin(inmb, variances, n - 2);
  const half = studentTQuantile(0.975, pooled.df) * pooled.standardError;
  const m = data.outcomes.length;
  return {
    cost: sumCost / m,
    effect: sumEffect / m,
    inmb: pooled.estimate,
    standardError: pooled.standardError,
    df: pooled.df,
    ci95: [pooled.estimate - half, pooled.estimate + half],
  };
}
