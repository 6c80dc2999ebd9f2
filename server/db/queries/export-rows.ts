/**
 * Read-only queries behind the anonymized export (server/export): each walks
 * one kind of row of the randomized participants with `.iterate()`, ordered by
 * participant, so the export streams and never holds a table in memory. The
 * randomization date travels with every row (days are counted from it in
 * server/export). Identifiers (participant_identifiers) are never read here.
 */
import type { Db } from '../connection';
import { statement } from './statement';

/** One randomized participant: the effective arm (latest correction wins), site code, baseline quasi-identifiers. */
export interface ExportParticipantRow {
  id: number;
  site: string;
  arm: 'ips' | 'control';
  randomized_on: string;
  withdrawal_date: string | null;
  withdrawal_data_use: string | null;
  sex: string | null;
  birth_year: number | null;
}

const PARTICIPANTS_SQL = `
SELECT p.id, s.code AS site, a.randomized_on,
  COALESCE((SELECT c.corrected_arm FROM allocation_corrections c WHERE c.participant_id = p.id ORDER BY c.id DESC LIMIT 1), a.arm) AS arm,
  w.withdrawal_date, w.withdrawal_data_use,
  b.sex, b.birth_year
FROM allocations a
JOIN participants p ON p.id = a.participant_id
JOIN sites s ON s.id = p.site_id
LEFT JOIN withdrawals w ON w.participant_id = p.id
LEFT JOIN (
  SELECT participant_id, json_extract(answers_json, '$.sex') AS sex, json_extract(answers_json, '$.birth_year') AS birth_year,
    row_number() OVER (PARTITION BY participant_id ORDER BY complete DESC, updated_at DESC, id DESC) AS pick
  FROM responses WHERE form = 'baseline' AND timepoint = 0
) b ON b.participant_id = p.id AND b.pick = 1
ORDER BY p.id`;

export function iterateExportParticipants(db: Db): IterableIterator<ExportParticipantRow> {
  return statement(db, PARTICIPANTS_SQL).iterate() as IterableIterator<ExportParticipantRow>;
}

/** What every row of the other tables carries: the randomization date and the withdrawal. */
export interface ExportRowContext {
  randomized_on: string;
  withdrawal_date: string | null;
  withdrawal_data_use: string | null;
}

const CONTEXT_COLUMNS = 'a.randomized_on, w.withdrawal_date, w.withdrawal_data_use';
const WITHDRAWAL_JOIN = (alias: string) => `LEFT JOIN withdrawals w ON w.participant_id = ${alias}.participant_id`;

/** A questionnaire response of a randomized participant (best first within participant, timepoint, form). */
export interface ExportResponseRow extends ExportRowContext {
  participant_id: number;
  timepoint: number;
  form: string;
  answers_json: string;
  complete: 0 | 1;
  /** completion time, or the last save of an unfinished response (ISO 8601 UTC) */
  at: string;
}

export function iterateExportResponses(db: Db, forms: readonly string[]): IterableIterator<ExportResponseRow> {
  const placeholders = forms.map(() => '?').join(', ');
  return statement(
    db,
    `SELECT r.participant_id, r.timepoint, r.form, r.answers_json, r.complete, COALESCE(r.completed_at, r.updated_at) AS at, ${CONTEXT_COLUMNS}
     FROM responses r JOIN allocations a ON a.participant_id = r.participant_id ${WITHDRAWAL_JOIN('r')}
     WHERE r.form IN (${placeholders})
     ORDER BY r.participant_id, r.timepoint, r.form, r.complete DESC, r.updated_at DESC, r.id DESC`,
  ).iterate(...forms) as IterableIterator<ExportResponseRow>;
}

export interface ExportEpisodeRow extends ExportRowContext {
  participant_id: number;
  episode_type: string;
  episode_start_date: string;
  episode_end_date: string | null;
  hours_per_week: number | null;
}

export function iterateExportEpisodes(db: Db): IterableIterator<ExportEpisodeRow> {
  return statement(
    db,
    `SELECT e.participant_id, e.episode_type, e.episode_start_date, e.episode_end_date,
       json_extract(e.answers_json, '$.hours_per_week') AS hours_per_week, ${CONTEXT_COLUMNS}
     FROM employment_episodes e JOIN allocations a ON a.participant_id = e.participant_id ${WITHDRAWAL_JOIN('e')}
     ORDER BY e.participant_id, e.episode_start_date, e.id`,
  ).iterate() as IterableIterator<ExportEpisodeRow>;
}

export interface ExportTimeLogRow extends ExportRowContext {
  participant_id: number;
  log_date: string;
  staff_role: string;
  activity: string;
  minutes: number;
}

export function iterateExportTimeLogs(db: Db): IterableIterator<ExportTimeLogRow> {
  return statement(
    db,
    `SELECT t.participant_id, t.log_date, t.staff_role, t.activity, t.minutes, ${CONTEXT_COLUMNS}
     FROM time_logs t JOIN allocations a ON a.participant_id = t.participant_id ${WITHDRAWAL_JOIN('t')}
     WHERE t.log_scope = 'participant'
     ORDER BY t.participant_id, t.log_date, t.id`,
  ).iterate() as IterableIterator<ExportTimeLogRow>;
}

/** Number of randomized participants. */
export function exportParticipantCount(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM allocations').get() as { n: number }).n;
}
