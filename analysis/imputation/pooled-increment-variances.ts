/**
 * The (co)variances of ΔC and ΔE under multiple imputation, pooled with
 * Rubin's rules for a vector estimate, for the Fieller interval.
 */
import type { Arm } from '../dataset/types';
import { incrementVariances, type IncrementVariances } from '../cea/increment-variances';

/**
 * Rubin's total (co)variances of the increments (ΔC, ΔE) over m completed
 * datasets (ANALYSIS-DATASET.md, "Fieller, CEAF, EVPI, power": "Rubin's pooled
 * totals for V_C, V_E and the pooled covariance"): T = Ū + (1 + 1/m)·B
 * element-wise, where Ū is the mean of the within-imputation (co)variances
 * Σ_a var_a/n_a and Σ_a cov_a/n_a (incrementVariances) and B is the sample
 * (m − 1) covariance matrix of the m estimates (ΔC_i, ΔE_i). V_C and V_E equal
 * the `totalVariance` of poolRubin for ΔC and ΔE. O(m·n).
 * Reference: Rubin 1987, §3.1 (multicomponent estimands); Little & Rubin, Statistical Analysis with Missing Data, 3rd ed., §5.4.
 *
 * @param costs cost per participant in each completed dataset (same participant order in every imputation)
 * @param effects effect per participant in each completed dataset
 * @param arms allocated arm per participant
 * @returns { cost: T_C, effect: T_E, covariance: T_CE }
 * @throws {Error} when fewer than two imputations are given, the lengths differ or an arm has fewer than two participants
 * @example pooledIncrementVariances(outcomes.map((o) => o.cost), outcomes.map((o) => o.qaly), table.map((r) => r.arm))
 */
export function pooledIncrementVariances(
  costs: readonly ArrayLike<number>[],
  effects: readonly ArrayLike<number>[],
  arms: readonly Arm[],
): IncrementVariances {
  const m = costs.length;
  if (m < 2) throw new Error('pooledIncrementVariances requires at least two imputed datasets');
  if (effects.length !== m) throw new Error('pooledIncrementVariances requires one effect array per cost array');
  const ips = arms.flatMap((arm, i) => (arm === 'ips' ? [i] : []));
  const control = arms.flatMap((arm, i) => (arm === 'control' ? [i] : []));
  const within: IncrementVariances = { cost: 0, effect: 0, covariance: 0 };
  const increments: { cost: number; effect: number }[] = [];
  for (let imp = 0; imp < m; imp++) {
    if (costs[imp].length !== arms.length || effects[imp].length !== arms.length) {
      throw new Error('pooledIncrementVariances requires a cost and an effect for every participant');
    }
    const pick = (rows: number[], values: ArrayLike<number>) => rows.map((i) => values[i]);
    const ipsArm = { cost: pick(ips, costs[imp]), effect: pick(ips, effects[imp]) };
    const controlArm = { cost: pick(control, costs[imp]), effect: pick(control, effects[imp]) };
    const v = incrementVariances(ipsArm, controlArm);
    within.cost += v.cost / m;
    within.effect += v.effect / m;
    within.covariance += v.covariance / m;
    increments.push({ cost: average(ipsArm.cost) - average(controlArm.cost), effect: average(ipsArm.effect) - average(controlArm.effect) });
  }
  const meanCost = average(increments.map((d) => d.cost));
  const meanEffect = average(increments.map((d) => d.effect));
  let bcc = 0;
  let bee = 0;
  let bce = 0;
  for (const d of increments) {
    bcc += (d.cost - meanCost) ** 2;
    bee += (d.effect - meanEffect) ** 2;
    bce += (d.cost - meanCost) * (d.effect - meanEffect);
  }
  const inflation = (1 + 1 / m) / (m - 1);
  return {
    cost: within.cost + inflation * bcc,
    effect: within.effect + inflation * bee,
    covariance: within.covariance + inflation * bce,
  };
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
