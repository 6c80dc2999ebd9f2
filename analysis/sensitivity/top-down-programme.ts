import type { TimelogRow, TrialDataset } from '../dataset/types';
import { HORIZON_END, YEAR_TWO_START } from '../outcomes/employment-days';

/** Average days per month (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;
/** The role under which the top-down programme cost enters the time logs. */
export const TOP_DOWN_ROLE = 'programme_place';

/**
 * The IPS programme costed top-down from its budget instead of bottom-up from
 * logged time: every time log of `programmeRole` is removed (both arms), and
 * each IPS participant is charged `placeMonthCost` per month in IPS. Months in
 * IPS run from randomization (day 0) to the end of the horizon (day 729) or
 * the withdrawal day if earlier, both included, divided by 365.25/12. The
 * charge enters as time logs of role `programme_place` (one on day 0 for the
 * year-1 days, one on day 365 for the year-2 days, minutes = days) priced at
 * `staff_hour:programme_place` = 60·placeMonthCost/30.4375, so the core's cost
 * function discounts year 2 exactly as any staff time. O(rows).
 *
 * @param dataset the analysis dataset
 * @param placeMonthCost programme cost per place and month (seed 000 §9: 4,184 SEK)
 * @param programmeRole the role of the programme staff (`ips_specialist`)
 * @example topDownProgramme(dataset, 4184, 'ips_specialist').timelogs
 */
export function topDownProgramme(dataset: TrialDataset, placeMonthCost: number, programmeRole: string): TrialDataset {
  if (!(placeMonthCost >= 0)) throw new Error('topDownProgramme requires a place-month cost ≥ 0');
  const charges: TimelogRow[] = [];
  for (const person of dataset.participants) {
    if (person.arm !== 'ips') continue;
    const lastDay = person.withdrawn_day === null ? HORIZON_END : Math.min(HORIZON_END, Math.max(0, person.withdrawn_day));
    const yearOneDays = Math.min(lastDay, YEAR_TWO_START - 1) + 1;
    const yearTwoDays = lastDay >= YEAR_TWO_START ? lastDay - YEAR_TWO_START + 1 : 0;
    charges.push({ pid: person.pid, day: 0, role: TOP_DOWN_ROLE, activity: 'programme_place', minutes: yearOneDays });
    if (yearTwoDays > 0) {
      charges.push({ pid: person.pid, day: YEAR_TWO_START, role: TOP_DOWN_ROLE, activity: 'programme_place', minutes: yearTwoDays });
    }
  }
  return {
    ...dataset,
    timelogs: [...dataset.timelogs.filter((log) => log.role !== programmeRole), ...charges],
    unitCosts: [
      ...dataset.unitCosts.filter((row) => row.item !== `staff_hour:${TOP_DOWN_ROLE}`),
      { item: `staff_hour:${TOP_DOWN_ROLE}`, unit_cost: (60 * placeMonthCost) / DAYS_PER_MONTH },
    ],
  };
}

/** Months in IPS of one participant (the quantity charged by topDownProgramme). */
export function monthsInIps(withdrawnDay: number | null): number {
  const lastDay = withdrawnDay === null ? HORIZON_END : Math.min(HORIZON_END, Math.max(0, withdrawnDay));
  return (lastDay + 1) / DAYS_PER_MONTH;
}
