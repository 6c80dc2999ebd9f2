/** Evenly spaced steps of the fine willingness-to-pay grid (101 values with 0 and the largest WTP). */
export const WTP_GRID_STEPS = 100;

/**
 * The willingness-to-pay values of the smooth CEAC, CEAF and EVPI curves:
 * 0, 1/100, 2/100, …, 100/100 of the largest configured WTP, merged with the
 * configured WTPs themselves (so every configured λ is on the curve), sorted
 * and without duplicates; at least 101 values (ANALYSIS-DATASET.md,
 * "ceacCurve"). When every configured WTP is 0, the grid runs from 0 to 1.
 *
 * @param configured the WTPs of the settings (currency per unit of effect, ≥ 0)
 * @returns ascending λ values from 0 to max(configured)
 * @throws {Error} when no WTP is given or one is negative or not finite
 * @example wtpGrid([0, 250, 1000]).length // 101 (250 is already a grid step of 10)
 */
export function wtpGrid(configured: readonly number[]): number[] {
  if (configured.length === 0) throw new Error('wtpGrid requires at least one willingness to pay');
  if (!configured.every((wtp) => Number.isFinite(wtp) && wtp >= 0)) throw new Error('wtpGrid requires finite willingness-to-pay values ≥ 0');
  const largest = Math.max(...configured);
  const upper = largest > 0 ? largest : 1;
  const grid = Array.from({ length: WTP_GRID_STEPS + 1 }, (_, i) => (i === WTP_GRID_STEPS ? upper : (upper * i) / WTP_GRID_STEPS));
  return [...new Set([...grid, ...configured])].sort((x, y) => x - y);
}
