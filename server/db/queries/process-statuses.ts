/** Queries on `process_statuses` (append-only history). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ProcessStatusRow {
  id: number;
  participant_id: number;
  status_date: string;
  process_stage: string;
  ended_reason: string | null;
  answers_json: string;
  created_at: string;
}

const COLUMNS = 'id, participant_id, status_date, process_stage, ended_reason, answers_json, created_at';

export function listStatuses(db: Db, participantId: number): ProcessStatusRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM process_statuses WHERE participant_id = ? ORDER BY status_date, id`).all(participantId) as ProcessStatusRow[];
}

export function insertStatus(db: Db, row: { participantId: number; date: string; stage: string; endedReason: string | null; answersJson: string }, by: number | null, now: string): number {
  const result = statement(
    db,
    'INSERT INTO process_statuses (participant_id, status_date, process_stage, ended_reason, answers_json, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(row.participantId, row.date, row.stage, row.endedReason, row.answersJson, by, now);
  return Number(result.lastInsertRowid);
}

export function findStatus(db: Db, id: number): ProcessStatusRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM process_statuses WHERE id = ?`).get(id) as ProcessStatusRow | undefined;
}

/** A correction of a status row (the history stays append-only; record_corrections keeps the earlier value). */
export function correctStatus(db: Db, id: number, row: { date: string; stage: string; endedReason: string | null; answersJson: string }, by: number | null): void {
  statement(db, 'UPDATE process_statuses SET status_date = ?, process_stage = ?, ended_reason = ?, answers_json = ?, recorded_by = ? WHERE id = ?').run(row.date, row.stage, row.endedReason, row.answersJson, by, id);
}
