/**
 * A fingerprint of every row of every table (a SHA-256 per table of its rows
 * in rowid order), to show that a refused request changed nothing. Left
 * out, because a refused request rightly writes them: a session's
 * `last_seen_at` (every authenticated request touches it), the failed-login
 * counters (`login_failures`) and the audit entries of failed or locked
 * logins. Meant for the small databases of tests.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../server/db/connection';

const LEFT_OUT: Record<string, string> = {
  sessions: 'SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions ORDER BY token_hash',
  login_failures: 'SELECT 0',
  audit_entries: "SELECT * FROM audit_entries WHERE action NOT IN ('login_failed', 'login_locked', 'login_refused') ORDER BY id",
};

export function fingerprint(db: Db): Map<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const result = new Map<string, string>();
  for (const table of tables) {
    const rows = db.prepare(LEFT_OUT[table] ?? `SELECT * FROM "${table}" ORDER BY rowid`).raw().all();
    result.set(table, createHash('sha256').update(JSON.stringify(rows)).digest('hex'));
  }
  return result;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}
