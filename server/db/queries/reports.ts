/** Queries on `reports` (ICER reports made from the live database). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ReportRow {
  id: number;
  kind: 'icer';
  status: 'running' | 'done' | 'failed';
  percent: number;
  stage: string | null;
  settings_json: string;
  dataset_sha256: string | null;
  result_json: string | null;
  report_html: string | null;
  error: string | null;
  requested_by: number | null;
  created_at: string;
  finished_at: string | null;
}

/** The columns of a report without its (large) result and HTML. */
export type ReportSummaryRow = Omit<ReportRow, 'result_json' | 'report_html'>;
const SUMMARY = 'id, kind, status, percent, stage, settings_json, dataset_sha256, error, requested_by, created_at, finished_at';

export function insertReport(db: Db, r: { settings: unknown; requestedBy: number | null; now: string }): number {
  return Number(statement(db, `INSERT INTO reports (kind, status, percent, stage, settings_json, requested_by, created_at) VALUES ('icer', 'running', 0, 'queued', ?, ?, ?)`)
    .run(JSON.stringify(r.settings), r.requestedBy, r.now).lastInsertRowid);
}

export function updateReportProgress(db: Db, id: number, percent: number, stage: string): void {
  statement(db, `UPDATE reports SET percent = ?, stage = ? WHERE id = ? AND status = 'running'`).run(Math.max(0, Math.min(100, Math.round(percent))), stage, id);
}

export function finishReport(db: Db, id: number, r: { settings: unknown; sha256: string; resultJson: string; html: string; now: string }): void {
  statement(db, `UPDATE reports SET status = 'done', percent = 100, stage = 'done', settings_json = ?, dataset_sha256 = ?, result_json = ?, report_html = ?, finished_at = ? WHERE id = ?`)
    .run(JSON.stringify(r.settings), r.sha256, r.resultJson, r.html, r.now, id);
}

export function failReport(db: Db, id: number, error: string, now: string): void {
  statement(db, `UPDATE reports SET status = 'failed', stage = 'failed', error = ?, finished_at = ? WHERE id = ?`).run(error, now, id);
}

export function findReportSummary(db: Db, id: number): ReportSummaryRow | undefined {
  return statement(db, `SELECT ${SUMMARY} FROM reports WHERE id = ?`).get(id) as ReportSummaryRow | undefined;
}

export function findReportPart(db: Db, id: number, part: 'result_json' | 'report_html'): string | null | undefined {
  const row = statement(db, `SELECT ${part === 'result_json' ? 'result_json' : 'report_html'} AS value FROM reports WHERE id = ?`).get(id) as { value: string | null } | undefined;
  return row === undefined ? undefined : row.value;
}

export function listReportSummaries(db: Db): ReportSummaryRow[] {
  return statement(db, `SELECT ${SUMMARY} FROM reports ORDER BY id DESC LIMIT 100`).all() as ReportSummaryRow[];
}
