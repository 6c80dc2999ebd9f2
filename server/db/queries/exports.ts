/** Queries on `exports` (web exports: status, folder, manifest). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ExportRow {
  id: number;
  status: 'running' | 'done' | 'failed';
  options_json: string;
  folder: string | null;
  manifest_json: string | null;
  error: string | null;
  requested_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export function insertExport(db: Db, e: { options: unknown; requestedBy: number | null; now: string }): ExportRow {
  const id = Number(statement(db, `INSERT INTO exports (status, options_json, requested_by, created_at) VALUES ('running', ?, ?, ?)`).run(JSON.stringify(e.options), e.requestedBy, e.now).lastInsertRowid);
  return findExport(db, id)!;
}

export function finishExport(db: Db, id: number, e: { folder: string; manifest: unknown; now: string }): void {
  statement(db, `UPDATE exports SET status = 'done', folder = ?, manifest_json = ?, finished_at = ? WHERE id = ?`).run(e.folder, JSON.stringify(e.manifest), e.now, id);
}

export function failExport(db: Db, id: number, error: string, now: string): void {
  statement(db, `UPDATE exports SET status = 'failed', error = ?, finished_at = ? WHERE id = ?`).run(error, now, id);
}

export function findExport(db: Db, id: number): ExportRow | undefined {
  return statement(db, 'SELECT * FROM exports WHERE id = ?').get(id) as ExportRow | undefined;
}

export function listExports(db: Db): ExportRow[] {
  return statement(db, 'SELECT * FROM exports ORDER BY id DESC LIMIT 100').all() as ExportRow[];
}
