/** Queries on `time_logs` (coach minutes) and the caseload per coach. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface TimeLogRow {
  id: number;
  staff_id: number;
  site_id: number;
  participant_id: number | null;
  log_scope: 'participant' | 'site';
  log_date: string;
  staff_role: string;
  activity: string;
  minutes: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, staff_id, site_id, participant_id, log_scope, log_date, staff_role, activity, minutes, created_at, updated_at';

export function insertTimeLog(db: Db, row: Omit<TimeLogRow, 'id' | 'created_at' | 'updated_at'>, now: string): number {
  const result = statement(
    db,
    `INSERT INTO time_logs (staff_id, site_id, participant_id, log_scope, log_date, staff_role, activity, minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.staff_id, row.site_id, row.participant_id, row.log_scope, row.log_date, row.staff_role, row.activity, row.minutes, now, now);
  return Number(result.lastInsertRowid);
}

export function findTimeLog(db: Db, id: number): TimeLogRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM time_logs WHERE id = ?`).get(id) as TimeLogRow | undefined;
}

export function deleteTimeLog(db: Db, id: number): void {
  statement(db, 'DELETE FROM time_logs WHERE id = ?').run(id);
}

/** A correction of date, role, activity or minutes (record_corrections keeps the earlier value). */
export function correctTimeLog(db: Db, id: number, row: Pick<TimeLogRow, 'log_date' | 'staff_role' | 'activity' | 'minutes'>, now: string): void {
  statement(db, 'UPDATE time_logs SET log_date = ?, staff_role = ?, activity = ?, minutes = ?, updated_at = ? WHERE id = ?').run(row.log_date, row.staff_role, row.activity, row.minutes, now, id);
}

export function listTimeLogs(db: Db, filter: { from: string; to: string }): TimeLogRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM time_logs WHERE log_date BETWEEN ? AND ? ORDER BY log_date, id`).all(filter.from, filter.to) as TimeLogRow[];
}

export interface CaseloadRow {
  coach_id: number;
  display_name: string;
  active_participants: number;
}

/** Participants per coach: allocated to IPS, not withdrawn, current status not "ended". */
export function caseloads(db: Db): CaseloadRow[] {
  return statement(
    db,
    `SELECT u.id AS coach_id, u.display_name,
       (SELECT COUNT(*) FROM participants p JOIN allocations a ON a.participant_id = p.id
         WHERE p.coach_id = u.id
           AND COALESCE((SELECT corrected_arm FROM allocation_corrections c WHERE c.participant_id = p.id ORDER BY c.id DESC LIMIT 1), a.arm) = 'ips'
           AND NOT EXISTS (SELECT 1 FROM withdrawals w WHERE w.participant_id = p.id)
           AND COALESCE((SELECT process_stage FROM process_statuses s WHERE s.participant_id = p.id ORDER BY s.status_date DESC, s.id DESC LIMIT 1), '') <> 'ended'
       ) AS active_participants
     FROM users u WHERE u.role = 'coach' AND u.active = 1 ORDER BY u.display_name`,
  ).all() as CaseloadRow[];
}
