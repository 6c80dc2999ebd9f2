/**
 * The date a questionnaire was answered, which dates it everywhere (the
 * schedule, CONSORT and `day` in assessments.csv) instead of the time it
 * reached the server.
 *
 * - Staff keying in a paper form (or an interview) must give `answered_on`,
 *   the date on the paper: a form keyed in weeks later keeps its real date.
 * - A tablet sends the date it completed the questionnaire (its own
 *   calendar date at the last change); the server takes it but never later
 *   than the study's today (a tablet clock running ahead is clamped), and
 *   takes today when a tablet sends none (an older page still queued).
 *
 * Either way the date is plausible (services/date-plausibility.ts): not in
 * the future, not before the referral, and at follow-up not before the
 * randomization; the refusal names `answered_on` and the limit.
 */
import type { Db } from '../db/connection';
import { findAllocation } from '../db/queries/allocations';
import type { ParticipantRow } from '../db/queries/participants';
import { problems } from '../errors';
import { isValidIsoDate, type IsoDate } from '../schedule/calendar';
import { plausibleAfter, refuseImplausible } from './date-plausibility';
import { studyToday } from './participant-access';

export type ResponseSource = 'staff' | 'tablet' | 'home';

/** The envelope check of `answered_on` (a message when wrong). */
export function answeredOnProblem(value: unknown): string | null {
  return typeof value === 'string' && isValidIsoDate(value) ? null : 'answered_on must be the date the participant answered (YYYY-MM-DD)';
}

/** The date the response was answered, checked (throws 400 naming answered_on). */
export function answeredOn(db: Db, participant: ParticipantRow, source: ResponseSource, timepoint: number, given: string | undefined, clock: Date): IsoDate {
  const today = studyToday(db, clock);
  let date: IsoDate;
  if (source === 'staff') {
    if (given === undefined) throw problems.invalidBody([{ field: 'answered_on', message: 'answered_on is required when staff enter a questionnaire: the date the participant answered it (YYYY-MM-DD)' }]);
    date = given;
  } else {
    date = given === undefined || given > today ? today : given;
  }
  const allocation = timepoint === 0 ? undefined : findAllocation(db, participant.id);
  const follows = allocation
    ? { limit: allocation.randomized_on, code: 'before_randomization' as const, event: 'randomization' }
    : { limit: participant.referral_date, code: 'before_referral' as const, event: 'referral' };
  refuseImplausible(plausibleAfter('answered_on', date, clock, follows));
  return date;
}
