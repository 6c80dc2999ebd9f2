/**
 * Tidy rows for the cost breakdown: mean cost per analysed participant by arm
 * and category, with readable category names.
 */
import type { CostBreakdownRow } from '../result';
import { ARM_LABELS } from './chart-style';

export interface CostBreakdownChartRow {
  arm: string;
  category: string;
  meanCost: number;
}

const KNOWN_CATEGORIES: Readonly<Record<string, string>> = {
  psychiatrist_visit: 'Psychiatrist visits',
  nurse_visit: 'Nurse visits',
  psychologist_visit: 'Psychologist visits',
  gp_visit: 'GP visits',
  emergency_visit: 'Emergency visits',
  social_worker_visit: 'Social worker visits',
  inpatient_day: 'Inpatient days',
  ips_specialist: 'IPS specialist time',
  municipal_coach: 'Municipal coach time',
};

/**
 * Readable name of a cost category: known service items and staff roles by
 * name, anything else with underscores as spaces ("staff_hour:job_coach" →
 * "Staff time: job coach").
 */
export function costCategoryLabel(category: string): string {
  const key = category.replace(/^(staff_hour|staff|service):/, '');
  if (KNOWN_CATEGORIES[key]) return KNOWN_CATEGORIES[key];
  const words = key.replace(/[_:]+/g, ' ').trim();
  const prefix = /^staff(_hour)?:/.test(category) ? 'Staff time: ' : '';
  return prefix ? prefix + words : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Cost-breakdown rows, IPS first, largest categories first. */
export function prepCostBreakdown(rows: readonly CostBreakdownRow[]): CostBreakdownChartRow[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.category, (totals.get(row.category) ?? 0) + row.meanCost);
  return rows
    .map((row) => ({ arm: ARM_LABELS[row.arm], category: costCategoryLabel(row.category), meanCost: row.meanCost, total: totals.get(row.category) ?? 0 }))
    .sort((a, b) => (a.arm === b.arm ? b.total - a.total : a.arm === ARM_LABELS.ips ? -1 : 1))
    .map(({ arm, category, meanCost }) => ({ arm, category, meanCost }));
}
