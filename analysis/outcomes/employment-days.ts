import type { EmploymentRow } from '../dataset/types';

/** Last day of the 24-month horizon (days 0–729). */
export const HORIZON_END = 729;
/** First day of year 2. */
export const YEAR_TWO_START = 365;

export interface EmploymentDays {
  /** days in competitive employment in days 0–364 */
  yearOne: number;
  /** days in competitive employment in days 365–729 (undiscounted) */
  yearTwo: number;
  /** yearOne + d·yearTwo, d = 1 / (1 + r) */
  discounted: number;
  /** first day in competitive employment within the horizon, or null */
  firstDay: number | null;
}

/**
 * Days in competitive employment over the horizon (ANALYSIS-DATASET.md,
 * "Employment days"): the union of the participant's `competitive` episodes,
 * both start and end day included, overlapping episodes counted once; an
 * ongoing episode (no end day) runs to day 729; days before 0, after 729 or
 * after `withdrawn_day` do not count; year-2 days are discounted by
 * d = 1 / (1 + r). O(k log k) for k episodes.
 *
 * @param episodes the participant's employment rows (other types are ignored)
 * @param withdrawnDay day consent was withdrawn, or null
 * @param discountRate annual rate r applied to year 2
 * @returns days per year, discounted total (days) and the first employed day
 * @throws {Error} when the discount rate is not > −1
 * @example employmentDays([{ pid: 'p', type: 'competitive', start_day: 360, end_day: 369, hours_per_week: 20 }], null, 0)
 *   // { yearOne: 5, yearTwo: 5, discounted: 10, firstDay: 360 }
 */
export function employmentDays(
  episodes: readonly EmploymentRow[],
  withdrawnDay: number | null,
  discountRate: number,
): EmploymentDays {
  if (!(discountRate > -1)) throw new Error('employmentDays requires a discount rate greater than -1');
  const lastDay = withdrawnDay === null ? HORIZON_END : Math.min(HORIZON_END, withdrawnDay);
  const spans = episodes
    .filter((episode) => episode.type === 'competitive')
    .map((episode) => [Math.max(0, episode.start_day), Math.min(lastDay, episode.end_day ?? HORIZON_END)] as const)
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0] - b[0]);
  let yearOne = 0;
  let yearTwo = 0;
  let coveredUntil = -1; // last day already counted
  for (const [start, end] of spans) {
    const from = Math.max(start, coveredUntil + 1);
    if (from > end) continue;
    yearOne += Math.max(0, Math.min(end, YEAR_TWO_START - 1) - from + 1);
    yearTwo += Math.max(0, end - Math.max(from, YEAR_TWO_START) + 1);
    coveredUntil = end;
  }
  const d = 1 / (1 + discountRate);
  return { yearOne, yearTwo, discounted: yearOne + d * yearTwo, firstDay: spans.length > 0 ? spans[0][0] : null };
}
