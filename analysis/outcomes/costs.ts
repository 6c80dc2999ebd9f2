import type { ServiceUseRow, TimelogRow } from '../dataset/types';
import { HORIZON_END, YEAR_TWO_START } from './employment-days';

/** The service-use periods that are trial costs (timepoint 0 is a baseline covariate). */
export const COST_TIMEPOINTS = [6, 12, 18, 24] as const;

export interface ParticipantCosts {
  /** service-use cost reported at 6, 12, 18, 24 (undiscounted, currency of settings) */
  serviceUseByPeriod: [number, number, number, number];
  /** service-use cost of the 6 months before baseline (timepoint 0): a covariate, not a trial cost */
  baselineServiceUse: number;
  /** staff time cost, days 0–364 and 365–729 (undiscounted) */
  staffYearOne: number;
  staffYearTwo: number;
  /** the trial cost: year 1 + d·year 2 */
  total: number;
  /** discounted cost by category: service-use item key or `staff_hour:<role>` */
  byCategory: Map<string, number>;
}

/**
 * Costs per participant over the 24-month horizon (ANALYSIS-DATASET.md,
 * "Costs"): service use = quantity × unit cost, reported at timepoints 6 and
 * 12 as year 1 and at 18 and 24 as year 2 (× d, d = 1 / (1 + r)); staff time =
 * minutes / 60 × `staff_hour:<role>`, by the day of the log, days 365–729 × d;
 * logs outside days 0–729 are ignored. Timepoint-0 service use is returned as
 * a baseline covariate and is not part of the total. O(rows).
 *
 * @param serviceUse the participant's service-use rows
 * @param timelogs the participant's staff time logs
 * @param unitCosts item → cost per unit (staff: `staff_hour:<role>` → cost per hour)
 * @param discountRate annual rate r applied to year 2
 * @returns costs in the currency and price year of the settings
 * @throws {Error} when an item or role has no unit cost (validation reports these first)
 * @example participantCosts([{ pid: 'p', timepoint: 18, item: 'gp_visit', quantity: 2 }], [], new Map([['gp_visit', 100]]), 0.03).total // 200 / 1.03
 */
export function participantCosts(
  serviceUse: readonly ServiceUseRow[],
  timelogs: readonly TimelogRow[],
  unitCosts: ReadonlyMap<string, number>,
  discountRate: number,
): ParticipantCosts {
  if (!(discountRate > -1)) throw new Error('participantCosts requires a discount rate greater than -1');
  const d = 1 / (1 + discountRate);
  const serviceUseByPeriod: [number, number, number, number] = [0, 0, 0, 0];
  const byCategory = new Map<string, number>();
  const addCategory = (category: string, cost: number) => byCategory.set(category, (byCategory.get(category) ?? 0) + cost);
  let baselineServiceUse = 0;
  for (const row of serviceUse) {
    const cost = row.quantity * priceOf(unitCosts, row.item);
    if (row.timepoint === 0) {
      baselineServiceUse += cost;
      continue;
    }
    serviceUseByPeriod[COST_TIMEPOINTS.indexOf(row.timepoint)] += cost;
    addCategory(row.item, row.timepoint >= 18 ? d * cost : cost);
  }
  let staffYearOne = 0;
  let staffYearTwo = 0;
  const staffItems = new Map<string, string>(); // role → its unit-cost item, built once per role
  for (const log of timelogs) {
    if (log.day < 0 || log.day > HORIZON_END) continue;
    let item = staffItems.get(log.role);
    if (item === undefined) {
      item = `staff_hour:${log.role}`;
      staffItems.set(log.role, item);
    }
    const cost = (log.minutes / 60) * priceOf(unitCosts, item);
    if (log.day >= YEAR_TWO_START) {
      staffYearTwo += cost;
      addCategory(item, d * cost);
    } else {
      staffYearOne += cost;
      addCategory(item, cost);
    }
  }
  const [c6, c12, c18, c24] = serviceUseByPeriod;
  const total = c6 + c12 + staffYearOne + d * (c18 + c24 + staffYearTwo);
  return { serviceUseByPeriod, baselineServiceUse, staffYearOne, staffYearTwo, total, byCategory };
}

function priceOf(unitCosts: ReadonlyMap<string, number>, item: string): number {
  const price = unitCosts.get(item);
  if (price === undefined) throw new Error(`participantCosts: no unit cost for "${item}"`);
  return price;
}
