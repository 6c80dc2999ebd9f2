/** Queries on `responses` (questionnaire answers from tablets, idempotent by client uuid). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ResponseRow {
  id: number;
  client_uuid: string;
  participant_id: number;
  timepoint: number;
  form: string;
  answers_json: string;
  revision: number;
  complete: number;
  scores_json: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  /** the date the participant answered (YYYY-MM-DD) */
  answered_on: string | null;
  /** why staff accepted an answer dated outside its window (null inside it) */
  out_of_window_reason: string | null;
}

const COLUMNS = 'id, client_uuid, participant_id, timepoint, form, answers_json, revision, complete, scores_json, source, created_at, updated_at, completed_at, answered_on, out_of_window_reason';

export function findResponseByUuid(db: Db, clientUuid: string): ResponseRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM responses WHERE client_uuid = ?`).get(clientUuid) as ResponseRow | undefined;
}

export function findCompleteResponse(db: Db, participantId: number, timepoint: number, form: string): ResponseRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM responses WHERE participant_id = ? AND timepoint = ? AND form = ? AND complete = 1`).get(participantId, timepoint, form) as ResponseRow | undefined;
}

export function listResponsesOf(db: Db, participantId: number, timepoint: number | null): ResponseRow[] {
  if (timepoint === null) return statement(db, `SELECT ${COLUMNS} FROM responses WHERE participant_id = ? ORDER BY timepoint, form, updated_at`).all(participantId) as ResponseRow[];
  return statement(db, `SELECT ${COLUMNS} FROM responses WHERE participant_id = ? AND timepoint = ? ORDER BY form, updated_at`).all(participantId, timepoint) as ResponseRow[];
}

export interface ResponseValues {
  clientUuid: string;
  participantId: number;
  timepoint: number;
  form: string;
  answersJson: string;
  revision: number;
  complete: boolean;
  scoresJson: string | null;
  source: string;
  answeredOn: string;
  outOfWindowReason: string | null;
}

export function insertResponse(db: Db, v: ResponseValues, now: string): number {
  const result = statement(
    db,
    `INSERT INTO responses (client_uuid, participant_id, timepoint, form, answers_json, revision, complete, scores_json, source, created_at, updated_at, completed_at, answered_on, out_of_window_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.clientUuid, v.participantId, v.timepoint, v.form, v.answersJson, v.revision, v.complete ? 1 : 0, v.scoresJson, v.source, now, now, v.complete ? now : null, v.answeredOn, v.outOfWindowReason);
  return Number(result.lastInsertRowid);
}

/** Replaces the answers with a newer revision; never touches a complete row. */
export function updateResponseRevision(db: Db, id: number, v: Pick<ResponseValues, 'answersJson' | 'revision' | 'complete' | 'scoresJson' | 'answeredOn' | 'outOfWindowReason'>, now: string): number {
  return statement(
    db,
    `UPDATE responses SET answers_json = ?, revision = ?, complete = ?, scores_json = ?, updated_at = ?, completed_at = CASE WHEN ? = 1 THEN ? ELSE NULL END, answered_on = ?, out_of_window_reason = ?
     WHERE id = ? AND complete = 0 AND revision < ?`,
  ).run(v.answersJson, v.revision, v.complete ? 1 : 0, v.scoresJson, now, v.complete ? 1 : 0, now, v.answeredOn, v.outOfWindowReason, id, v.revision).changes;
}

export function findResponseById(db: Db, id: number): ResponseRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM responses WHERE id = ?`).get(id) as ResponseRow | undefined;
}

/** A staff correction of a complete response (record_corrections keeps the earlier value); the revision stays, so tablet retries stay unchanged. */
export function correctResponse(db: Db, id: number, v: Pick<ResponseValues, 'answersJson' | 'scoresJson' | 'answeredOn' | 'outOfWindowReason'>, now: string): number {
  return statement(db, 'UPDATE responses SET answers_json = ?, scores_json = ?, answered_on = ?, out_of_window_reason = ?, updated_at = ? WHERE id = ? AND complete = 1').run(
    v.answersJson, v.scoresJson, v.answeredOn, v.outOfWindowReason, now, id,
  ).changes;
}

/** Stored responses (complete or not) of one form, all participants. */
export function countResponsesOfForm(db: Db, form: string): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM responses WHERE form = ?').get(form) as { n: number }).n;
}
