/**
 * Plausible dates: the one place that decides whether a date a user enters
 * could be true. Every service that stores a date asks these pure checks
 * (the clock is passed in, never read here) and refuses the request with
 * 400 `implausible_date` when any of them fails; each refused field is named
 * with the limit it broke and a code, e.g.
 * `{ field: "consent.consent_date", limit: "2026-03-01", code: "before_referral", message }`.
 *
 * The rules:
 * - no date after today, where today is taken generously: the UTC date of
 *   now + 14 hours, so a user in any time zone (UTC+14 at most) can enter
 *   their own today (`in_future`);
 * - no date before 1900-01-01 (`before_floor`), so typing slips such as
 *   0026-03-01 are caught (9999-12-31 is caught as `in_future`);
 * - no date before the event it follows: screening, consent, time logs,
 *   episodes and statuses of a participant not before the referral
 *   (`before_referral`), a withdrawal not before the randomization
 *   (`before_randomization`), an episode's end not before its start
 *   (`before_start`), a questionnaire not before its window opens; a
 *   fidelity review's planned next review after it and within 24 months
 *   (`before_review`, `too_far_ahead`);
 * - birth years of working age: the participant is 15–70 years old in the
 *   year of the baseline questionnaire (`outside_working_age`), and never
 *   born before 1900.
 */
import type { IsoDate } from '../schedule/calendar';
import { problems, type FieldProblem } from '../errors';
import { WORKING_AGE, workingAgeBirthYears } from '../../data-dictionary/working-age';

/** The largest time-zone offset in use (UTC+14, Kiribati): a date up to this far ahead of UTC is someone's today. */
export const TIME_ZONE_ALLOWANCE_HOURS = 14;
export const EARLIEST_DATE: IsoDate = '1900-01-01';
export { WORKING_AGE };

export type DateProblemCode =
  | 'in_future' | 'before_floor' | 'before_referral' | 'before_randomization' | 'before_start' | 'before_review'
  | 'after_screening' | 'after_consent' | 'after_end' | 'too_far_ahead' | 'outside_working_age' | 'outside_window';

export interface DateProblem extends FieldProblem {
  limit: string;
  code: DateProblemCode;
}

/** The latest date anyone on Earth can call today at `now`. */
export function latestPlausibleDate(now: Date): IsoDate {
  return new Date(now.getTime() + TIME_ZONE_ALLOWANCE_HOURS * 3_600_000).toISOString().slice(0, 10);
}

const problem = (field: string, limit: string, code: DateProblemCode, message: string): DateProblem => ({ field, limit, code, message });

/** `date` is not after today (in any time zone) and not before 1900. */
export function notInFuture(field: string, date: IsoDate, now: Date): DateProblem | null {
  const latest = latestPlausibleDate(now);
  if (date > latest) return problem(field, latest, 'in_future', `${field} ${date} is in the future (latest possible today is ${latest})`);
  if (date < EARLIEST_DATE) return problem(field, EARLIEST_DATE, 'before_floor', `${field} ${date} is before ${EARLIEST_DATE}`);
  return null;
}

/** `date` is not before `limit`, the date of the event it follows (`code` names that event). */
export function notBefore(field: string, date: IsoDate, limit: IsoDate | null | undefined, code: DateProblemCode, event: string): DateProblem | null {
  if (limit === null || limit === undefined || date >= limit) return null;
  return problem(field, limit, code, `${field} ${date} is before the ${event} (${limit})`);
}

/** `date` is not after `limit`, the date of an event that follows it (e.g. a referral date moved past the screening). */
export function notAfter(field: string, date: IsoDate, limit: IsoDate | null | undefined, code: DateProblemCode, event: string): DateProblem | null {
  if (limit === null || limit === undefined || date <= limit) return null;
  return problem(field, limit, code, `${field} ${date} is after the ${event} (${limit})`);
}

/** A date that must be plausible and not before the event it follows. */
export function plausibleAfter(field: string, date: IsoDate, now: Date, follows?: { limit: IsoDate | null | undefined; code: DateProblemCode; event: string }): DateProblem | null {
  return notInFuture(field, date, now) ?? (follows ? notBefore(field, date, follows.limit, follows.code, follows.event) : null);
}

/** A birth year of someone of working age in the year of `onDate` (the baseline questionnaire). */
export function workingAgeBirthYear(field: string, birthYear: number, onDate: IsoDate): DateProblem | null {
  const year = Number(onDate.slice(0, 4));
  const { earliest, latest } = workingAgeBirthYears(year);
  if (birthYear < earliest) return problem(field, String(earliest), 'outside_working_age', `${field} ${birthYear} is before ${earliest}: older than ${WORKING_AGE.oldest} in ${year}, not of working age`);
  if (birthYear > latest) return problem(field, String(latest), 'outside_working_age', `${field} ${birthYear} is after ${latest}: younger than ${WORKING_AGE.youngest} in ${year}, not of working age`);
  return null;
}

/** Throws 400 implausible_date naming every failed check; does nothing when all passed. */
export function refuseImplausible(...checks: (DateProblem | null)[]): void {
  const failed = checks.filter((c): c is DateProblem => c !== null);
  if (failed.length) throw problems.implausibleDate(failed);
}
