/**
 * Quality-adjusted life years over 24 months by the area under the utility
 * curve (trapezoids at nominal times 0, 0.5, 1, 1.5 and 2 years), year 2
 * discounted by d = 1 / (1 + r) (ANALYSIS-DATASET.md, "QALYs"):
 * 0.25·u0 + 0.5·u6 + 0.25·u12 + d·(0.25·u12 + 0.5·u18 + 0.25·u24).
 * Reference: Manca, Hawkins, Sculpher, Health Econ 2005;14:487.
 *
 * @param utilities [u0, u6, u12, u18, u24], unitless index values
 * @param discountRate annual rate r applied to year 2 (e.g. 0.03)
 * @returns QALYs, or null when any utility is missing
 * @throws {Error} when utilities does not have five entries or the rate is not > −1
 * @example qalys([1, 1, 1, 1, 1], 0) // 2
 */
export function qalys(utilities: readonly (number | null)[], discountRate: number): number | null {
  if (utilities.length !== 5) throw new Error('qalys requires five utilities (timepoints 0, 6, 12, 18, 24)');
  if (!(discountRate > -1)) throw new Error('qalys requires a discount rate greater than -1');
  if (utilities.some((value) => value === null)) return null;
  const [u0, u6, u12, u18, u24] = utilities as number[];
  const d = 1 / (1 + discountRate);
  return 0.25 * u0 + 0.5 * u6 + 0.25 * u12 + d * (0.25 * u12 + 0.5 * u18 + 0.25 * u24);
}
