/**
 * Tidy rows for the two charts over follow-up time: mean utility by arm and
 * timepoint with its interval (arms nudged a little apart on the month axis so
 * the intervals do not hide each other), and the cumulative proportion ever in
 * competitive employment by arm over days.
 */
import type { EmploymentOverTime, UtilityOverTime } from '../result';
import { ARM_LABELS } from './chart-style';

export interface UtilityRow {
  arm: string;
  timepoint: number;
  /** months on the x axis, nudged by ±0.2 per arm */
  month: number;
  mean: number;
  lower: number | null;
  upper: number | null;
  n: number;
}

export interface EmploymentRow {
  arm: string;
  day: number;
  proportion: number;
}

/** Utility rows with a mean (timepoints without one are left out), IPS first, by timepoint. */
export function prepUtilities(rows: readonly UtilityOverTime[]): UtilityRow[] {
  return rows
    .filter((row): row is UtilityOverTime & { mean: number } => row.mean !== null)
    .map((row) => ({
      arm: ARM_LABELS[row.arm],
      timepoint: row.timepoint,
      month: row.timepoint + (row.arm === 'ips' ? -0.2 : 0.2),
      mean: row.mean,
      lower: row.ci95?.[0] ?? null,
      upper: row.ci95?.[1] ?? null,
      n: row.n,
    }))
    .sort((a, b) => (a.arm === b.arm ? a.timepoint - b.timepoint : a.arm === ARM_LABELS.ips ? -1 : 1));
}

/**
 * Employment step rows by arm and day. Each arm starts at day 0 (with the
 * proportion at day 0, or 0 when the result has no row there).
 */
export function prepEmployment(rows: readonly EmploymentOverTime[]): EmploymentRow[] {
  const result: EmploymentRow[] = [];
  for (const arm of ['ips', 'control'] as const) {
    const armRows = rows.filter((row) => row.arm === arm).sort((a, b) => a.day - b.day);
    if (armRows.length === 0) continue;
    if (armRows[0].day > 0) result.push({ arm: ARM_LABELS[arm], day: 0, proportion: 0 });
    for (const row of armRows) result.push({ arm: ARM_LABELS[arm], day: row.day, proportion: row.proportion });
  }
  return result;
}
