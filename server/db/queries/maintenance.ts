/** Whole-database checks used by backups and health checks. */
import type { Db } from '../connection';
import { statement } from './statement';

/** SQLite's own consistency check; 'ok' when the file is sound. */
export function integrityCheck(db: Db): string {
  const rows = statement(db, 'PRAGMA integrity_check').all() as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
