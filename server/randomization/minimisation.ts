/**
 * Pocock–Simon minimisation with a random element.
 *
 * For the new participant's level of each factor (site, and optionally sex
 * and age band) the total imbalance |ips − control| that would result from
 * each arm is summed over the factors (the "range" measure, which for two
 * arms equals the variance-free sum of absolute differences). The arm giving
 * the smaller total is chosen with probability `p` (default 0.8), the other
 * with 1 − p; ties are broken 50:50. The random draw comes from the keyed
 * stream "minimisation|<n>" (n = number of earlier allocations in the
 * trial), so the sequence is reproducible with the sealed seed and
 * unpredictable without it.
 *
 * Pocock SJ, Simon R. Sequential treatment assignment with balancing for
 * prognostic factors in the controlled clinical trial. Biometrics
 * 1975;31:103–115.
 */
import type { Arm, ArmCounts } from './arms';
import { KeyedStream } from './keyed-stream';

export type FactorLevels = Readonly<Record<string, string>>;

/** Marginal counts per "factor=level" key. */
export type MarginalCounts = Map<string, ArmCounts>;

export const DEFAULT_MINIMISATION_PROBABILITY = 0.8;

export function marginalKey(factor: string, level: string): string {
  return `${factor}=${level}`;
}

/** Total imbalance over the participant's factor levels if assigned `arm`. */
export function imbalanceIfAssigned(counts: MarginalCounts, levels: FactorLevels, arm: Arm): number {
  let total = 0;
  for (const [factor, level] of Object.entries(levels)) {
    const current = counts.get(marginalKey(factor, level)) ?? { ips: 0, control: 0 };
    const ips = current.ips + (arm === 'ips' ? 1 : 0);
    const control = current.control + (arm === 'control' ? 1 : 0);
    total += Math.abs(ips - control);
  }
  return total;
}

export function minimisationAllocation(
  seed: Buffer,
  drawIndex: number,
  counts: MarginalCounts,
  levels: FactorLevels,
  probability = DEFAULT_MINIMISATION_PROBABILITY,
): Arm {
  if (!(probability >= 0.5 && probability <= 1)) throw new Error('minimisation probability must be between 0.5 and 1');
  const stream = new KeyedStream(seed, `minimisation|${drawIndex}`);
  const ifIps = imbalanceIfAssigned(counts, levels, 'ips');
  const ifControl = imbalanceIfAssigned(counts, levels, 'control');
  const draw = stream.nextUnit();
  if (ifIps === ifControl) return draw < 0.5 ? 'ips' : 'control';
  const preferred: Arm = ifIps < ifControl ? 'ips' : 'control';
  const other: Arm = preferred === 'ips' ? 'control' : 'ips';
  return draw < probability ? preferred : other;
}

/** Adds one allocation to the marginal counts (mutates `counts`). */
export function addToMarginals(counts: MarginalCounts, levels: FactorLevels, arm: Arm): void {
  for (const [factor, level] of Object.entries(levels)) {
    const key = marginalKey(factor, level);
    const current = counts.get(key) ?? { ips: 0, control: 0 };
    current[arm] += 1;
    counts.set(key, current);
  }
}
