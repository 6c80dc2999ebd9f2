import type { Rng } from './xoshiro128';

export interface ArmValues {
  /** cost per participant (currency) */
  cost: Float64Array;
  /** effect per participant (QALYs or employment days) */
  effect: Float64Array;
}

/**
 * Non-parametric bootstrap of the increments ΔC and ΔE, stratified by arm:
 * each replicate draws n_ips participants with replacement from the IPS arm
 * and n_control from the control arm, keeping each participant's cost and
 * effect together, and records mean(ips) − mean(control) of each
 * (ANALYSIS-DATASET.md, "Bootstrap"; Efron & Tibshirani, An Introduction to
 * the Bootstrap, 1993, ch. 6). Per replicate the IPS draws come first, then
 * the control draws, each index from the generator's stream as
 * `rng.nextIndex(n)` would give it (drawn in blocks by `rng.fillIndices`).
 * Nothing is allocated per replicate. O(B·n).
 *
 * @param ips the IPS arm's per-participant values
 * @param control the control arm's per-participant values
 * @param replicates B, the number of replicates
 * @param rng a seeded generator (xoshiro128)
 * @returns the B replicate increments of cost and effect
 * @throws {Error} when an arm is empty or B < 1
 * @example bootstrapIncrements(ips, control, 5000, xoshiro128(1)).cost.length // 5000
 */
export function bootstrapIncrements(
  ips: ArmValues,
  control: ArmValues,
  replicates: number,
  rng: Rng,
): { cost: Float64Array; effect: Float64Array } {
  if (!(Number.isInteger(replicates) && replicates >= 1)) throw new Error('bootstrapIncrements requires at least one replicate');
  const nIps = ips.cost.length;
  const nControl = control.cost.length;
  if (nIps === 0 || nControl === 0) throw new Error('bootstrapIncrements requires participants in both arms');
  const cost = new Float64Array(replicates);
  const effect = new Float64Array(replicates);
  const ipsCost = ips.cost;
  const ipsEffect = ips.effect;
  const controlCost = control.cost;
  const controlEffect = control.effect;
  const ipsDraws = new Int32Array(nIps);
  const controlDraws = new Int32Array(nControl);
  for (let b = 0; b < replicates; b++) {
    rng.fillIndices(ipsDraws, nIps, nIps);
    let sumCostIps = 0;
    let sumEffectIps = 0;
    for (let i = 0; i < nIps; i++) {
      const k = ipsDraws[i];
      sumCostIps += ipsCost[k];
      sumEffectIps += ipsEffect[k];
    }
    rng.fillIndices(controlDraws, nControl, nControl);
    let sumCostControl = 0;
    let sumEffectControl = 0;
    for (let i = 0; i < nControl; i++) {
      const k = controlDraws[i];
      sumCostControl += controlCost[k];
      sumEffectControl += controlEffect[k];
    }
    cost[b] = sumCostIps / nIps - sumCostControl / nControl;
    effect[b] = sumEffectIps / nIps - sumEffectControl / nControl;
  }
  return { cost, effect };
}
