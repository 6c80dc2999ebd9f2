/** Queries on `app_settings` (facts about this database, e.g. demo seeded). */
import type { Db } from '../connection';
import { statement } from './statement';

export function getSetting(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string, now: string): void {
  statement(
    db,
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now);
}

/** Throws when the database cannot answer a trivial query (health check). */
export function databaseAnswers(db: Db): void {
  statement(db, 'SELECT 1').get();
}
