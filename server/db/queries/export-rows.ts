/**
 * Read-only queries behind the anonymized export (server/export): each walks
 * one kind of row of the randomized participants with `.iterate()`, ordered by
 * participant, so the export streams and never holds a table in memory. The
 * randomization date travels with every row (days are counted from it in
 * server/export). Identifiers (participant_identifiers) are never read here.
 */
import type { Db } from '../connection';
import { statement } from './statement';

/**
 * One randomized participant: the arm allocated at randomization (intention
 * to treat; never changed by a correction), the arm received (latest
 * correction wins), whether the allocation was corrected, site code,
 * baseline quasi-identifiers.
 */
export interface ExportParticipantRow {
  id: number;
  site: string;
  arm: 'ips' | 'control';
  arm_received: 'ips' | 'control';
  allocation_corrected: 0 | 1;
  randomized_on: string;
  withdrawal_date: string | null;
  withdrawal_data_use: string | null;
  sex: string | null;
  birth_year: number | null;
}

const PARTICIPANTS_SQL = `
SELECT p.id, s.code AS site, a.randomized_on, a.arm,
  COALESCE((SELECT c.corrected_arm FROM allocation_corrections c WHERE c.participant_id = p.id ORDER BY c.id DESC LIMIT 1), a.arm) AS arm_received,
  EXISTS (SELECT 1 FROM allocation_corrections c WHERE c.participant_id = p.id) AS allocation_corrected,
  w.withdrawal_date, w.withdrawal_data_use,
  json_extract(b.answers_json, '$.sex') AS sex, json_extract(b.answers_json, '$.birth_year') AS birth_year
FROM allocations a
JOIN participants p ON p.id = a.participant_id
JOIN sites s ON s.id = p.site_id
LEFT JOIN withdrawals w ON w.participant_id = p.id
LEFT JOIN responses b ON b.id = (
  SELECT r.id FROM responses r WHERE r.participant_id = p.id AND r.timepoint = 0 AND r.form = 'baseline'
  ORDER BY r.complete DESC, r.updated_at DESC, r.id DESC LIMIT 1
)
ORDER BY p.id`;

export function iterateExportParticipants(db: Db): IterableIterator<ExportParticipantRow> {
  return statement(db, PARTICIPANTS_SQL).iterate() as IterableIterator<ExportParticipantRow>;
}

/**
 * What every row of the other tables carries: the withdrawal choice, the day
 * of the row counted from randomization (computed here, in SQLite, which is
 * much faster than in JavaScript for millions of rows) and whether the row is
 * dated after the withdrawal.
 */
export interface ExportRowContext {
  withdrawal_data_use: string | null;
  /** whole days from randomization to the row's date */
  day: number;
  after_withdrawal: 0 | 1;
}

const CONTEXT_COLUMNS = (date: string) =>
  `w.withdrawal_data_use, CAST(julianday(substr(${date}, 1, 10)) - julianday(a.randomized_on) AS INTEGER) AS day,
   (w.withdrawal_date IS NOT NULL AND substr(${date}, 1, 10) > w.withdrawal_date) AS after_withdrawal`;
const WITHDRAWAL_JOIN = (alias: string) => `LEFT JOIN withdrawals w ON w.participant_id = ${alias}.participant_id`;

/** The date a response was answered (migration 0022 set it on every earlier row; the save date is only a fallback). */
const ANSWERED_ON = 'COALESCE(r.answered_on, substr(COALESCE(r.completed_at, r.updated_at), 1, 10))';

/** A questionnaire response of a randomized participant (best first within participant, timepoint, form); its `day` is the day it was answered. */
export interface ExportResponseRow extends ExportRowContext {
  participant_id: number;
  timepoint: number;
  form: string;
  answers_json: string;
  complete: 0 | 1;
  /** completion time, or the last save of an unfinished response (ISO 8601 UTC) */
  at: string;
  /** 1 when staff accepted it outside its timepoint's window (with a reason) */
  out_of_window: 0 | 1;
}

export function iterateExportResponses(db: Db, forms: readonly string[]): IterableIterator<ExportResponseRow> {
  const placeholders = forms.map(() => '?').join(', ');
  return statement(
    db,
    `SELECT r.participant_id, r.timepoint, r.form, r.answers_json, r.complete, COALESCE(r.completed_at, r.updated_at) AS at,
       (r.out_of_window_reason IS NOT NULL) AS out_of_window, ${CONTEXT_COLUMNS(ANSWERED_ON)}
     FROM responses r JOIN allocations a ON a.participant_id = r.participant_id ${WITHDRAWAL_JOIN('r')}
     WHERE r.form IN (${placeholders})
     ORDER BY r.participant_id, r.timepoint, r.form, r.complete DESC, r.updated_at DESC, r.id DESC`,
  ).iterate(...forms) as IterableIterator<ExportResponseRow>;
}

export interface ExportEpisodeRow extends ExportRowContext {
  participant_id: number;
  episode_type: string;
  /** day the episode ended (the context's `day` is its first day) */
  end_day: number | null;
  hours_per_week: number | null;
  /** 1/0 from the episode form (json true/false), null when not recorded */
  wage_subsidy: number | null;
}

export function iterateExportEpisodes(db: Db): IterableIterator<ExportEpisodeRow> {
  return statement(
    db,
    `SELECT e.participant_id, e.episode_type, e.episode_start_date, e.episode_end_date,
       json_extract(e.answers_json, '$.hours_per_week') AS hours_per_week, json_extract(e.answers_json, '$.wage_subsidy') AS wage_subsidy,
       CAST(julianday(e.episode_end_date) - julianday(a.randomized_on) AS INTEGER) AS end_day, ${CONTEXT_COLUMNS('e.episode_start_date')}
     FROM employment_episodes e JOIN allocations a ON a.participant_id = e.participant_id ${WITHDRAWAL_JOIN('e')}
     ORDER BY e.participant_id, e.episode_start_date, e.id`,
  ).iterate() as IterableIterator<ExportEpisodeRow>;
}

/**
 * A time log as a tuple (raw mode: no object per row, the export's largest
 * table; read from the covering index time_logs_export, without joins):
 * [participant_id, log_date, staff_role, activity, minutes]. Logs of
 * participants who were never randomized come too: the caller merges with
 * iterateExportContexts and skips them.
 */
export type ExportTimeLogTuple = [number, string, string, string, number];

export function iterateExportTimeLogs(db: Db): IterableIterator<ExportTimeLogTuple> {
  return statement(
    db,
    `SELECT participant_id, log_date, staff_role, activity, minutes FROM time_logs INDEXED BY time_logs_export
     WHERE participant_id IS NOT NULL AND log_scope = 'participant' ORDER BY participant_id`,
  ).raw(true).iterate() as IterableIterator<ExportTimeLogTuple>;
}

/** [participant_id, randomized_on, withdrawal_date, withdrawal_data_use] of every randomized participant, in participant order. */
export type ExportContextTuple = [number, string, string | null, string | null];

export function iterateExportContexts(db: Db): IterableIterator<ExportContextTuple> {
  return statement(
    db,
    `SELECT a.participant_id, a.randomized_on, w.withdrawal_date, w.withdrawal_data_use
     FROM allocations a LEFT JOIN withdrawals w ON w.participant_id = a.participant_id ORDER BY a.participant_id`,
  ).raw(true).iterate() as IterableIterator<ExportContextTuple>;
}

/** Number of randomized participants. */
export function exportParticipantCount(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM allocations').get() as { n: number }).n;
}
