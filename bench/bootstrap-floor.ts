/**
 * The floor for the bootstrap stage: the least work a stratified bootstrap of
 * two means can do — a plain typed-array loop that, per replicate, draws n
 * indices per arm from an inline xoshiro128** generator and sums cost and
 * effect — and the same work done by the analysis's `bootstrapIncrements`,
 * on the same arrays, in the same run. Best of several runs after a warm-up.
 */
import { bootstrapIncrements, type ArmValues } from '../analysis/stats/bootstrap-increments';
import { xoshiro128 } from '../analysis/stats/xoshiro128';

/** Synthetic arm values (deterministic; the values do not change the timing). */
export function syntheticArm(n: number, offset: number, withBaseline = false): ArmValues {
  const cost = new Float64Array(n);
  const effect = new Float64Array(n);
  const baseline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cost[i] = 100000 + ((i * 7919 + offset) % 50000);
    effect[i] = 1.4 + ((i * 104729 + offset) % 1000) / 5000;
    baseline[i] = 0.6 + ((i * 1299709 + offset) % 1000) / 3000;
  }
  return withBaseline ? { cost, effect, baseline } : { cost, effect };
}

/** mean(ips) − mean(control) of cost and effect over `replicates` stratified resamples: the plainest loop there is. */
export function floorBootstrap(ips: ArmValues, control: ArmValues, replicates: number, seed: number): { cost: Float64Array; effect: Float64Array } {
  let s0 = (seed ^ 0x9e3779b9) | 0 || 1;
  let s1 = 0x243f6a88;
  let s2 = 0x85a308d3;
  let s3 = 0x13198a2e;
  const deltaCost = new Float64Array(replicates);
  const deltaEffect = new Float64Array(replicates);
  const arms = [ips, control];
  const sums = new Float64Array(4);
  for (let r = 0; r < replicates; r++) {
    for (let a = 0; a < 2; a++) {
      const { cost, effect } = arms[a];
      const n = cost.length;
      let sumCost = 0;
      let sumEffect = 0;
      for (let i = 0; i < n; i++) {
        const x = Math.imul(s1, 5);
        const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const j = Math.floor((result / 4294967296) * n);
        sumCost += cost[j];
        sumEffect += effect[j];
      }
      sums[a * 2] = sumCost / n;
      sums[a * 2 + 1] = sumEffect / n;
    }
    deltaCost[r] = sums[0] - sums[2];
    deltaEffect[r] = sums[1] - sums[3];
  }
  return { cost: deltaCost, effect: deltaEffect };
}

function bestOf(runs: number, work: () => void): number {
  work(); // warm-up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best / 1000;
}

export interface FloorComparison {
  participants: number;
  replicates: number;
  floorSeconds: number;
  bootstrapSeconds: number;
  bootstrapAdjustedSeconds: number;
}

/** Times the floor and bootstrapIncrements (without and with the baseline-adjusted ΔE) on n participants split evenly. */
export function compareWithFloor(participants: number, replicates: number): FloorComparison {
  const half = Math.floor(participants / 2);
  const ips = syntheticArm(half, 1);
  const control = syntheticArm(participants - half, 2);
  const ipsB = syntheticArm(half, 1, true);
  const controlB = syntheticArm(participants - half, 2, true);
  let sink = 0;
  const floorSeconds = bestOf(3, () => {
    sink += floorBootstrap(ips, control, replicates, 1).cost[0];
  });
  const bootstrapSeconds = bestOf(3, () => {
    sink += bootstrapIncrements(ips, control, replicates, xoshiro128(1)).cost[0];
  });
  const bootstrapAdjustedSeconds = bestOf(3, () => {
    sink += bootstrapIncrements(ipsB, controlB, replicates, xoshiro128(1)).cost[0];
  });
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { participants, replicates, floorSeconds, bootstrapSeconds, bootstrapAdjustedSeconds };
}
