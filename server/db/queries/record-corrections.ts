/** Queries on `record_corrections` (the append-only history of corrected and deleted records, migration 0025). */
import type { Db } from '../connection';
import { statement } from './statement';

export type RecordKind = 'response' | 'time_log' | 'employment_episode' | 'process_status' | 'fidelity_review';

export interface RecordCorrectionRow {
  id: number;
  record_kind: RecordKind;
  record_id: number;
  participant_id: number | null;
  site_id: number | null;
  action: 'correct' | 'delete';
  before_json: string;
  after_json: string | null;
  changes_json: string;
  reason: string;
  corrected_by: number | null;
  corrector: string;
  corrected_at: string;
}

const COLUMNS = 'id, record_kind, record_id, participant_id, site_id, action, before_json, after_json, changes_json, reason, corrected_by, corrector, corrected_at';

export function insertRecordCorrection(db: Db, row: Omit<RecordCorrectionRow, 'id'>): number {
  const result = statement(
    db,
    `INSERT INTO record_corrections (record_kind, record_id, participant_id, site_id, action, before_json, after_json, changes_json, reason, corrected_by, corrector, corrected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.record_kind, row.record_id, row.participant_id, row.site_id, row.action, row.before_json, row.after_json, row.changes_json, row.reason, row.corrected_by, row.corrector, row.corrected_at);
  return Number(result.lastInsertRowid);
}

/** The corrections of one record, oldest first. */
export function listCorrectionsOfRecord(db: Db, kind: RecordKind, recordId: number): RecordCorrectionRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM record_corrections WHERE record_kind = ? AND record_id = ? ORDER BY id`).all(kind, recordId) as RecordCorrectionRow[];
}

/** Every correction of a participant's records (responses, time logs, episodes, statuses), oldest first. */
export function listCorrectionsOfParticipant(db: Db, participantId: number): RecordCorrectionRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM record_corrections WHERE participant_id = ? ORDER BY id`).all(participantId) as RecordCorrectionRow[];
}

/** How many times one record was corrected (0 when never). */
export function countCorrectionsOfRecord(db: Db, kind: RecordKind, recordId: number): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM record_corrections WHERE record_kind = ? AND record_id = ?').get(kind, recordId) as { n: number }).n;
}
