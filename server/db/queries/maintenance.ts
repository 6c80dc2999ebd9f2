/** Whole-database checks used by backups and health checks. */
import type { Db } from '../connection';
import { statement } from './statement';

/** SQLite's own consistency check; 'ok' when the file is sound. */
export function integrityCheck(db: Db): string {
  const rows = statement(db, 'PRAGMA integrity_check').all() as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

/** SQLite's quicker consistency check (no index contents): 'ok' when the file is sound. */
export function quickCheck(db: Db): string {
  const rows = statement(db, 'PRAGMA quick_check').all() as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/** Folds the write-ahead log into the main file and empties it, so the file is complete on its own. */
export function checkpointIntoFile(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const PROBE_KEY = 'storage_write_probe';
/** More than a page, so the write needs free space as a real write does (not only a page already held). */
const PROBE_VALUE_BYTES = 8192;

/**
 * Writes and commits a row of 8 KiB, then removes it: throws SQLite's own
 * error (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR…) when the database
 * cannot take a write now.
 */
export function probeWrite(db: Db, now: string): void {
  statement(db, 'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    PROBE_KEY,
    'x'.repeat(PROBE_VALUE_BYTES),
    now,
  );
  statement(db, 'DELETE FROM app_settings WHERE key = ?').run(PROBE_KEY);
}
