/**
 * Follow-up questionnaires belong in their timepoint's window (the
 * assessment's window_start … window_end, made at randomization by
 * server/schedule; default 14 days before to 28 days after the target). An
 * answer dated outside it is refused with 400 `outside_window`, naming the
 * window, unless staff give `out_of_window_reason` (1–500 characters): then
 * it is stored with the response, written to the audit trail and exported as
 * the flag `out_of_window` in assessments.csv. A tablet cannot give a reason
 * (it offers only the open timepoint). Baseline (timepoint 0) is answered
 * before randomization and has no window.
 */
import type { Db } from '../db/connection';
import { findAssessmentWindow } from '../db/queries/assessments';
import type { ParticipantRow } from '../db/queries/participants';
import { problems } from '../errors';
import type { IsoDate } from '../schedule/calendar';
import type { ResponseSource } from './answer-date';

/** The envelope check of `out_of_window_reason` (a message when wrong). */
export function outOfWindowReasonProblem(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 500 ? null : 'out_of_window_reason must be text of 1 to 500 characters';
}

/**
 * The reason to store with the response: null for an answer inside its
 * window (a reason given then is not needed and not stored), the staff's
 * reason for one outside it; throws 400 when outside without a reason.
 */
export function outOfWindowReason(db: Db, participant: ParticipantRow, source: ResponseSource, timepoint: number, answeredOn: IsoDate, reason: string | undefined): string | null {
  if (timepoint === 0) return null;
  const window = findAssessmentWindow(db, participant.id, timepoint);
  if (!window || (answeredOn >= window.window_start && answeredOn <= window.window_end)) return null;
  if (reason !== undefined && source !== 'staff') {
    throw problems.invalidBody([{ field: 'out_of_window_reason', message: 'only staff can accept an answer outside its window' }]);
  }
  if (reason !== undefined) return reason.trim();
  const before = answeredOn < window.window_start;
  const message = `answered_on ${answeredOn} is outside the ${timepoint}-month window, which opens ${window.window_start} and closes ${window.window_end}; staff may accept it with out_of_window_reason`;
  throw problems.outsideWindow({ field: 'answered_on', message, code: 'outside_window', limit: before ? window.window_start : window.window_end, opens: window.window_start, closes: window.window_end });
}
