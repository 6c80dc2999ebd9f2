/** Queries on `schema_migrations`, the record of applied migrations. */
import type { Db } from '../connection';

export interface MigrationRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export function ensureMigrationsTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
}

export function appliedMigrations(db: Db): MigrationRow[] {
  return db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as MigrationRow[];
}

export function recordMigration(db: Db, m: { version: number; name: string; checksum: string; appliedAt: string }): void {
  db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
    m.version,
    m.name,
    m.checksum,
    m.appliedAt,
  );
}
