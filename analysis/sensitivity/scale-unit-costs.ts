import type { TrialDataset } from '../dataset/types';

/**
 * The dataset with every unit cost (service-use items and `staff_hour:<role>`)
 * multiplied by `factor` (e.g. 0.8 or 1.2): every cost, and so every mean cost
 * and Δcost, scales by exactly that factor. O(items).
 *
 * @throws when factor is negative or not finite
 * @example scaleUnitCosts(dataset, 1.2).unitCosts
 */
export function scaleUnitCosts(dataset: TrialDataset, factor: number): TrialDataset {
  if (!(factor >= 0) || !Number.isFinite(factor)) throw new Error('scaleUnitCosts requires a finite factor ≥ 0');
  return { ...dataset, unitCosts: dataset.unitCosts.map((row) => ({ ...row, unit_cost: row.unit_cost * factor })) };
}
