/**
 * Simulation of the allocation algorithm on synthetic arrivals, for the
 * protocol and the statistical analysis plan. Arrivals are spread over the
 * strata by a keyed stream of the same seed ("arrivals|<n>"), then allocated
 * with permuted blocks or minimisation exactly as the server does.
 */
import { type Arm, type ArmCounts, emptyCounts, imbalance } from './arms';
import { BlockAllocator, DEFAULT_BLOCK_SIZES } from './permuted-blocks';
import { addToMarginals, DEFAULT_MINIMISATION_PROBABILITY, type MarginalCounts, minimisationAllocation } from './minimisation';
import { KeyedStream } from './keyed-stream';

export type RandomizationMethod = 'blocks' | 'minimisation';

export interface SimulationOptions {
  participants: number;
  strata: number;
  seed: Buffer;
  method: RandomizationMethod;
  blockSizes?: readonly number[];
  minimisationProbability?: number;
}

export interface SimulationResult {
  overall: ArmCounts;
  strata: { stratum: string; ips: number; control: number }[];
  /** Largest |ips − control| seen in any stratum at any point of the run. */
  maxStratumImbalance: number;
}

export function stratumLabel(index: number, total: number): string {
  const width = Math.max(2, String(total).length);
  return `S${String(index + 1).padStart(width, '0')}`;
}

export function simulateRandomization(options: SimulationOptions): SimulationResult {
  const { participants, strata, seed, method } = options;
  if (!Number.isInteger(participants) || participants < 1) throw new Error('participants must be a positive integer');
  if (!Number.isInteger(strata) || strata < 1) throw new Error('strata must be a positive integer');
  const labels = Array.from({ length: strata }, (_, i) => stratumLabel(i, strata));
  const counts = new Map<string, ArmCounts>(labels.map((label) => [label, emptyCounts()]));
  const overall = emptyCounts();
  const blocks = new BlockAllocator(seed, options.blockSizes ?? DEFAULT_BLOCK_SIZES);
  const marginals: MarginalCounts = new Map();
  let maxStratumImbalance = 0;
  for (let n = 0; n < participants; n++) {
    const stratum = labels[new KeyedStream(seed, `arrivals|${n}`).nextInt(strata)];
    let arm: Arm;
    if (method === 'blocks') {
      arm = blocks.next(stratum);
    } else {
      const levels = { site: stratum };
      arm = minimisationAllocation(seed, n, marginals, levels, options.minimisationProbability ?? DEFAULT_MINIMISATION_PROBABILITY);
      addToMarginals(marginals, levels, arm);
    }
    const stratumCounts = counts.get(stratum)!;
    stratumCounts[arm] += 1;
    overall[arm] += 1;
    maxStratumImbalance = Math.max(maxStratumImbalance, imbalance(stratumCounts));
  }
  return {
    overall,
    strata: labels.map((stratum) => ({ stratum, ...counts.get(stratum)! })),
    maxStratumImbalance,
  };
}
