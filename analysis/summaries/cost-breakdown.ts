import { ARMS } from '../dataset/types';
import type { ParticipantRecord } from '../participant-table';
import type { CostBreakdownRow } from '../result';

/**
 * Mean discounted cost per participant by arm and category, over the
 * cost-complete set (the cost-per-employment-day analysed set). Categories
 * are the unit-cost items: each service-use item (e.g. `inpatient_day`) and
 * each staff role as `staff_hour:<role>`; the categories of an arm sum to its
 * mean cost.
 *
 * @param records the cost-complete participants
 * @returns rows { arm, category, meanCost }, categories sorted by name
 * @example costBreakdown(sets.employment)
 */
export function costBreakdown(records: readonly ParticipantRecord[]): CostBreakdownRow[] {
  const categories = [...new Set(records.flatMap((record) => [...record.costByCategory.keys()]))].sort();
  return ARMS.flatMap((arm) => {
    const armRecords = records.filter((record) => record.arm === arm);
    return categories.map((category) => ({
      arm,
      category,
      meanCost: armRecords.length === 0 ? 0 : armRecords.reduce((total, record) => total + (record.costByCategory.get(category) ?? 0), 0) / armRecords.length,
    }));
  });
}
