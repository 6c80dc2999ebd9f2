/**
 * Replays stored allocations from the sealed seed: every block allocation is
 * recomputed from (stratum, position), every minimisation draw from the
 * earlier allocations in trial order. A mismatch means the seed is not the
 * one used, the settings changed, or a row was altered.
 */
import type { Arm } from './arms';
import { addToMarginals, minimisationAllocation, type MarginalCounts } from './minimisation';
import { blockAllocationAt } from './permuted-blocks';

export interface StoredAllocation {
  label: string;
  arm: Arm;
  method: 'blocks' | 'minimisation';
  stratum: string;
  stratumPosition: number;
  drawIndex: number;
  factorLevels: Record<string, string>;
}

export interface ReplaySettings {
  blockSizes: readonly number[];
  minimisationProbability: number;
}

export interface ReplayResult {
  checked: number;
  mismatches: { label: string; stored: Arm; expected: Arm }[];
}

/** `allocations` must be in trial order (draw index ascending). */
export function replayAllocations(seed: Buffer, allocations: readonly StoredAllocation[], settings: ReplaySettings): ReplayResult {
  const marginals: MarginalCounts = new Map();
  const mismatches: ReplayResult['mismatches'] = [];
  for (const row of allocations) {
    const expected =
      row.method === 'blocks'
        ? blockAllocationAt(seed, row.stratum, row.stratumPosition, settings.blockSizes)
        : minimisationAllocation(seed, row.drawIndex, marginals, row.factorLevels, settings.minimisationProbability);
    if (row.method === 'minimisation') addToMarginals(marginals, row.factorLevels, row.arm);
    if (expected !== row.arm) mismatches.push({ label: row.label, stored: row.arm, expected });
  }
  return { checked: allocations.length, mismatches };
}
