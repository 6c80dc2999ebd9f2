/** Queries on `assessments` (the schedule; states are computed, not stored). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface AssessmentRow {
  id: number;
  participant_id: number;
  study_id: string;
  site_id: number;
  coach_id: number | null;
  timepoint: number;
  target_date: string;
  window_start: string;
  window_end: string;
  withdrawal_date: string | null;
  /** number of distinct forms with a complete response at this timepoint */
  complete_forms: number;
}

const SELECT = `SELECT a.id, a.participant_id, p.study_id, p.site_id, p.coach_id, a.timepoint, a.target_date, a.window_start, a.window_end,
  w.withdrawal_date,
  (SELECT COUNT(DISTINCT r.form) FROM responses r WHERE r.participant_id = a.participant_id AND r.timepoint = a.timepoint AND r.complete = 1 AND r.form IN (SELECT value FROM json_each(?))) AS complete_forms
  FROM assessments a JOIN participants p ON p.id = a.participant_id LEFT JOIN withdrawals w ON w.participant_id = a.participant_id`;

/** `requiredForms` is a JSON array of the form names that make a timepoint complete. */
export function listAssessmentsOf(db: Db, participantId: number, requiredFormsJson: string): AssessmentRow[] {
  return statement(db, `${SELECT} WHERE a.participant_id = ? ORDER BY a.timepoint`).all(requiredFormsJson, participantId) as AssessmentRow[];
}

export function listAllAssessments(db: Db, requiredFormsJson: string): AssessmentRow[] {
  return statement(db, `${SELECT} ORDER BY a.target_date, p.study_id`).all(requiredFormsJson) as AssessmentRow[];
}

export function insertAssessment(db: Db, row: { participantId: number; timepoint: number; targetDate: string; windowStart: string; windowEnd: string }, now: string): void {
  statement(db, 'INSERT INTO assessments (participant_id, timepoint, target_date, window_start, window_end, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.participantId,
    row.timepoint,
    row.targetDate,
    row.windowStart,
    row.windowEnd,
    now,
  );
}

/** The window of one participant's timepoint (none before randomization). */
export function findAssessmentWindow(db: Db, participantId: number, timepoint: number): { target_date: string; window_start: string; window_end: string } | undefined {
  return statement(db, 'SELECT target_date, window_start, window_end FROM assessments WHERE participant_id = ? AND timepoint = ?').get(participantId, timepoint) as
    { target_date: string; window_start: string; window_end: string } | undefined;
}
