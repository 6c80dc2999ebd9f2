import type { Rng } from './xoshiro128';

export interface ArmValues {
  /** cost per participant (currency) */
  cost: Float64Array;
  /** effect per participant (QALYs or employment days) */
  effect: Float64Array;
  /** baseline covariate (u0) per participant: when both arms have it, the ANCOVA-adjusted ΔE is bootstrapped too */
  baseline?: Float64Array;
}

export interface BootstrapReplicates {
  cost: Float64Array;
  effect: Float64Array;
  /**
   * arm coefficient of effect ~ arm + baseline in each replicate (present when
   * both arms have `baseline`; NaN where the baseline does not vary)
   */
  effectAdjusted?: Float64Array;
}

/**
 * Non-parametric bootstrap of the increments ΔC and ΔE, stratified by arm:
 * each replicate draws n_ips participants with replacement from the IPS arm
 * and n_control from the control arm, keeping each participant's cost and
 * effect together, and records mean(ips) − mean(control) of each
 * (ANALYSIS-DATASET.md, "Bootstrap"; Efron & Tibshirani, An Introduction to
 * the Bootstrap, 1993, ch. 6). Per replicate the IPS draws come first, then
 * the control draws, each index from the generator's stream as
 * `rng.nextIndex(n)` would give it (drawn and summed in one fused loop by
 * `rng.resampleSums`).
 * Nothing is allocated per replicate. O(B·n).
 *
 * With a baseline covariate x in both arms, each replicate also gives the OLS
 * arm coefficient of y ~ arm + x, computed from the resampled sums as the
 * analysis of covariance: β = S_xy / S_xx pooled within arms, and
 * Δadj = (ȳ_ips − ȳ_control) − β·(x̄_ips − x̄_control) (identical to `lm`).
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
): BootstrapReplicates {
  if (!(Number.isInteger(replicates) && replicates >= 1)) throw new Error('bootstrapIncrements requires at least one replicate');
  const nIps = ips.cost.length;
  const nControl = control.cost.length;
  if (nIps === 0 || nControl === 0) throw new Error('bootstrapIncrements requires participants in both arms');
  if (ips.baseline && control.baseline) return withBaseline(ips, control, replicates, rng);
  const cost = new Float64Array(replicates);
  const effect = new Float64Array(replicates);
  const ipsCost = ips.cost;
  const ipsEffect = ips.effect;
  const controlCost = control.cost;
  const controlEffect = control.effect;
  const sums = new Float64Array(2);
  for (let b = 0; b < replicates; b++) {
    rng.resampleSums(ipsCost, ipsEffect, sums);
    const sumCostIps = sums[0];
    const sumEffectIps = sums[1];
    rng.resampleSums(controlCost, controlEffect, sums);
    const sumCostControl = sums[0];
    const sumEffectControl = sums[1];
    cost[b] = sumCostIps / nIps - sumCostControl / nControl;
    effect[b] = sumEffectIps / nIps - sumEffectControl / nControl;
  }
  return { cost, effect };
}

function withBaseline(ips: ArmValues, control: ArmValues, replicates: number, rng: Rng): BootstrapReplicates {
  const cost = new Float64Array(replicates);
  const effect = new Float64Array(replicates);
  const effectAdjusted = new Float64Array(replicates);
  const arms = [ips, control];
  const state = new Int32Array(4);
  // per arm: Σcost, Σy, Σx, Σx², Σxy
  const sums = new Float64Array(10);
  rng.saveState(state);
  // the generator state in locals: the xoshiro128** step of xoshiro128.ts inlined (same stream, tested)
  let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
  for (let b = 0; b < replicates; b++) {
    for (let a = 0; a < 2; a++) {
      const { cost: c, effect: y, baseline } = arms[a];
      const x = baseline as Float64Array;
      const n = c.length;
      let sc = 0, sy = 0, sx = 0, sxx = 0, sxy = 0;
      for (let i = 0; i < n; i++) {
        const m = Math.imul(s1, 5);
        const output = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const k = Math.floor((output * n) / 4294967296);
        const xk = x[k];
        const yk = y[k];
        sc += c[k];
        sy += yk;
        sx += xk;
        sxx += xk * xk;
        sxy += xk * yk;
      }
      sums[a * 5] = sc; sums[a * 5 + 1] = sy; sums[a * 5 + 2] = sx; sums[a * 5 + 3] = sxx; sums[a * 5 + 4] = sxy;
    }
    const nI = ips.cost.length;
    const nC = control.cost.length;
    const meanYI = sums[1] / nI, meanYC = sums[6] / nC, meanXI = sums[2] / nI, meanXC = sums[7] / nC;
    const sxx = sums[3] - nI * meanXI * meanXI + (sums[8] - nC * meanXC * meanXC);
    const sxy = sums[4] - nI * meanXI * meanYI + (sums[9] - nC * meanXC * meanYC);
    cost[b] = sums[0] / nI - sums[5] / nC;
    effect[b] = meanYI - meanYC;
    effectAdjusted[b] = sxx > 1e-12 * (sums[3] + sums[8]) ? effect[b] - (sxy / sxx) * (meanXI - meanXC) : NaN;
  }
  state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
  rng.loadState(state);
  return { cost, effect, effectAdjusted };
}
