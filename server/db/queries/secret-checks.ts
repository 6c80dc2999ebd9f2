/**
 * Queries on `secret_checks` (the check value of each secret key) and the
 * questions "does anything in the database already depend on this key?"
 * that decide whether a missing key may still be made (server/secrets.ts).
 */
import type { Db } from '../connection';
import { statement } from './statement';

export interface SecretCheckRow {
  name: string;
  check_value: string;
  origin: 'created' | 'recorded';
  recorded_at: string;
}

/** False on a database opened read-only before migration 0006 was applied. */
export function hasSecretChecksTable(db: Db): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'secret_checks'").get() !== undefined;
}

export function findSecretCheck(db: Db, name: string): SecretCheckRow | undefined {
  return statement(db, 'SELECT name, check_value, origin, recorded_at FROM secret_checks WHERE name = ?').get(name) as SecretCheckRow | undefined;
}

/** Records a check value unless one is there already (another process may have been first). */
export function insertSecretCheck(db: Db, row: SecretCheckRow): void {
  statement(db, 'INSERT OR IGNORE INTO secret_checks (name, check_value, origin, recorded_at) VALUES (?, ?, ?, ?)').run(
    row.name,
    row.check_value,
    row.origin,
    row.recorded_at,
  );
}

const DEPENDENTS: Record<string, string> = {
  'identifier-key': 'SELECT EXISTS (SELECT 1 FROM participant_identifiers) AS used',
  'randomization-seed': 'SELECT EXISTS (SELECT 1 FROM allocations) AS used',
  // every finished export, from the web or the command line, is in the audit trail with its options
  'export-pid-key': "SELECT EXISTS (SELECT 1 FROM audit_entries WHERE action = 'export' AND json_extract(after_json, '$.options.pidMode') = 'keyed') AS used",
  // an encrypted TOTP secret, active or pending (the table exists from migration 0007)
  'totp-key': 'SELECT EXISTS (SELECT 1 FROM user_totp) AS used',
};

/** Tables a dependents query reads that an older database (opened read-only, not migrated) may lack. */
const NEEDS_TABLE: Record<string, string> = { 'totp-key': 'user_totp' };

/** Whether data made with the key `name` exist: encrypted identifiers, allocations, keyed exports. */
export function secretInUse(db: Db, name: string): boolean {
  const sql = DEPENDENTS[name];
  if (!sql) throw new Error(`no dependents known for secret '${name}'`);
  const table = NEEDS_TABLE[name];
  if (table && statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) === undefined) return false;
  return (statement(db, sql).get() as { used: number }).used === 1;
}
