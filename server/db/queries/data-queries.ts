/** Queries on `data_queries` and `data_query_comments` (a monitor's questions about a field, and each step's comment). */
import type { Db } from '../connection';
import { statement } from './statement';

export type DataQueryState = 'open' | 'answered' | 'closed';
export type DataQueryStep = 'open' | 'answer' | 'close' | 'reopen';
export type RecordKind = 'participant' | 'response' | 'episode' | 'time_log' | 'status';
export const RECORD_KINDS: readonly RecordKind[] = ['participant', 'response', 'episode', 'time_log', 'status'];
export const DATA_QUERY_STATES: readonly DataQueryState[] = ['open', 'answered', 'closed'];

export interface DataQueryRow {
  id: number;
  participant_id: number;
  study_id: string;
  site_id: number;
  site_code: string;
  record_kind: RecordKind;
  form: string | null;
  timepoint: number | null;
  record_id: number | null;
  field_name: string;
  state: DataQueryState;
  opened_by: number;
  opened_by_email: string;
  created_at: string;
  updated_at: string;
}

export interface DataQueryCommentRow {
  id: number;
  step: DataQueryStep;
  comment: string;
  author_id: number | null;
  author: string;
  created_at: string;
}

const SELECT = `SELECT q.id, q.participant_id, p.study_id, p.site_id, s.code AS site_code, q.record_kind, q.form, q.timepoint,
  q.record_id, q.field_name, q.state, q.opened_by, u.email AS opened_by_email, q.created_at, q.updated_at
  FROM data_queries q JOIN participants p ON p.id = q.participant_id JOIN sites s ON s.id = p.site_id JOIN users u ON u.id = q.opened_by`;

export interface NewDataQuery {
  participantId: number;
  recordKind: RecordKind;
  form: string | null;
  timepoint: number | null;
  recordId: number | null;
  fieldName: string;
  openedBy: number;
  now: string;
}

export function insertDataQuery(db: Db, q: NewDataQuery): number {
  const result = statement(
    db,
    `INSERT INTO data_queries (participant_id, record_kind, form, timepoint, record_id, field_name, state, opened_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(q.participantId, q.recordKind, q.form, q.timepoint, q.recordId, q.fieldName, q.openedBy, q.now, q.now);
  return Number(result.lastInsertRowid);
}

export function findDataQuery(db: Db, id: number): DataQueryRow | undefined {
  return statement(db, `${SELECT} WHERE q.id = ?`).get(id) as DataQueryRow | undefined;
}

export interface DataQueryFilter {
  state: DataQueryState | null;
  siteId: number | null;
  participantId: number | null;
  /** a staff member's own queries: opened by them, with a step of theirs, or on a participant they coach (null = anyone's) */
  mine: number | null;
  /** null = every site */
  siteIds: number[] | null;
}

export function listDataQueries(db: Db, f: DataQueryFilter): DataQueryRow[] {
  const rows = statement(
    db,
    `${SELECT} WHERE (@state IS NULL OR q.state = @state) AND (@siteId IS NULL OR p.site_id = @siteId)
       AND (@participantId IS NULL OR q.participant_id = @participantId)
       AND (@mine IS NULL OR q.opened_by = @mine OR p.coach_id = @mine
            OR EXISTS (SELECT 1 FROM data_query_comments c WHERE c.data_query_id = q.id AND c.author_id = @mine))
     ORDER BY q.id`,
  ).all({ state: f.state, siteId: f.siteId, participantId: f.participantId, mine: f.mine }) as DataQueryRow[];
  if (f.siteIds === null) return rows;
  const allowed = new Set(f.siteIds);
  return rows.filter((row) => allowed.has(row.site_id));
}

/** Queries per state over the given sites (null = every site). */
export function countDataQueriesByState(db: Db, siteIds: number[] | null): Record<DataQueryState, number> {
  const rows = statement(
    db,
    'SELECT p.site_id, q.state, count(*) AS n FROM data_queries q JOIN participants p ON p.id = q.participant_id GROUP BY p.site_id, q.state',
  ).all() as { site_id: number; state: DataQueryState; n: number }[];
  const counts: Record<DataQueryState, number> = { open: 0, answered: 0, closed: 0 };
  for (const row of rows) if (siteIds === null || siteIds.includes(row.site_id)) counts[row.state] += row.n;
  return counts;
}

export function updateDataQueryState(db: Db, id: number, state: DataQueryState, now: string): void {
  statement(db, 'UPDATE data_queries SET state = ?, updated_at = ? WHERE id = ?').run(state, now, id);
}

export function insertDataQueryComment(
  db: Db,
  c: { dataQueryId: number; step: DataQueryStep; comment: string; authorId: number | null; author: string; now: string },
): number {
  const result = statement(
    db,
    'INSERT INTO data_query_comments (data_query_id, step, comment, author_id, author, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(c.dataQueryId, c.step, c.comment, c.authorId, c.author, c.now);
  return Number(result.lastInsertRowid);
}

export function listDataQueryComments(db: Db, dataQueryId: number): DataQueryCommentRow[] {
  return statement(
    db,
    'SELECT id, step, comment, author_id, author, created_at FROM data_query_comments WHERE data_query_id = ? ORDER BY id',
  ).all(dataQueryId) as DataQueryCommentRow[];
}

/** An open query as a calendar feed shows it: study id, record and field, never a comment. */
export interface OpenDataQueryForFeed {
  id: number;
  study_id: string;
  site_id: number;
  record_kind: RecordKind;
  form: string | null;
  timepoint: number | null;
  field_name: string;
  created_at: string;
}

/** Open queries on participants of the given sites (null = every site), of one coach's participants when `coachId` is set. */
export function openDataQueriesForFeed(db: Db, f: { siteIds: number[] | null; coachId: number | undefined }): OpenDataQueryForFeed[] {
  const rows = statement(
    db,
    `SELECT q.id, p.study_id, p.site_id, q.record_kind, q.form, q.timepoint, q.field_name, q.created_at
       FROM data_queries q JOIN participants p ON p.id = q.participant_id
      WHERE q.state = 'open' AND (@coachId IS NULL OR p.coach_id = @coachId)
      ORDER BY q.id`,
  ).all({ coachId: f.coachId ?? null }) as OpenDataQueryForFeed[];
  if (f.siteIds === null) return rows;
  const allowed = new Set(f.siteIds);
  return rows.filter((row) => allowed.has(row.site_id));
}
