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

/**
 * Fingerprints for a run of requests on one connection, cheaply: SQLite's
 * `total_changes()` counts every row the connection inserted, updated or
 * deleted (rolled back or not), so while it stands still the last
 * fingerprint is still right and is not computed again. Writes by other
 * connections (the worker of an export or report) are not counted: wait for
 * them before `before()`.
 */
export class RowWatch {
  private changes = -1;
  private last = new Map<string, string>();

  constructor(private readonly db: Db) {}

  private totalChanges(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** Forget the last fingerprint (after other connections wrote). */
  reset(): void {
    this.changes = -1;
  }

  /** Call before a request. */
  before(): void {
    const now = this.totalChanges();
    if (now !== this.changes) {
      this.last = fingerprint(this.db);
      this.changes = now;
    }
  }

  /** Call after it: the tables whose rows it changed. */
  changedTables(): string[] {
    const now = this.totalChanges();
    if (now === this.changes) return [];
    const after = fingerprint(this.db);
    const changed = changedTables(this.last, after);
    this.last = after;
    this.changes = now;
    return changed;
  }
}
